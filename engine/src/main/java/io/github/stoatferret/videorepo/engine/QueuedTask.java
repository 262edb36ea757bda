package io.github.stoatferret.videorepo.engine;

import io.github.stoatferret.videorepo.spi.BackendFuture;

/**
 * An operation waiting in an engine's queue, and the handle on its caller's stage. The engine
 * thread that runs it completes it; a task completed once keeps its outcome, so a backstop may fail
 * every task of a group without looking which are done. Each engine's task adds what its threads
 * need (SQLite: the kind and the SQL work; PostgreSQL: the transaction's work and the new videos).
 *
 * @param <T> the result type
 */
public class QueuedTask<T> {

  /** The operation's name, for messages. */
  public final String operation;

  /** The engine's handle on the caller's stage. */
  public final BackendFuture.Completer<T> result;

  /**
   * A task.
   *
   * @param operation the operation's name
   * @param result the handle on the caller's stage
   */
  protected QueuedTask(String operation, BackendFuture.Completer<T> result) {
    this.operation = operation;
    this.result = result;
  }

  /**
   * Completes the caller's stage with the value the operation produced.
   *
   * @param value the value, of the task's result type (work is typed per task, results are not
   *     where a group's outcomes are collected)
   */
  public final void succeed(Object value) {
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    result.succeed(typed);
  }

  /**
   * Completes the caller's stage with a failure; a completed task keeps its outcome.
   *
   * @param failure the failure
   */
  public final void fail(Throwable failure) {
    result.fail(failure);
  }
}
