package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.StorageException;
import org.jspecify.annotations.Nullable;

/**
 * Whether the engine is still fit to run operations. An {@link Error} on an engine thread (out
 * of memory, a stack overflow, a linkage error in the driver) leaves it unknown what state the
 * connection and the JVM are in, so the engine stops taking work: from then on every operation,
 * queued or new, fails at once with a {@link StorageException} that names the error, and only
 * {@code close()} still does its job.
 */
final class EngineHealth {

  private final String database;
  private volatile @Nullable Error fatal;

  EngineHealth(String database) {
    this.database = database;
  }

  /**
   * Records the error that ends the engine's service; the first one wins.
   *
   * @param error the error
   */
  synchronized void fail(Error error) {
    if (fatal == null) {
      fatal = error;
    }
  }

  /**
   * Whether an error has ended the engine's service.
   *
   * @return {@code true} once {@link #fail} was called
   */
  boolean failed() {
    return fatal != null;
  }

  /**
   * The failure of an operation refused because the engine has failed.
   *
   * @param operation the operation, e.g. {@code "add"}
   * @return the exception, with the original error as its cause
   */
  StorageException refusal(String operation) {
    Error error = fatal;
    return new StorageException("SQLite repository " + database + " stopped serving after an"
        + " unexpected error (" + error + "); " + operation + " refused: close the repository"
        + " and open it again", error, false);
  }
}
