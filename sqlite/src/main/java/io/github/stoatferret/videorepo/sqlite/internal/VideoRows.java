package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.spi.Micros;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The mapping between {@link Video} and a row of the {@code videos} table. One list of columns
 * drives the {@code INSERT}, the {@code UPDATE}, the binding of both, and the reading of rows, so a
 * column is added or renamed in one place.
 *
 * <p>Reading is strict: a row that another program altered so that it no longer holds a valid video
 * (a number out of range, a year past 9999, a zero frame rate) fails with a non-retryable {@link
 * StorageException} naming the video's id and the column, never with the {@link
 * InvalidArgumentException} that the specification keeps for callers' input, and never by reading
 * back as some other value. A value of the wrong type (text in an integer column) cannot be stored:
 * the table is STRICT (schema V4), so each column is read with one typed driver call. {@link
 * #mistyped} finds such a value in a file older than V4, whose upgrade it stops.
 */
final class VideoRows {

  /** How a column's value is stored, and so how it is read and checked. */
  private enum Kind {
    TEXT,
    OPTIONAL_TEXT,
    INT64,
    INT32,
    MICROS
  }

  /** Binds one column's value of a video. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps, int index, Video v, SearchColumns text) throws SQLException;
  }

  /**
   * One column of the table.
   *
   * @param name the SQL name
   * @param field the {@link Video} component it holds, or {@code null} for a derived column
   * @param kind how it is stored
   * @param binder how a video's value is bound
   */
  private record Column(String name, @Nullable String field, Kind kind, Binder binder) {}

  /** The columns a video is read from: its components, in the order of {@link Video}'s. */
  private static final List<Column> VIDEO =
      List.of(
          new Column("id", "id", Kind.TEXT, (ps, i, v, t) -> ps.setString(i, v.id())),
          new Column("path", "path", Kind.TEXT, (ps, i, v, t) -> ps.setString(i, v.path())),
          new Column(
              "filename", "filename", Kind.TEXT, (ps, i, v, t) -> ps.setString(i, v.filename())),
          new Column(
              "duration_frames",
              "durationFrames",
              Kind.INT64,
              (ps, i, v, t) -> ps.setLong(i, v.durationFrames())),
          new Column(
              "frame_rate_numerator",
              "frameRateNumerator",
              Kind.INT32,
              (ps, i, v, t) -> ps.setInt(i, v.frameRateNumerator())),
          new Column(
              "frame_rate_denominator",
              "frameRateDenominator",
              Kind.INT32,
              (ps, i, v, t) -> ps.setInt(i, v.frameRateDenominator())),
          new Column("width", "width", Kind.INT32, (ps, i, v, t) -> ps.setInt(i, v.width())),
          new Column("height", "height", Kind.INT32, (ps, i, v, t) -> ps.setInt(i, v.height())),
          new Column(
              "video_codec",
              "videoCodec",
              Kind.TEXT,
              (ps, i, v, t) -> ps.setString(i, v.videoCodec())),
          new Column(
              "audio_codec",
              "audioCodec",
              Kind.OPTIONAL_TEXT,
              (ps, i, v, t) -> setNullable(ps, i, v.audioCodec())),
          new Column(
              "file_size", "fileSize", Kind.INT64, (ps, i, v, t) -> ps.setLong(i, v.fileSize())),
          new Column(
              "thumbnail_path",
              "thumbnailPath",
              Kind.OPTIONAL_TEXT,
              (ps, i, v, t) -> setNullable(ps, i, v.thumbnailPath())),
          new Column(
              "created_at_us",
              "createdAt",
              Kind.MICROS,
              (ps, i, v, t) -> ps.setLong(i, Micros.of(v.createdAt()))),
          new Column(
              "updated_at_us",
              "updatedAt",
              Kind.MICROS,
              (ps, i, v, t) -> ps.setLong(i, Micros.of(v.updatedAt()))));

  /** The columns derived from a video: written with it, never read back into it. */
  private static final List<Column> DERIVED =
      List.of(
          // Ascending list_key is list order's first key (createdAt descending).
          new Column(
              "list_key",
              null,
              Kind.INT64,
              (ps, i, v, t) -> ps.setLong(i, -Micros.of(v.createdAt()))),
          new Column(
              "search_filename", null, Kind.TEXT, (ps, i, v, t) -> ps.setString(i, t.filename())),
          new Column("search_path", null, Kind.TEXT, (ps, i, v, t) -> ps.setString(i, t.path())));

  private static final List<Column> WRITTEN = concat(VIDEO, DERIVED);

  /** The columns {@link #read} expects, in order. */
  static final String COLUMNS = names(VIDEO, "");

  /** Inserts a row; bind with {@link #bind}, then its rowid at {@link #INSERT_ROWID}. */
  static final String INSERT =
      "INSERT INTO videos ("
          + names(WRITTEN, "")
          + ", list_slot)"
          + " VALUES ("
          + WRITTEN.stream().map(c -> "?").collect(Collectors.joining(", "))
          + ", ?)";

  /** The parameter of {@link #INSERT} that takes the rowid ({@link ListSlots#next}). */
  static final int INSERT_ROWID = WRITTEN.size() + 1;

  /**
   * Replaces every column of a row, found by rowid; bind with {@link #bind}, then the rowid at
   * {@link #UPDATE_ROWID}. The caller passes the stored createdAt, so list_key keeps too. Every
   * update advances the version (VR-16.1); a new row starts at the column's default, 1.
   */
  static final String UPDATE =
      "UPDATE videos SET " + names(WRITTEN, " = ?") + ", version = version + 1 WHERE rowid = ?";

  /** The parameter of {@link #UPDATE} that takes the rowid. */
  static final int UPDATE_ROWID = WRITTEN.size() + 1;

  private VideoRows() {}

  /**
   * Reads a video from the current row, whose columns from {@code at} on are {@link #COLUMNS}.
   *
   * @param rs the result set
   * @param at the index of the first column
   * @return the video
   * @throws SQLException if the driver fails to read a column
   * @throws StorageException if the row does not hold a valid video
   */
  // Required texts are NOT NULL in the table; should one still be NULL, Video's constructor
  // refuses it, and what it throws is reported below as a StorageException naming the column.
  @SuppressWarnings("NullAway")
  static Video read(ResultSet rs, int at) throws SQLException {
    @Nullable Object[] values = new Object[VIDEO.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = value(rs, at + k, VIDEO.get(k), values);
    }
    try {
      return new Video(
          (String) values[0],
          (String) values[1],
          (String) values[2],
          (Long) values[3],
          (Integer) values[4],
          (Integer) values[5],
          (Integer) values[6],
          (Integer) values[7],
          (String) values[8],
          (String) values[9],
          (Long) values[10],
          (String) values[11],
          (Instant) values[12],
          (Instant) values[13]);
    } catch (InvalidArgumentException e) {
      String message = String.valueOf(e.getMessage());
      Column column =
          VIDEO.stream()
              .filter(c -> c.field().equals(e.parameter()))
              .findFirst()
              .orElse(VIDEO.get(0));
      throw undecodable(values[0], column, message, e);
    }
  }

  /**
   * Binds every column of {@link #INSERT}, or all but the rowid of {@link #UPDATE}.
   *
   * @param ps the statement
   * @param v the video
   * @param search the video's folded search text
   * @throws SQLException if binding fails
   */
  static void bind(PreparedStatement ps, Video v, SearchColumns search) throws SQLException {
    for (int k = 0; k < WRITTEN.size(); k++) {
      WRITTEN.get(k).binder().bind(ps, k + 1, v, search);
    }
  }

  /**
   * The folded text a video is searched by, stored beside it and in the trigram index.
   *
   * @param filename {@link SearchText#fold} of the file name
   * @param path {@link SearchText#fold} of the path
   */
  record SearchColumns(String filename, String path) {
    static SearchColumns of(Video v) {
      return new SearchColumns(SearchText.fold(v.filename()), SearchText.fold(v.path()));
    }

    /** The file name for the trigram index: empty when the path's trigrams already cover it. */
    String filenameNotInPath() {
      return path.contains(filename) ? "" : filename;
    }
  }

  /**
   * Reads one column with the typed getter of its kind: the STRICT table guarantees the type, so
   * what is left to check is the range of an int. Text is taken as the bytes SQLite stores (UTF-8:
   * Database refuses other encodings) and decoded here: sqlite-jdbc's getString wraps them in a
   * direct buffer first, which made reading a row about 40% dearer (docs/benchmarks-history.md,
   * "Typed columns").
   */
  private static @Nullable Object value(
      ResultSet rs, int index, Column column, @Nullable Object[] read) throws SQLException {
    switch (column.kind()) {
      case TEXT, OPTIONAL_TEXT -> {
        byte[] utf8 = rs.getBytes(index);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
      }
      case INT64 -> {
        return rs.getLong(index);
      }
      case MICROS -> {
        return Micros.toInstant(rs.getLong(index));
      }
      default -> {
        long n = rs.getLong(index);
        if (n != (int) n) {
          throw undecodable(read[0], column, "holds " + n + ", beyond the range of an int", null);
        }
        return (int) n;
      }
    }
  }

  /**
   * Finds a value stored in a type its column is not for, which a table older than schema V4 (not
   * STRICT) could hold and which stops the upgrade to V4. Only called when the upgrade failed, so
   * the scan of the table is paid once.
   *
   * @param c a connection to the database
   * @return what is wrong, naming the video's id and the column and how to repair it, or {@code
   *     null} if every value has its column's type
   * @throws SQLException if the table cannot be read
   */
  static @Nullable String mistyped(Connection c) throws SQLException {
    String wrongType =
        WRITTEN.stream()
            .map(
                col ->
                    "typeof("
                        + col.name()
                        + ") NOT IN ('null', '"
                        + (isText(col) ? "text" : "integer")
                        + "')")
            .collect(Collectors.joining(" OR "));
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT " + names(WRITTEN, "") + " FROM videos WHERE " + wrongType + " LIMIT 1")) {
      if (!rs.next()) {
        return null;
      }
      Object id = rs.getObject(1);
      for (int k = 0; k < WRITTEN.size(); k++) {
        Column column = WRITTEN.get(k);
        Object raw = rs.getObject(k + 1); // Integer or Long, Double, String, byte[] or null
        boolean fits =
            raw == null
                || (isText(column)
                    ? raw instanceof String
                    : raw instanceof Integer || raw instanceof Long);
        if (!fits) {
          return undecodable(
                  id,
                  column,
                  "holds " + describe(raw) + ", not " + (isText(column) ? "text" : "an integer"),
                  null)
              .getMessage();
        }
      }
      return null;
    }
  }

  private static boolean isText(Column column) {
    return column.kind() == Kind.TEXT || column.kind() == Kind.OPTIONAL_TEXT;
  }

  private static StorageException undecodable(
      @Nullable Object id, Column column, String why, @Nullable Throwable cause) {
    String who = id instanceof String s ? "stored video with id \"" + s + "\"" : "a stored row";
    return new StorageException(
        who
            + " cannot be read: column "
            + column.name()
            + " "
            + why
            + "; repair that column of the row (for example in the sqlite3 shell)",
        cause,
        false);
  }

  private static String describe(@Nullable Object raw) {
    if (raw == null) {
      return "NULL";
    }
    if (raw instanceof byte[] bytes) {
      return "a blob of " + bytes.length + " bytes";
    }
    return raw instanceof String ? "text" : "the real number " + raw;
  }

  private static void setNullable(PreparedStatement ps, int i, @Nullable String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }

  private static String names(List<Column> columns, String suffix) {
    return columns.stream().map(c -> c.name() + suffix).collect(Collectors.joining(", "));
  }

  private static List<Column> concat(List<Column> a, List<Column> b) {
    List<Column> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
