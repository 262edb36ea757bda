package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.spi.EngineHealth;
import java.sql.SQLException;

/**
 * What the writer and the reader threads share: the task that stops them, how they turn any failure
 * into the one its stage reports, and how their owner waits for them to end.
 *
 * <p>The catch policy: an engine thread never dies of an exception, because a dead thread leaves
 * its queue's stages pending forever. What a task's own checks throw ({@link
 * VideoRepositoryException}, e.g. a clash) is that task's result; an {@link SQLException} is a
 * storage failure with SQLite's code mapped ({@link SqlErrors}); any other {@link RuntimeException}
 * is a bug or a driver fault, reported as a non-retryable {@link StorageException} with the
 * original as its cause; an {@link Error} does the same and also ends the engine's service ({@link
 * EngineHealth}).
 */
final class EngineThreads {

  /** The task that tells an engine thread to end once every task queued before it is done. */
  static final Task<Boolean> STOP =
      new Task<>("stop", Task.Kind.READ, (s, e) -> true, Runnable::run);

  private EngineThreads() {}

  /**
   * The exception a stage fails with for what an engine thread caught while running it.
   *
   * @param caught what was thrown
   * @param what the operation and database, e.g. {@code "add on videos.db"}
   * @param health the engine's health, told of an {@link Error}
   * @return the failure to report
   */
  static RuntimeException failure(Throwable caught, String what, EngineHealth health) {
    if (caught instanceof VideoRepositoryException e) {
      return e;
    }
    if (caught instanceof SQLException e) {
      return SqlErrors.storage(what, e);
    }
    return health.unexpected(what, caught);
  }

  /** Waits for a thread to end, keeping (not acting on) an interrupt that comes meanwhile. */
  static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
