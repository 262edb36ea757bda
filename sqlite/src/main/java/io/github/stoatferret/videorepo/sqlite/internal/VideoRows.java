package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.spi.PageCursor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** The mapping between {@link Video} and a row of the {@code videos} table. */
final class VideoRows {

  /** The columns {@link #read} expects, in order. */
  static final String COLUMNS = "id, path, filename, duration_frames, frame_rate_numerator,"
      + " frame_rate_denominator, width, height, video_codec, audio_codec, file_size,"
      + " thumbnail_path, created_at_us, updated_at_us";

  /** Inserts a row; bind with {@link #bind}. */
  static final String INSERT = "INSERT INTO videos (" + COLUMNS + ", list_key, search_filename,"
      + " search_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Replaces every column of a row but created_at and list_key; bind with {@link #bind}. */
  static final String UPDATE = "UPDATE videos SET id = ?, path = ?, filename = ?,"
      + " duration_frames = ?, frame_rate_numerator = ?, frame_rate_denominator = ?, width = ?,"
      + " height = ?, video_codec = ?, audio_codec = ?, file_size = ?, thumbnail_path = ?,"
      + " created_at_us = ?, updated_at_us = ?, list_key = ?, search_filename = ?,"
      + " search_path = ? WHERE rowid = ?";

  private VideoRows() {}

  /**
   * Reads a video from the current row, whose first columns are {@link #COLUMNS}.
   *
   * @param rs the result set
   * @param at the index of the first column
   * @return the video
   * @throws SQLException if a column cannot be read
   */
  static Video read(ResultSet rs, int at) throws SQLException {
    return new Video(rs.getString(at), rs.getString(at + 1), rs.getString(at + 2),
        rs.getLong(at + 3), rs.getInt(at + 4), rs.getInt(at + 5), rs.getInt(at + 6),
        rs.getInt(at + 7), rs.getString(at + 8), rs.getString(at + 9), rs.getLong(at + 10),
        rs.getString(at + 11), PageCursor.fromMicros(rs.getLong(at + 12)),
        PageCursor.fromMicros(rs.getLong(at + 13)));
  }

  /**
   * Binds all columns of {@link #INSERT} or the first 17 of {@link #UPDATE}.
   *
   * @param ps the statement
   * @param v the video
   * @param search the video's folded search text
   * @throws SQLException if binding fails
   */
  static void bind(PreparedStatement ps, Video v, SearchColumns search) throws SQLException {
    long created = PageCursor.toMicros(v.createdAt());
    ps.setString(1, v.id());
    ps.setString(2, v.path());
    ps.setString(3, v.filename());
    ps.setLong(4, v.durationFrames());
    ps.setInt(5, v.frameRateNumerator());
    ps.setInt(6, v.frameRateDenominator());
    ps.setInt(7, v.width());
    ps.setInt(8, v.height());
    ps.setString(9, v.videoCodec());
    setNullable(ps, 10, v.audioCodec());
    ps.setLong(11, v.fileSize());
    setNullable(ps, 12, v.thumbnailPath());
    ps.setLong(13, created);
    ps.setLong(14, PageCursor.toMicros(v.updatedAt()));
    ps.setLong(15, -created);
    ps.setString(16, search.filename());
    ps.setString(17, search.path());
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

  private static void setNullable(PreparedStatement ps, int i, String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }
}
