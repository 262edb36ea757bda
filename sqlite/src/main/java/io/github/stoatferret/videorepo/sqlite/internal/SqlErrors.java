package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.StorageException;
import java.sql.SQLException;

/** Turns SQLite's errors into the API's {@link StorageException}, saying whether a retry helps. */
final class SqlErrors {

  /** SQLite's primary result codes that we tell apart. */
  static final int BUSY = 5;

  static final int LOCKED = 6;
  static final int READONLY = 8;
  static final int IOERR = 10;
  static final int CORRUPT = 11;
  static final int FULL = 13;
  static final int CANTOPEN = 14;
  static final int NOTADB = 26;

  private SqlErrors() {}

  /**
   * The primary result code of an error (the low byte of an extended code).
   *
   * @param e the error
   * @return the code
   */
  static int primary(SQLException e) {
    return e.getErrorCode() & 0xff;
  }

  /**
   * Wraps an error of an operation on a database.
   *
   * @param what what was being done, e.g. {@code "add on /data/videos.db"}
   * @param e the error
   * @return the exception to fail the stage with
   */
  static StorageException storage(String what, SQLException e) {
    int code = primary(e);
    boolean retryable = code == BUSY || code == LOCKED;
    String kind =
        switch (code) {
          case BUSY, LOCKED -> "database is locked by another connection (busy timeout exceeded)";
          case READONLY -> "database is read-only";
          case IOERR -> "I/O error";
          case CORRUPT -> "database file is corrupt";
          case FULL -> "disk or database is full";
          case CANTOPEN -> "cannot open the database file";
          case NOTADB -> "file is not a SQLite database";
          default -> "SQLite error " + e.getErrorCode();
        };
    return new StorageException(
        what + " failed: " + kind + " (" + e.getMessage() + ")", e, retryable);
  }
}
