package io.github.stoatferret.videorepo.engine;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.spi.Arguments;
import java.sql.SQLException;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Whether an engine is still fit to run operations: the one failure policy of the library's
 * engines, for any backend that runs operations on threads of its own. An {@link Error} while
 * running an operation (out of memory, a stack overflow, a linkage error in a driver) leaves it
 * unknown what state the connections and the JVM are in, so the engine stops taking work: the
 * operation fails with a non-retryable {@link StorageException} that names the error (VR-1.8), and
 * from then on every operation, queued or new, fails at once with another, while {@code close()}
 * still does its job. A {@link RuntimeException} fails only its own operation.
 */
public final class EngineHealth {

  private final String engine;
  private volatile @Nullable Error fatal;

  /**
   * Makes the health of one engine.
   *
   * @param engine the engine as messages name it, e.g. {@code "SQLite repository videos.db"}
   */
  public EngineHealth(String engine) {
    this.engine = Arguments.notNull(engine, "engine");
  }

  /**
   * Records the error that ends the engine's service; the first one wins.
   *
   * @param error the error
   */
  public synchronized void fail(Error error) {
    if (fatal == null) {
      fatal = error;
    }
  }

  /**
   * Whether an error has ended the engine's service.
   *
   * @return {@code true} once {@link #fail} was called
   */
  public boolean failed() {
    return fatal != null;
  }

  /**
   * The failure of an operation that failed unexpectedly: for an {@link Error}, which this also
   * records, the engine's service ends; a {@link RuntimeException} fails this operation only. Both
   * are non-retryable {@link StorageException}s with the original as the cause.
   *
   * @param operation the operation and where it ran, e.g. {@code "add on videos.db"}
   * @param caught what was thrown
   * @return the exception to fail the operation with
   */
  public StorageException unexpected(String operation, Throwable caught) {
    if (caught instanceof Error e) {
      fail(e);
      return new StorageException(
          operation + " failed: the engine stopped after an unexpected" + " error (" + e + ")",
          e,
          false);
    }
    return new StorageException(operation + " failed unexpectedly: " + caught, caught, false);
  }

  /**
   * The failure an operation's stage reports for what its engine thread caught: the policy of both
   * engines. What the operation's own checks threw (a {@link VideoRepositoryException} such as a
   * clash, or an {@link InvalidArgumentException}) is its result as it is; a driver's {@link
   * SQLException} becomes the engine's mapping of it; anything else is {@link #unexpected}.
   *
   * @param caught what was thrown
   * @param operation the operation and where it ran, e.g. {@code "add on videos.db"}
   * @param sqlErrors the engine's mapping of a driver failure, given the operation and the failure
   * @return the failure to report
   */
  public RuntimeException failure(
      Throwable caught,
      String operation,
      BiFunction<String, SQLException, ? extends RuntimeException> sqlErrors) {
    if (caught instanceof VideoRepositoryException || caught instanceof InvalidArgumentException) {
      return (RuntimeException) caught;
    }
    if (caught instanceof SQLException e) {
      return sqlErrors.apply(operation, e);
    }
    return unexpected(operation, caught);
  }

  /**
   * The failure of an operation refused because the engine has failed.
   *
   * @param operation the operation, e.g. {@code "add"}
   * @return the exception, with the original error as its cause
   */
  public StorageException refusal(String operation) {
    Error error = fatal;
    return new StorageException(
        engine
            + " stopped serving after an unexpected error ("
            + error
            + "); "
            + operation
            + " refused: close the repository and open it again",
        error,
        false);
  }
}
