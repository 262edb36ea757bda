package io.github.stoatferret.videorepo.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Small helpers for keeping the rule that no repository method throws. */
public final class Stages {

  private Stages() {}

  /**
   * Runs synchronous work and returns its result as a completed stage, or its exception as a
   * failed one. For a backend whose work is done on the caller's thread.
   *
   * @param <T> the result type
   * @param work the work
   * @return the completed or failed stage
   */
  public static <T> CompletionStage<T> run(Supplier<T> work) {
    try {
      return CompletableFuture.completedFuture(work.get());
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * A stage failed with the given exception.
   *
   * @param <T> the result type
   * @param failure the exception
   * @return the failed stage
   */
  public static <T> CompletionStage<T> failed(Throwable failure) {
    return CompletableFuture.failedFuture(failure);
  }
}
