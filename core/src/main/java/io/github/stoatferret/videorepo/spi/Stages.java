package io.github.stoatferret.videorepo.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Small helpers for keeping two rules: no repository method throws (VR-1.1), and a returned
 * stage is read-only to its caller (VR-1.10).
 *
 * <p>Every stage made here is a {@linkplain CompletableFuture#minimalCompletionStage() minimal
 * stage}: its {@code complete}, {@code obtrudeValue}, {@code cancel} and the like throw
 * {@link UnsupportedOperationException}, and {@link CompletionStage#toCompletableFuture()} gives
 * the caller an independent copy to do with as it likes. An asynchronous backend that wants
 * callers' callbacks off its own threads (rule VR-1.11) returns a {@link BackendFuture} instead.
 */
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
      return CompletableFuture.completedStage(work.get());
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedStage(e);
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
    return CompletableFuture.failedStage(failure);
  }

  /**
   * The read-only view of a future the backend completes itself: what an asynchronous backend
   * returns, so that no caller can complete, cancel or obtrude its outcome.
   *
   * @param <T> the result type
   * @param future the backend's own future
   * @return a stage that follows it and that callers cannot complete
   */
  public static <T> CompletionStage<T> readOnly(CompletableFuture<T> future) {
    return future.minimalCompletionStage();
  }
}
