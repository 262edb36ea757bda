package io.github.stoatferret.videorepo.sqlite.internal;

import static io.github.stoatferret.videorepo.engine.VideoColumns.VIDEO;
import static io.github.stoatferret.videorepo.engine.VideoColumns.WRITTEN;
import static io.github.stoatferret.videorepo.engine.VideoColumns.names;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.engine.VideoColumns;
import io.github.stoatferret.videorepo.engine.VideoColumns.Column;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The SQLite side of the {@code videos} table: the statements built from the shared column list
 * ({@link VideoColumns}), the binding of a video with its folded search text, the reading of rows,
 * and the check of a file older than schema V4.
 *
 * <p>A value of the wrong type (text in an integer column) cannot be stored: the table is STRICT
 * (schema V4), so each column is read with one typed driver call. {@link #mistyped} finds such a
 * value in a file older than V4, whose upgrade it stops.
 */
final class VideoRows {

  private static final String REPAIR_HINT = " (for example in the sqlite3 shell)";

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
  static Video read(ResultSet rs, int at) throws SQLException {
    return VideoColumns.read(rs, at, VideoRows::text, REPAIR_HINT);
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
    VideoColumns.bind(ps, 1, v, search.filename(), search.path(), true);
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
   * Text as the bytes SQLite stores (UTF-8: Database refuses other encodings), decoded here:
   * sqlite-jdbc's getString wraps them in a direct buffer first, which made reading a row about 40%
   * dearer (docs/benchmarks-history.md, "Typed columns").
   */
  private static @Nullable String text(ResultSet rs, int index) throws SQLException {
    byte[] utf8 = rs.getBytes(index);
    return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
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
                        + (col.isText() ? "text" : "integer")
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
                || (column.isText()
                    ? raw instanceof String
                    : raw instanceof Integer || raw instanceof Long);
        if (!fits) {
          return VideoColumns.undecodable(
                  id,
                  column,
                  "holds " + describe(raw) + ", not " + (column.isText() ? "text" : "an integer"),
                  null,
                  REPAIR_HINT)
              .getMessage();
        }
      }
      return null;
    }
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
}
