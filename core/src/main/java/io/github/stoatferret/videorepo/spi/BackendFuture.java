package io.github.stoatferret.videorepo.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The future an asynchronous backend returns for an operation: the backend's own thread completes
 * it directly, but every dependent action a caller attaches runs on a callback executor, never on
 * the completing thread. It keeps rules VR-1.10 and VR-1.11 at the cost of no extra thread hand-off
 * when callers simply wait.
 *
 * <p>Each non-async method is its {@code ...Async} twin on the callback executor, and futures
 * derived from this one are of this kind too. So an engine thread, when it completes the future,
 * only wakes threads blocked in {@code join} or {@code get} and hands the callbacks over: a slow
 * callback cannot stall it. This saves the hand-off to another thread that completing on the
 * executor would cost for every operation, which is most of an operation's overhead when callers
 * simply wait.
 *
 * <p>The future an operation returns is {@linkplain #engineOwned engine-owned}: only the engine
 * completes it (rule VR-1.10), through the {@link Completer} handle it keeps for itself; the future
 * has no public way in, so a caller that casts the returned stage still cannot complete it. Its
 * caller-facing completion methods throw {@link UnsupportedOperationException}, as a minimal
 * stage's do, its {@code cancel} returns {@code false} and does nothing, and {@link
 * #toCompletableFuture()} returns a copy that the caller may complete or cancel at will. The copy
 * is completed on the thread that completes this future, by a relay that does nothing else, so a
 * caller blocked in {@code join} on it is woken as directly as before. Futures derived from it
 * ({@code thenApply} and the like) belong to the caller and are ordinary.
 *
 * @param <T> the result type
 */
public final class BackendFuture<T> extends CompletableFuture<T> {

  static final String READ_ONLY =
      "a stage returned by the repository is completed only"
          + " by the repository (rule VR-1.10); toCompletableFuture() gives a copy you may complete";

  private final Executor callbacks;
  private final boolean engineOwned;

  private BackendFuture(Executor callbacks, boolean engineOwned) {
    this.callbacks = callbacks;
    this.engineOwned = engineOwned;
  }

  /**
   * The engine's handle on an engine-owned future: the only way to complete it. The engine keeps
   * the handle and returns {@link #stage()} to the caller.
   *
   * @param <T> the result type
   */
  public static final class Completer<T> {
    private final BackendFuture<T> future;

    private Completer(BackendFuture<T> future) {
      this.future = future;
    }

    /**
     * The stage to return to the caller: read-only, with callbacks on the callback executor.
     *
     * @return the stage
     */
    public CompletionStage<T> stage() {
      return future;
    }

    /**
     * Completes the stage with a value; a completed stage keeps its outcome.
     *
     * @param value the value
     */
    public void succeed(T value) {
      future.settle(value);
    }

    /**
     * Completes the stage with a failure; a completed stage keeps its outcome.
     *
     * @param failure the failure
     */
    public void fail(Throwable failure) {
      future.settleExceptionally(failure);
    }

    /**
     * Whether the stage is complete.
     *
     * @return {@code true} once {@link #succeed} or {@link #fail} was called
     */
    public boolean isDone() {
      return future.isDone();
    }
  }

  /**
   * A future that only the engine completes: the engine keeps the returned handle and gives the
   * caller its {@link Completer#stage() stage}.
   *
   * @param <T> the result type
   * @param callbacks where callbacks run
   * @return the engine's handle on the new future
   */
  public static <T> Completer<T> engineOwned(Executor callbacks) {
    return new Completer<>(new BackendFuture<>(callbacks, true));
  }

  /**
   * An ordinary future whose callbacks run on the executor.
   *
   * @param <T> the result type
   * @param callbacks where callbacks run
   * @return the future
   */
  public static <T> BackendFuture<T> ordinary(Executor callbacks) {
    return new BackendFuture<>(callbacks, false);
  }

  private void settle(T value) {
    super.complete(value);
  }

  private void settleExceptionally(Throwable failure) {
    super.completeExceptionally(failure);
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return ordinary(callbacks);
  }

  @Override
  // The relay only completes another future and cannot fail: its own future holds nothing.
  @SuppressWarnings("FutureReturnValueIgnored")
  public CompletableFuture<T> toCompletableFuture() {
    if (!engineOwned) {
      return this;
    }
    BackendFuture<T> copy = ordinary(callbacks);
    // super.whenComplete runs on the completing thread: the relay is ours and does no more
    // than completing the copy, which hands the copy's own callbacks to the executor.
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

  @Override
  public boolean complete(T value) {
    refuseIfEngineOwned();
    return super.complete(value);
  }

  @Override
  public boolean completeExceptionally(Throwable ex) {
    refuseIfEngineOwned();
    return super.completeExceptionally(ex);
  }

  /**
   * On an engine-owned future: returns {@code false} and changes nothing, since the operation goes
   * on (rule VR-1.10); adapters such as Reactor's {@code Mono.fromCompletionStage} cancel a stage
   * whenever their subscriber goes away, and log every refusal as an error. On a caller's future:
   * cancels it, as any {@code CompletableFuture}.
   */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (engineOwned) {
      return false;
    }
    return super.cancel(mayInterruptIfRunning);
  }

  @Override
  public void obtrudeValue(T value) {
    refuseIfEngineOwned();
    super.obtrudeValue(value);
  }

  @Override
  public void obtrudeException(Throwable ex) {
    refuseIfEngineOwned();
    super.obtrudeException(ex);
  }

  @Override
  public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
    refuseIfEngineOwned();
    return super.completeAsync(supplier, executor);
  }

  @Override
  public CompletableFuture<T> orTimeout(long timeout, TimeUnit unit) {
    refuseIfEngineOwned();
    return super.orTimeout(timeout, unit);
  }

  @Override
  public CompletableFuture<T> completeOnTimeout(T value, long timeout, TimeUnit unit) {
    refuseIfEngineOwned();
    return super.completeOnTimeout(value, timeout, unit);
  }

  private void refuseIfEngineOwned() {
    if (engineOwned) {
      throw new UnsupportedOperationException(READ_ONLY);
    }
  }

  @Override
  public Executor defaultExecutor() {
    return callbacks;
  }

  @Override
  public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
    return thenApplyAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
    return thenAcceptAsync(action, callbacks);
  }

  @Override
  public CompletableFuture<Void> thenRun(Runnable action) {
    return thenRunAsync(action, callbacks);
  }

  @Override
  public <U, V> CompletableFuture<V> thenCombine(
      CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
    return thenCombineAsync(other, fn, callbacks);
  }

  @Override
  public <U> CompletableFuture<Void> thenAcceptBoth(
      CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
    return thenAcceptBothAsync(other, action, callbacks);
  }

  @Override
  public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
    return runAfterBothAsync(other, action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> applyToEither(
      CompletionStage<? extends T> other, Function<? super T, U> fn) {
    return applyToEitherAsync(other, fn, callbacks);
  }

  @Override
  public CompletableFuture<Void> acceptEither(
      CompletionStage<? extends T> other, Consumer<? super T> action) {
    return acceptEitherAsync(other, action, callbacks);
  }

  @Override
  public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
    return runAfterEitherAsync(other, action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> thenCompose(
      Function<? super T, ? extends CompletionStage<U>> fn) {
    return thenComposeAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
    return whenCompleteAsync(action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
    return handleAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
    return exceptionallyAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<T> exceptionallyCompose(
      Function<Throwable, ? extends CompletionStage<T>> fn) {
    return exceptionallyComposeAsync(fn, callbacks);
  }
}
