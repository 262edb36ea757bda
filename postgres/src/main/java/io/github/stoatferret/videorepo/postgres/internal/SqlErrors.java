package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.StorageException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's SQLSTATE codes that the backend tells apart, and how a failure becomes the API's
 * {@link StorageException}: retryable when trying again later may succeed (a serialization failure,
 * a deadlock, a lost connection, a server shutting down, too many connections).
 */
final class SqlErrors {

  static final String UNIQUE_VIOLATION = "23505";
  static final String SERIALIZATION_FAILURE = "40001";
  static final String DEADLOCK = "40P01";
  static final String UNDEFINED_TABLE = "42P01";
  static final String DUPLICATE_SCHEMA = "42P06";
  static final String DUPLICATE_TABLE = "42P07";
  static final String DUPLICATE_OBJECT = "42710";
  static final String INSUFFICIENT_PRIVILEGE = "42501";
  static final String INVALID_PARAMETER = "22023";

  private SqlErrors() {}

  /**
   * The SQLSTATE of an error, or of the first in its chain that has one.
   *
   * @param e the error
   * @return the code, or the empty string
   */
  static String of(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return "";
  }

  /**
   * Whether the same transaction may succeed if run again at once: a serialization failure or a
   * deadlock, which PostgreSQL resolves by aborting one of the transactions.
   *
   * @param e the error
   * @return {@code true} to retry inside the operation
   */
  static boolean retryAtOnce(SQLException e) {
    String s = of(e);
    return s.equals(SERIALIZATION_FAILURE) || s.equals(DEADLOCK);
  }

  /**
   * Whether the connection was lost or the server is restarting: nothing was committed (a loss
   * during commit is told apart by the caller), and a fresh connection may well work.
   *
   * @param e the error
   * @return {@code true} if the connection is gone
   */
  static boolean connectionLost(SQLException e) {
    String s = of(e);
    return s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03");
  }

  /**
   * Whether trying again later may help.
   *
   * @param state the SQLSTATE
   * @return {@code true} for transient conditions
   */
  static boolean retryable(String state) {
    return state.equals(SERIALIZATION_FAILURE)
        || state.equals(DEADLOCK)
        || state.startsWith("08") // connection exception
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03") // shutdown
        || state.equals("53300"); // too many connections
  }

  /**
   * Wraps an error of an operation.
   *
   * @param what the operation and catalogue, e.g. {@code "add on videos"}
   * @param e the error
   * @return the exception to fail the stage with
   */
  static StorageException storage(String what, SQLException e) {
    String state = of(e);
    return new StorageException(
        what + " failed: " + describe(state) + " (SQLSTATE " + state + ": " + e.getMessage() + ")",
        e,
        retryable(state));
  }

  /**
   * The failure of a write whose connection was lost while it committed: PostgreSQL may or may not
   * have applied it, and nothing here can tell. Not retryable, since a blind retry could apply it
   * twice; the caller reads the video back to learn the outcome.
   *
   * @param what the operation and catalogue
   * @param e the error
   * @return the exception
   */
  static StorageException outcomeUnknown(String what, SQLException e) {
    return new StorageException(
        what
            + " failed: the connection was lost while committing, so"
            + " the write may or may not have been applied (outcome unknown: read it back before"
            + " trying again) (SQLSTATE "
            + of(e)
            + ": "
            + e.getMessage()
            + ")",
        e,
        false);
  }

  private static String describe(@Nullable String state) {
    if (state == null || state.isEmpty()) {
      return "database error";
    }
    if (state.startsWith("08")) {
      return "connection to the server lost or refused";
    }
    return switch (state) {
      case SERIALIZATION_FAILURE -> "serialization failure (retries exhausted)";
      case DEADLOCK -> "deadlock (retries exhausted)";
      case "57P01", "57P02", "57P03" -> "the server is shutting down or starting";
      case "53300" -> "too many connections";
      case "53100" -> "disk full";
      case INSUFFICIENT_PRIVILEGE -> "permission denied";
      case UNDEFINED_TABLE -> "the catalogue's tables are missing";
      default -> "database error";
    };
  }
}
