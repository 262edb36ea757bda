package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Where the database lives and how its connections are opened: the checks made before SQLite
 * touches a file, the pragmas every connection gets, and the schema check at open.
 */
public final class Database {

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** WAL pages after which the writer checkpoints itself: 256 MB with 4 KB pages. */
  private static final int BACKSTOP_PAGES = 65_536;

  /** The WAL file's size left in place when the WAL starts over; a larger one is truncated. */
  private static final long WAL_KEPT_BYTES = 512L * 1024 * 1024;

  private final @Nullable Path file;
  private final Durability durability;
  private final Duration busyTimeout;
  private final long maxSize;

  private Database(@Nullable Path file, Durability durability, Duration busyTimeout, long maxSize) {
    this.file = file;
    this.durability = durability;
    this.busyTimeout = busyTimeout;
    this.maxSize = maxSize;
  }

  /**
   * Describes a database.
   *
   * @param file the file, or {@code null} for a private in-memory database
   * @param durability the durability
   * @param busyTimeout how long a connection waits for another's lock
   * @param maxSize the largest database size in bytes, or 0 for no cap
   * @return the database
   */
  public static Database of(
      @Nullable Path file, Durability durability, Duration busyTimeout, long maxSize) {
    return new Database(
        file == null ? null : file.toAbsolutePath(), durability, busyTimeout, maxSize);
  }

  /**
   * Whether this is an in-memory database, which has one connection only.
   *
   * @return true for in-memory
   */
  public boolean inMemory() {
    return file == null;
  }

  /**
   * The database file's size and its WAL's, in bytes: a look-up of two file sizes, zero for an
   * in-memory database or a file that is not there.
   *
   * @return the sizes, the database file's first
   */
  public long[] fileSizes() {
    if (file == null) {
      return new long[] {0, 0};
    }
    return new long[] {sizeOf(file), sizeOf(file.resolveSibling(file.getFileName() + "-wal"))};
  }

