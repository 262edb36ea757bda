package io.github.stoatferret.videorepo.sqlite.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The future an operation returns: an engine thread completes it directly, but every dependent
 * action a caller attaches runs on the completion executor, never on the completing thread.
 *
 * <p>Each non-async method is its {@code ...Async} twin on the completion executor, and futures
 * derived from this one are of this kind too. So an engine thread, when it completes the future,
 * only wakes threads blocked in {@code join} or {@code get} and hands the callbacks over: a slow
 * callback cannot stall it. This saves the hand-off to another thread that completing on the
 * executor would cost for every operation, which is most of an operation's overhead when
 * callers simply wait.
 *
 * @param <T> the result type
 */
final class CallbacksElsewhereFuture<T> extends CompletableFuture<T> {

  private final Executor callbacks;

  CallbacksElsewhereFuture(Executor callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CallbacksElsewhereFuture<>(callbacks);
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
  public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other,
      BiFunction<? super T, ? super U, ? extends V> fn) {
    return thenCombineAsync(other, fn, callbacks);
  }

  @Override
  public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other,
      BiConsumer<? super T, ? super U> action) {
    return thenAcceptBothAsync(other, action, callbacks);
  }

  @Override
  public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
    return runAfterBothAsync(other, action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> applyToEither(CompletionStage<? extends T> other,
      Function<? super T, U> fn) {
    return applyToEitherAsync(other, fn, callbacks);
  }

  @Override
  public CompletableFuture<Void> acceptEither(CompletionStage<? extends T> other,
      Consumer<? super T> action) {
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
