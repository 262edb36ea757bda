package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VideoRepositoryException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Small helpers for keeping three rules: no repository method throws (VR-1.1), failures have the
 * specification's types (VR-1.8), and a returned stage is read-only to its caller (VR-1.10).
 *
 * <p>Every stage made here is read-only: its {@code complete}, {@code obtrudeValue} and the like
 * throw {@link UnsupportedOperationException}, as a minimal stage's do; its {@code cancel} returns
 * {@code false} and changes nothing (adapters such as Reactor's cancel a stage whenever their
 * subscriber goes away); and {@link CompletionStage#toCompletableFuture()} gives the caller an
 * independent copy to do with as it likes. An asynchronous backend that wants callers' callbacks
 * off its own threads (rule VR-1.11) returns a {@link BackendFuture} instead.
 */
public final class Stages {

  private Stages() {}

  /**
   * Runs synchronous work and returns its result as a completed stage, or its exception as a failed
   * one, of a type rule VR-1.8 allows. For a backend whose work is done on the caller's thread.
   *
   * <p>The exceptions the specification names reach the caller as thrown: an {@link
   * InvalidArgumentException} (from {@link Arguments}, {@link PageCursor} or a {@code Video}), and
   * every {@link VideoRepositoryException} (a clash, a missing video, a storage failure the work
   * reported itself). Anything else the work throws, a {@code RuntimeException} (a bare {@code
   * NullPointerException} included) or an {@code Error}, is a bug or a failure of the backend that
   * the caller cannot act on by type: it arrives as a non-retryable {@link StorageException} with
   * the original as its cause.
   *
   * @param <T> the result type
   * @param work the work
   * @return the completed or failed stage
   */
  public static <T> CompletionStage<T> run(Supplier<T> work) {
    try {
      return ReadOnlyFuture.completed(work.get());
    } catch (RuntimeException | Error e) {
      return ReadOnlyFuture.failed(specified(e));
    }
  }

  /**
   * The failure a caller should see for an exception the backend's work threw: the exception itself
   * if rule VR-1.8 names its type, else a non-retryable {@link StorageException} around it. Use it
   * where a backend catches failures of its own work, so that an unexpected one never reaches the
   * caller raw.
   *
   * @param failure what the work threw
   * @return the failure to complete the stage with
   */
  public static Throwable specified(Throwable failure) {
    if (failure instanceof VideoRepositoryException
        || failure instanceof InvalidArgumentException) {
      return failure;
    }
    return new StorageException(
        "unexpected failure inside the backend: " + failure, failure, false);
  }

  /**
   * A stage failed with the given exception.
   *
   * @param <T> the result type
   * @param failure the exception
   * @return the failed stage
   */
  public static <T> CompletionStage<T> failed(Throwable failure) {
    return ReadOnlyFuture.failed(failure);
  }

  /**
   * The read-only view of a future: no caller can complete, cancel or obtrude its outcome
   * (VR-1.10). Callbacks attached to it run on the thread that completes the future, so it keeps
   * VR-1.11 only for a future that is already complete or that a thread completes which never runs
   * operations. For a future your own worker completes, return a {@link BackendFuture#engineOwned}
   * instead: a callback that waits for another operation would otherwise wait for the very worker
   * it occupies.
   *
   * @param <T> the result type
   * @param future the backend's own future
   * @return a stage that follows it and that callers cannot complete
   */
  public static <T> CompletionStage<T> readOnly(CompletableFuture<T> future) {
    return ReadOnlyFuture.following(future);
  }
}