  private static long sizeOf(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0; // not there (no WAL between sessions), or unreadable: nothing to report
    }
  }

  /**
   * Names the database in messages.
   *
   * @return the file, or {@code ":memory:"}
   */
  public String name() {
    return file == null ? ":memory:" : file.toString();
  }

  /**
   * Opens the writer connection: checks the file, refuses a database of a newer schema version
   * without changing it, switches to WAL and migrates the schema.
   *
   * @return the connection
   * @throws StorageException naming the file when it cannot be opened as a videorepo database
   */
  public Connection openWriter() {
    checkFile();
    Connection c = connect(false);
    try {
      int version = Schema.version(c);
      if (version > Schema.LATEST) {
        throw new StorageException(
            "cannot open "
                + name()
                + ": it was written by a newer version"
                + " of videorepo (schema version "
                + version
                + "; this version knows up to "
                + Schema.LATEST
                + "); the file was not changed",
            null,
            false);
      }
      if (version > 0) {
        probe(c);
      }
      checkEncoding(c);
      if (file != null) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
          String mode = rs.next() ? rs.getString(1) : "?";
          if (!"wal".equalsIgnoreCase(mode)) {
            throw new StorageException(
                "cannot open " + name() + ": WAL mode refused (journal mode" + " is " + mode + ")",
                null,
                false);
          }
        }
      }
      migrate(c);
      try (Statement s = c.createStatement()) {
        // The Checkpointer thread copies the WAL into the file as writes go on; the writer's own
        // checkpoint is only the backstop that bounds the WAL if that thread falls behind, as it
        // does under a long import: it runs inside a commit and syncs while the group waits, and
        // at 1M videos a batch of 1,000 dirties about 2,000 pages, so a backstop of 8,192 pages
        // came every few batches. The WAL file is kept at up to twice the backstop rather than
        // cut back at each restart: growing it again took back most of what the larger backstop
        // saved.
        // Measured (docs/benchmarks-history.md, "The writer's checkpoint backstop"): the 1M
        // import 78 s -> 60 s, 64 concurrent adds +15%; after a crash the next open reads up to
        // 256 MB of WAL.
        s.execute("PRAGMA wal_autocheckpoint = " + BACKSTOP_PAGES);
        s.execute("PRAGMA journal_size_limit = " + WAL_KEPT_BYTES);
        if (maxSize > 0) {
          long pageSize;
          try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            pageSize = rs.getLong(1);
          }
          s.execute("PRAGMA max_page_count = " + Math.max(1, maxSize / pageSize));
        }
      }
      return c;
    } catch (SQLException e) {
      closeQuietly(c);
      throw SqlErrors.storage("opening " + name(), e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * Refuses a database whose text is not stored as UTF-8: rows are read by taking each text's bytes
   * as SQLite stores them and decoding them as UTF-8 (VideoRows), cheaper than asking the driver
   * for a string. SQLite's default, and so every file videorepo creates, is UTF-8; only a file made
   * by another program with {@code PRAGMA encoding} set is not.
   */
  private void checkEncoding(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA encoding")) {
      String encoding = rs.next() ? rs.getString(1) : "?";
      if (!"UTF-8".equalsIgnoreCase(encoding)) {
        throw new StorageException(
            "cannot open "
                + name()
                + ": its text is stored as "
                + encoding
                + ", and videorepo reads UTF-8 databases only; the file was not changed",
            null,
            false);
      }
    }
  }

  /**
   * Brings the schema up to date. The upgrade to V4 (a STRICT table) stops at a value of the wrong
   * type that the older table let another program store: named here, since SQLite's own message
   * names neither the row nor a repair.
   */
  private void migrate(Connection c) throws SQLException {
    try {
      Schema.migrate(c);
    } catch (SQLiteException e) {
      if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_DATATYPE) {
        throw e;
      }
      String found = VideoRows.mistyped(c);
      throw new StorageException(
          "cannot open "
              + name()
              + ": its schema cannot be upgraded to"
              + " version "
              + Schema.STRICT_TYPES
              + " (typed columns) while a value has the wrong type: "
              + (found == null ? e.getMessage() : found)
              + "; the file was not changed",
          e,
          false);
    }
  }

  /**
   * Opens the background checkpointer's connection to a file database: read-write, because a
   * checkpoint writes the database file, and opened after {@link #openWriter} has migrated it.
   *
   * @return the connection
   * @throws StorageException if it cannot be opened
   */
  Connection openCheckpointer() {
    return connect(false);
  }

  /**
   * Opens a read-only connection to a file database.
   *
   * @return the connection
   * @throws StorageException if it cannot be opened
   */
  public Connection openReader() {
    return connect(true);
  }

  private Connection connect(boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.setSynchronous(
        durability == Durability.FULL
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    config.setReadOnly(readOnly);
    // 32 MiB of page cache per connection instead of SQLite's 2 MiB: a search that fetches its
    // candidates by rowid reads pages all over a large file (measured at 1M videos: 1.5 ms ->
    // 0.7 ms for 1,000 candidates). Native memory, not Java heap.
    config.setCacheSize(-32 * 1024);
    // The driver otherwise runs "SELECT last_insert_rowid()" after every insert, for keys we
    // never ask for.
    config.setGetGeneratedKeys(false);
    String url = "jdbc:sqlite:" + (file == null ? ":memory:" : file.toString());
    try {
      return config.createConnection(url);
    } catch (SQLException e) {
      throw SqlErrors.storage("opening " + name(), e);
    }
  }

  /** Reads the schema and the last page of the videos table, so a damaged file fails at open. */
  private static void probe(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
        rs.next();
      }
      try (ResultSet rs = s.executeQuery("SELECT max(rowid) FROM videos")) {
        rs.next();
      }
    }
  }

  /** Refuses, before SQLite opens it, a path that cannot hold our database. */
  private void checkFile() {
    if (file == null) {
      return;
    }
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new StorageException(
          "cannot open " + name() + ": directory " + dir + " does not exist", null, false);
    }
    if (Files.isDirectory(file)) {
      throw new StorageException("cannot open " + name() + ": it is a directory", null, false);
    }
    if (!Files.exists(file)) {
      if (!Files.isWritable(dir)) {
        throw new StorageException(
            "cannot open " + name() + ": directory " + dir + " is read-only", null, false);
      }
      return;
    }
    if (!Files.isWritable(file) || !Files.isWritable(dir)) {
      // WAL needs to write the file and create its -wal and -shm files beside it.
      throw new StorageException(
          "cannot open "
              + name()
              + ": "
              + (Files.isWritable(file) ? "directory " + dir : "the file")
              + " is read-only; the file was not changed",
          null,
          false);
    }
    try {
      long size = Files.size(file);
      if (size == 0) {
        return; // SQLite treats an empty file as a new database
      }
      byte[] header = new byte[MAGIC.length];
      int n;
      try (InputStream in = Files.newInputStream(file)) {
        n = in.readNBytes(header, 0, header.length);
      }
      if (n < header.length || !Arrays.equals(header, MAGIC)) {
        throw new StorageException(
            "cannot open "
                + name()
                + ": not a SQLite database (no SQLite"
                + " header); the file was not changed",
            null,
            false);
      }
    } catch (IOException e) {
      throw new StorageException("cannot open " + name() + ": " + e.getMessage(), e, false);
    }
  }

  static void closeQuietly(@Nullable Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing more to do with a connection we are giving up
    }
  }
}
