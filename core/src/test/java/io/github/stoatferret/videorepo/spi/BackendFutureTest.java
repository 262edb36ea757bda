package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every way of attaching a callback runs it on the callback executor, never inline. */
class BackendFutureTest {

  @Test
  void everyNonAsyncMethodRunsOnTheCallbackExecutor() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "callbacks"));
    try {
      CompletableFuture<String> other = CompletableFuture.completedFuture("x");
      List<Function<CompletableFuture<String>, CompletionStage<?>>> attachments =
          List.of(
              f -> f.thenApply(v -> where()),
              f -> f.thenAccept(v -> where()),
              f -> f.thenRun(() -> where()),
              f -> f.thenCombine(other, (a, b) -> where()),
              f -> f.thenAcceptBoth(other, (a, b) -> where()),
              f -> f.runAfterBoth(other, () -> where()),
              f -> f.applyToEither(new CompletableFuture<>(), v -> where()),
              f -> f.acceptEither(new CompletableFuture<>(), v -> where()),
              f -> f.runAfterEither(new CompletableFuture<>(), () -> where()),
              f -> f.thenCompose(v -> CompletableFuture.completedFuture(where())),
              f -> f.whenComplete((v, e) -> where()),
              f -> f.handle((v, e) -> where()),
              f -> f.thenApply(v -> v).thenApply(v -> where())); // derived futures too
      for (boolean alreadyDone : new boolean[] {true, false}) {
        for (Function<CompletableFuture<String>, CompletionStage<?>> attach : attachments) {
          BackendFuture.Completer<String> engine = BackendFuture.engineOwned(pool);
          BackendFuture<String> f = (BackendFuture<String>) engine.stage();
          if (alreadyDone) {
            engine.succeed("v");
          }
          List<String> seen = new ArrayList<>();
          threads.set(seen);
          CompletableFuture<?> dependent = attach.apply(f).toCompletableFuture();
          if (!alreadyDone) {
            engine.succeed("v"); // the "engine" completes it here, on this thread
          }
          dependent.get(5, TimeUnit.SECONDS);
          assertEquals(List.of("callbacks"), seen);
        }
      }
      BackendFuture.Completer<String> failed = BackendFuture.engineOwned(pool);
      List<String> seen = new ArrayList<>();
      threads.set(seen);
      CompletableFuture<String> recovered =
          failed.stage().toCompletableFuture().exceptionally(e -> where());
      failed.fail(new IllegalStateException());
      recovered.get(5, TimeUnit.SECONDS);
      assertEquals(List.of("callbacks"), seen);
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void callersCannotCompleteTheEnginesFutureButMayCompleteTheirCopy() throws Exception {
    BackendFuture.Completer<String> engine = BackendFuture.engineOwned(Runnable::run);
    // What a caller holds, cast back to the class: it has no public way to complete it.
    CompletableFuture<String> f = (CompletableFuture<String>) engine.stage();
    for (java.lang.reflect.Method m : BackendFuture.class.getMethods()) {
      assertFalse(
          m.getName().equals("succeed") || m.getName().equals("fail"),
          "a public " + m.getName() + " on the stage a caller holds");
    }
    List<Function<CompletableFuture<String>, Object>> attempts =
        List.of(
            c -> c.complete("forged"),
            c -> c.completeExceptionally(new IllegalStateException("forged")),
            c -> {
              c.obtrudeValue("forged");
              return null;
            },
            c -> {
              c.obtrudeException(new IllegalStateException("forged"));
              return null;
            },
            c -> c.completeAsync(() -> "forged"),
            c -> c.orTimeout(1, TimeUnit.NANOSECONDS),
            c -> c.completeOnTimeout("forged", 1, TimeUnit.NANOSECONDS));
    for (Function<CompletableFuture<String>, Object> attempt : attempts) {
      assertThrows(UnsupportedOperationException.class, () -> attempt.apply(f));
    }
    // VR-1.10: cancel is harmless, for adapters that cancel whenever a subscriber goes away
    assertFalse(f.cancel(true), "cancel on the engine's future reports that nothing happened");
    assertFalse(f.isDone(), "cancel leaves the engine's future alone");
    CompletableFuture<String> copy = f.toCompletableFuture();
    assertNotSame(f, copy);
    assertTrue(copy.cancel(true), "the copy is the caller's to cancel");
    assertFalse(f.isDone(), "cancelling the copy leaves the engine's future alone");
    CompletableFuture<String> second = f.toCompletableFuture();
    engine.succeed("stored");
    assertTrue(engine.isDone());
    assertEquals("stored", f.join());
    assertEquals("stored", second.getNow("not yet"), "a copy completes with the engine's future");
    assertTrue(copy.isCancelled());
    CompletableFuture<String> late = f.toCompletableFuture();
    assertEquals("stored", late.getNow("not yet"), "a copy of a completed future is completed");
    assertSame(late, late.toCompletableFuture(), "a copy is an ordinary future");
  }

  @Test
  void aCopyOfAFailedFutureFailsWithTheSameException() {
    BackendFuture.Completer<String> f = BackendFuture.engineOwned(Runnable::run);
    CompletableFuture<String> copy = f.stage().toCompletableFuture();
    IllegalStateException failure = new IllegalStateException("storage");
    f.fail(failure);
    CompletionException thrown = assertThrows(CompletionException.class, copy::join);
    assertSame(failure, thrown.getCause());
  }

  private static final CurrentList threads = new CurrentList();

  /** Records the running thread's name into the list of the current check. */
  private static String where() {
    List<String> list = threads.get();
    synchronized (list) {
      list.add(Thread.currentThread().getName());
    }
    return "done";
  }

  /** The list the current check records into, visible to the callback thread. */
  private static final class CurrentList {
    private volatile List<String> current;

    void set(List<String> list) {
      current = list;
    }

    List<String> get() {
      return current;
    }
  }
}
