package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.spi.BackendFuture;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One operation queued for an engine thread, and the future its caller holds. The engine thread
 * completes the future itself, but the future runs every callback on the callback executor ({@link
 * BackendFuture}), so callers' code never runs on (or stalls) a writer or reader thread.
 *
 * @param <T> the result type
 */
final class Task<T> {

  /** The work: SQL on the thread's connection, reporting change events for writes. */
  @FunctionalInterface
  interface Work<T> {
    T run(Statements s, Consumer<VideoChangeEvent> events) throws SQLException;
  }

  /** What the writer does with a task; reader threads take only reads. */
  enum Kind {
    /** Runs on a read connection, or between the writer's groups for an in-memory database. */
    READ,
    /** Joins the writer's next group commit. */
    WRITE,
    /**
     * Asks the writer to merge the search index now ({@link SearchIndexMerger}); it completes once
     * the index is merged, with {@code null}. Its work is not run.
     */
    MERGE
  }

  final String operation;
  final Kind kind;
  final Work<T> work;

  /** The engine's handle on the caller's stage. */
  final BackendFuture.Completer<T> result;

  Task(String operation, Kind kind, Work<T> work, Executor callbacks) {
    this.operation = operation;
    this.kind = kind;
    this.work = work;
    this.result = BackendFuture.engineOwned(callbacks);
  }

  void succeed(Object value) {
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    result.succeed(typed);
  }

  /** Fails the task; a task already completed keeps its outcome. */
  void fail(Throwable error) {
    result.fail(error);
  }
}
