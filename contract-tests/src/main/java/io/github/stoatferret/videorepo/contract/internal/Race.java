package io.github.stoatferret.videorepo.contract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

/**
 * Starts calls on several threads at the same moment (a barrier), to make races likely, and hands
 * back their stages.
 */
public final class Race {

  private Race() {}

  /**
   * Runs each call on its own thread, released together.
   *
   * @param calls the calls
   * @return their stages, in the order of the calls
   * @throws InterruptedException if interrupted while waiting for the threads
   */
  public static List<CompletionStage<?>> run(List<Supplier<CompletionStage<?>>> calls)
      throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<CompletableFuture<CompletionStage<?>>> stages = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Supplier<CompletionStage<?>> call : calls) {
      CompletableFuture<CompletionStage<?>> stage = new CompletableFuture<>();
      stages.add(stage);
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  stage.complete(call.get());
                } catch (Exception e) {
                  stage.completeExceptionally(e);
                }
              },
              "videorepo-race");
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    List<CompletionStage<?>> out = new ArrayList<>();
    for (CompletableFuture<CompletionStage<?>> s : stages) {
      out.add(s.getNow(CompletableFuture.failedFuture(new IllegalStateException("no stage"))));
    }
    return out;
  }
}
