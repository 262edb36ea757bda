package io.github.stoatferret.videorepo.engine;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import java.time.Duration;

/**
 * How long {@code close()} lets queued work run (the builder's {@code closeTimeout}). Once it has
 * passed, the writer and the readers fail each task still queued with {@link
 * RepositoryClosedException} instead of running it (VR-12.2 allows either), so a close behind a
 * long queue, or behind a writer waiting for another process's lock, ends in bounded time. A group
 * already committing finishes: it is never cut short.
 */
public final class CloseDeadline {

  private final Duration timeout;
  private volatile long at;
  private volatile boolean started;

  /**
   * A deadline not yet started.
   *
   * @param timeout how long close lets queued work run
   */
  public CloseDeadline(Duration timeout) {
    this.timeout = timeout;
  }

  /** Starts the clock; called once, by close, before it asks the threads to stop. */
  public void start() {
    at = System.nanoTime() + timeout.toNanos();
    started = true;
  }

  /**
   * Whether close has waited as long as it may: queued tasks are then refused.
   *
   * @return {@code true} once started and passed
   */
  public boolean passed() {
    return started && System.nanoTime() - at >= 0;
  }

  /**
   * How long is left until the deadline.
   *
   * @return the nanoseconds left, 0 or less once passed; the whole timeout if not started
   */
  public long nanosLeft() {
    return started ? at - System.nanoTime() : timeout.toNanos();
  }

  /**
   * The failure of an operation refused, or cut off, after the deadline.
   *
   * @param operation the operation's name
   * @param where what it ran on, e.g. {@code "videos.db"}
   * @return the failure
   */
  public RepositoryClosedException refusal(String operation, String where) {
    return new RepositoryClosedException(
        operation
            + " on "
            + where
            + " refused: the repository was closed and its close timeout of "
            + timeout
            + " passed before the operation ran");
  }
}
