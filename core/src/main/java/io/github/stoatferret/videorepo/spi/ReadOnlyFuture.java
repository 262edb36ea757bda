package io.github.stoatferret.videorepo.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The stage {@link Stages} hands out: it follows a future the backend settles, and no caller can
 * change its outcome (rule VR-1.10). Completing or obtruding it throws {@link
 * UnsupportedOperationException}, as the JDK's minimal stage does; {@code cancel} returns {@code
 * false} and does nothing, because adapters cancel a stage when their subscriber goes away
 * (Reactor's {@code Mono.fromCompletionStage}, Spring's handling of a controller's stage) and log
 * an error for every refusal. Callbacks run as on any {@code CompletableFuture}; futures derived
 * from it, and {@link #toCompletableFuture()}, are ordinary and belong to the caller.
 *
 * @param <T> the result type
 */
final class ReadOnlyFuture<T> extends CompletableFuture<T> {

  private ReadOnlyFuture() {}

  static <T> ReadOnlyFuture<T> completed(T value) {
    ReadOnlyFuture<T> f = new ReadOnlyFuture<>();
    f.succeed(value);
    return f;
  }

  static <T> ReadOnlyFuture<T> failed(Throwable failure) {
    ReadOnlyFuture<T> f = new ReadOnlyFuture<>();
    f.fail(failure);
    return f;
  }

  // The relay only completes another future and cannot fail: its own future holds nothing.
  @SuppressWarnings("FutureReturnValueIgnored")
  static <T> ReadOnlyFuture<T> following(CompletableFuture<T> source) {
    ReadOnlyFuture<T> f = new ReadOnlyFuture<>();
    source.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            f.succeed(value);
          } else {
            f.fail(failure);
          }
        });
    return f;
  }

  private void succeed(T value) {
    super.complete(value);
  }

  private void fail(Throwable failure) {
    super.completeExceptionally(failure);
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }

  @Override
  // The relay only completes another future and cannot fail: its own future holds nothing.
  @SuppressWarnings("FutureReturnValueIgnored")
  public CompletableFuture<T> toCompletableFuture() {
    CompletableFuture<T> copy = new CompletableFuture<>();
    super.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            copy.complete(value);
          } else {
            copy.completeExceptionally(failure);
          }
        });
    return copy;
  }

  /** Returns {@code false} and changes nothing: the operation goes on (rule VR-1.10). */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    return false;
  }

  @Override
  public boolean complete(T value) {
    throw refused();
  }

  @Override
  public boolean completeExceptionally(Throwable ex) {
    throw refused();
  }

  @Override
  public void obtrudeValue(T value) {
    throw refused();
  }

  @Override
  public void obtrudeException(Throwable ex) {
    throw refused();
  }

  @Override
  public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
    throw refused();
  }

  @Override
  public CompletableFuture<T> orTimeout(long timeout, TimeUnit unit) {
    throw refused();
  }

  @Override
  public CompletableFuture<T> completeOnTimeout(T value, long timeout, TimeUnit unit) {
    throw refused();
  }

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException(BackendFuture.READ_ONLY);
  }
}
