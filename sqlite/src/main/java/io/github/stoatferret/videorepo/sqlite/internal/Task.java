package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One operation queued for an engine thread, and the future its caller holds. Engine threads
 * never complete the future themselves: they hand completion to the completion executor, so that
 * callers' callbacks never run on (and never stall) a writer or reader thread.
 *
 * @param <T> the result type
 */
final class Task<T> {

  /** The work: SQL on the thread's connection, reporting change events for writes. */
  @FunctionalInterface
  interface Work<T> {
    T run(Statements s, Consumer<VideoChangeEvent> events) throws SQLException;
  }

  final String operation;
  final boolean write;
  final Work<T> work;
  final CompletableFuture<T> result = new CompletableFuture<>();

  Task(String operation, boolean write, Work<T> work) {
    this.operation = operation;
    this.write = write;
    this.work = work;
  }

  void succeed(Object value, Executor completions) {
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    hand(completions, () -> result.complete(typed));
  }

  void fail(Throwable error, Executor completions) {
    hand(completions, () -> result.completeExceptionally(error));
  }

  private static void hand(Executor completions, Runnable completion) {
    try {
      completions.execute(completion);
    } catch (RejectedExecutionException e) {
      completion.run(); // a user executor that was shut down: better late here than never
    }
  }
}
