package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.spi.Micros;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The mapping between {@link Video} and a row of the {@code videos} table: one list of columns
 * drives the insert, the update, their binding and the reading of rows. PostgreSQL enforces the
 * column types; a row another program filled with values no {@code Video} may hold (a year past
 * 9999, a zero frame rate) fails with a non-retryable {@link StorageException} naming the video's
 * id and the column.
 */
final class VideoRows {

  /**
   * One column: its SQL name and the {@link Video} component it holds ({@code null} for the derived
   * ones).
   */
  private record Column(String name, @Nullable String field) {}

  /** The video's own columns, in the order of {@link Video}'s components: what reads select. */
  private static final List<Column> VIDEO =
      List.of(
          new Column("id", "id"),
          new Column("path", "path"),
          new Column("filename", "filename"),
          new Column("duration_frames", "durationFrames"),
          new Column("frame_rate_numerator", "frameRateNumerator"),
          new Column("frame_rate_denominator", "frameRateDenominator"),
          new Column("width", "width"),
          new Column("height", "height"),
          new Column("video_codec", "videoCodec"),
          new Column("audio_codec", "audioCodec"),
          new Column("file_size", "fileSize"),
          new Column("thumbnail_path", "thumbnailPath"),
          new Column("created_at_us", "createdAt"),
          new Column("updated_at_us", "updatedAt"));

  /** Every column written: the video's, then list_key and the folded search text. */
  private static final List<String> WRITTEN =
      List.of(
          "id",
          "path",
          "filename",
          "duration_frames",
          "frame_rate_numerator",
          "frame_rate_denominator",
          "width",
          "height",
          "video_codec",
          "audio_codec",
          "file_size",
          "thumbnail_path",
          "created_at_us",
          "updated_at_us",
          "list_key",
          "search_filename",
          "search_path");

  /** The columns {@link #read} expects, in order. */
  static final String COLUMNS = VIDEO.stream().map(Column::name).collect(Collectors.joining(", "));

  /** The column list of an insert. */
  static final String INSERT_COLUMNS = String.join(", ", WRITTEN);

  /** The placeholders of an insert. */
  static final String INSERT_VALUES =
      WRITTEN.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));

  /** The assignments of an update (every written column but id, which finds the row). */
  static final String UPDATE_SET =
      WRITTEN.stream()
          .filter(c -> !c.equals("id"))
          .map(c -> c + " = ?")
          .collect(Collectors.joining(", "));

  /** How many parameters {@link #bind} sets. */
  static final int BOUND = WRITTEN.size();

  private VideoRows() {}

  /**
   * Binds every written column of a video, from parameter {@code at} on, in {@link #WRITTEN} order
   * ({@code id} first); for an update, pass {@code withId = false} to leave it out.
   *
   * @param ps the statement
   * @param at the first parameter
   * @param v the video
   * @param withId whether to bind the id first
   * @return the next parameter index
   * @throws SQLException if binding fails
   */
  static int bind(PreparedStatement ps, int at, Video v, boolean withId) throws SQLException {
    int i = at;
    if (withId) {
      ps.setString(i++, v.id());
    }
    long created = Micros.of(v.createdAt());
    ps.setString(i++, v.path());
    ps.setString(i++, v.filename());
    ps.setLong(i++, v.durationFrames());
    ps.setInt(i++, v.frameRateNumerator());
    ps.setInt(i++, v.frameRateDenominator());
    ps.setInt(i++, v.width());
    ps.setInt(i++, v.height());
    ps.setString(i++, v.videoCodec());
    setNullable(ps, i++, v.audioCodec());
    ps.setLong(i++, v.fileSize());
    setNullable(ps, i++, v.thumbnailPath());
    ps.setLong(i++, created);
    ps.setLong(i++, Micros.of(v.updatedAt()));
    ps.setLong(i++, -created);
    ps.setString(i++, SearchText.fold(v.filename()));
    ps.setString(i++, SearchText.fold(v.path()));
    return i;
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
  // A damaged row may hold NULL where Video needs text: Video's constructor checks every field,
  // and what it throws is reported as a StorageException naming the column.
  @SuppressWarnings("NullAway")
  static Video read(ResultSet rs, int at) throws SQLException {
    String id = rs.getString(at);
    try {
      return new Video(
          id,
          rs.getString(at + 1),
          rs.getString(at + 2),
          rs.getLong(at + 3),
          rs.getInt(at + 4),
          rs.getInt(at + 5),
          rs.getInt(at + 6),
          rs.getInt(at + 7),
          rs.getString(at + 8),
          rs.getString(at + 9),
          rs.getLong(at + 10),
          rs.getString(at + 11),
          Micros.toInstant(rs.getLong(at + 12)),
          Micros.toInstant(rs.getLong(at + 13)));
    } catch (InvalidArgumentException e) {
      String message = String.valueOf(e.getMessage());
      Column column =
          VIDEO.stream()
              .filter(c -> c.field().equals(e.parameter()))
              .findFirst()
              .orElse(VIDEO.get(0));
      throw new StorageException(
          "stored video with id \""
              + id
              + "\" cannot be read: column "
              + column.name()
              + ": "
              + message
              + "; repair that column of the row",
          e,
          false);
    }
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

  private static void setNullable(PreparedStatement ps, int i, @Nullable String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }
}
