package io.github.stoatferret.videorepo.postgres.internal;

import static io.github.stoatferret.videorepo.engine.VideoColumns.VIDEO;
import static io.github.stoatferret.videorepo.engine.VideoColumns.WRITTEN;
import static io.github.stoatferret.videorepo.engine.VideoColumns.names;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.engine.VideoColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The PostgreSQL side of the {@code videos} table: statements' column lists built from the shared
 * list ({@link VideoColumns}), binding and reading. PostgreSQL enforces the column types; a row
 * another program filled with values no {@code Video} may hold (a year past 9999, a zero frame
 * rate) fails with a non-retryable {@link StorageException} naming the video's id and the column.
 */
final class VideoRows {

  /** The columns {@link #read} expects, in order. */
  static final String COLUMNS = names(VIDEO, "");

  /** The column list of an insert. */
  static final String INSERT_COLUMNS = names(WRITTEN, "");

  /** The placeholders of an insert. */
  static final String INSERT_VALUES =
      WRITTEN.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));

  /** The assignments of an update (every written column but id, which finds the row). */
  static final String UPDATE_SET = names(WRITTEN.subList(1, WRITTEN.size()), " = ?");

  /** How many parameters {@link #bind} sets. */
  static final int BOUND = WRITTEN.size();

  private VideoRows() {}

  /**
   * Binds every written column of a video, from parameter {@code at} on ({@code id} first); for an
   * update, pass {@code withId = false} to leave it out.
   *
   * @param ps the statement
   * @param at the first parameter
   * @param v the video
   * @param withId whether to bind the id first
   * @return the next parameter index
   * @throws SQLException if binding fails
   */
  static int bind(PreparedStatement ps, int at, Video v, boolean withId) throws SQLException {
    return VideoColumns.bind(
        ps, at, v, SearchText.fold(v.filename()), SearchText.fold(v.path()), withId);
  }

  /**
   * Reads a video from the current row, whose columns from {@code at} on are {@link #COLUMNS}.
   *
   * @param rs the result set
   * @param at the index of the first column
   * @return the video
   * @throws SQLException if the driver fails
   * @throws StorageException if the row does not hold a valid video
   */
  static Video read(ResultSet rs, int at) throws SQLException {
    return VideoColumns.read(rs, at, ResultSet::getString, "");
  }

  /**
   * Runs a query by one key whose first column is the version and the rest a video's columns, and
   * reads the row it finds.
   *
   * @param c the connection
   * @param statement the query
   * @param key the key
   * @return the video and its version, if a row was found
   * @throws SQLException if the database fails
   */
  static Optional<VersionedVideo> versioned(Connection c, String statement, String key)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new VersionedVideo(read(rs, 2), rs.getLong(1)))
            : Optional.empty();
      }
    }
  }

  /**
   * Runs a statement with one text parameter and reads the video of its first row.
   *
   * @param c the connection
   * @param statement the statement, selecting {@link #COLUMNS}
   * @param key the parameter
   * @return the video, if a row came back
   * @throws SQLException if the statement fails
   */
  static Optional<Video> one(Connection c, String statement, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs, 1)) : Optional.empty();
      }
    }
  }
}
