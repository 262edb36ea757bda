package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.engine.QueuedTask;
import io.github.stoatferret.videorepo.spi.BackendFuture;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * One operation queued for an engine thread, and the future its caller holds. The engine thread
 * completes the future itself, but the future runs every callback on the callback executor ({@link
 * BackendFuture}), so callers' code never runs on (or stalls) a writer or reader thread.
 *
 * @param <T> the result type
 */
final class Task<T> extends QueuedTask<T> {

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

  final Kind kind;
  final Work<T> work;

  Task(String operation, Kind kind, Work<T> work, BackendFuture.Completer<T> result) {
    super(operation, result);
    this.kind = kind;
    this.work = work;
  }
}
