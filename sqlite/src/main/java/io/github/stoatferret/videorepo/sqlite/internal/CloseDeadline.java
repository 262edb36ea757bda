package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import java.time.Duration;

/**
 * How long {@code close()} lets queued work run (the builder's {@code closeTimeout}). Once it has
 * passed, the writer and the readers fail each task still queued with {@link
 * RepositoryClosedException} instead of running it (VR-12.2 allows either), so a close behind a
 * long queue, or behind a writer waiting for another process's lock, ends in bounded time. A group
 * already committing finishes: it is never cut short.
 */
final class CloseDeadline {

  private final Duration timeout;
  private volatile long at;
  private volatile boolean started;

  CloseDeadline(Duration timeout) {
    this.timeout = timeout;
  }

  /** Starts the clock; called once, by close, before it asks the threads to stop. */
  void start() {
    at = System.nanoTime() + timeout.toNanos();
    started = true;
  }

  /** Whether close has waited as long as it may: queued tasks are then refused. */
  boolean passed() {
    return started && System.nanoTime() - at >= 0;
  }

  /** The failure of a task refused after the deadline. */
  RepositoryClosedException refusal(Task<?> task, String database) {
    return new RepositoryClosedException(
        task.operation
            + " on "
            + database
            + " refused: the repository was closed and its close timeout of "
            + timeout
            + " passed before the operation ran");
  }
}
