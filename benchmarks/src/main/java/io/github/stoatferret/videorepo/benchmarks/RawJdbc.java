package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.sqlite.Durability;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * The baselines written straight on sqlite-jdbc, with the repository's schema and pragmas: one
 * connection, synchronous, auto-commit per statement, prepared statements reused. Not thread-safe:
 * one instance per thread.
 */
final class RawJdbc implements AutoCloseable {

  static final String COLUMNS =
      "id, path, filename, duration_frames, frame_rate_numerator,"
          + " frame_rate_denominator, width, height, video_codec, audio_codec, file_size,"
          + " thumbnail_path, created_at_us, updated_at_us";

  static final String INSERT =
      "INSERT INTO videos ("
          + COLUMNS
          + ", list_key, search_filename,"
          + " search_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String INSERT_SEARCH =
      "INSERT INTO videos_search (rowid, path_text,"
          + " filename_text) VALUES (last_insert_rowid(), ?, ?)";

  private final Connection c;
  private final PreparedStatement insert;
  private final PreparedStatement insertSearch;
  private final PreparedStatement byId;
  private final PreparedStatement like;

  RawJdbc(Path file) throws SQLException {
    this(file, Durability.NORMAL);
  }

  RawJdbc(Path file, Durability durability) throws SQLException {
    c = new SQLiteConfig(pragmas(durability)).createConnection("jdbc:sqlite:" + file);
    insert = c.prepareStatement(INSERT);
    insertSearch = c.prepareStatement(INSERT_SEARCH);
    byId = c.prepareStatement("SELECT " + COLUMNS + " FROM videos WHERE id = ?");
    like =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM videos WHERE filename LIKE ?1"
                + " OR path LIKE ?1 ORDER BY list_key, id LIMIT ?2");
  }

  /** The pragmas the repository uses with a durability. */
  static Properties pragmas(Durability durability) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(
        durability == Durability.FULL
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(5_000);
    return config.toProperties();
  }

  void add(Video v) throws SQLException {
    insert(insert, insertSearch, v);
  }

  /** The repository's two inserts: the row, and its trigram index entry. */
  static void insert(PreparedStatement row, PreparedStatement search, Video v) throws SQLException {
    bind(row, v);
    row.executeUpdate();
    String path = SearchText.fold(v.path());
    String filename = SearchText.fold(v.filename());
    search.setString(1, path);
    search.setString(2, path.contains(filename) ? "" : filename);
    search.executeUpdate();
  }

  static void bind(PreparedStatement ps, Video v) throws SQLException {
    long created = micros(v.createdAt());
    ps.setString(1, v.id());
    ps.setString(2, v.path());
    ps.setString(3, v.filename());
    ps.setLong(4, v.durationFrames());
    ps.setInt(5, v.frameRateNumerator());
    ps.setInt(6, v.frameRateDenominator());
    ps.setInt(7, v.width());
    ps.setInt(8, v.height());
    ps.setString(9, v.videoCodec());
    if (v.audioCodec() == null) {
      ps.setNull(10, Types.VARCHAR);
    } else {
      ps.setString(10, v.audioCodec());
    }
    ps.setLong(11, v.fileSize());
    if (v.thumbnailPath() == null) {
      ps.setNull(12, Types.VARCHAR);
    } else {
      ps.setString(12, v.thumbnailPath());
    }
    ps.setLong(13, created);
    ps.setLong(14, micros(v.updatedAt()));
    ps.setLong(15, -created);
    ps.setString(16, SearchText.fold(v.filename()));
    ps.setString(17, SearchText.fold(v.path()));
  }

  Video get(String id) throws SQLException {
    byId.setString(1, id);
    try (ResultSet rs = byId.executeQuery()) {
      return rs.next() ? read(rs) : null;
    }
  }

  /** The search a user would write first: a LIKE scan in list order. */
  List<Video> likeSearch(String query, int limit) throws SQLException {
    like.setString(1, "%" + query + "%");
    like.setInt(2, limit);
    List<Video> out = new ArrayList<>();
    try (ResultSet rs = like.executeQuery()) {
      while (rs.next()) {
        out.add(read(rs));
      }
    }
    return out;
  }

  static Video read(ResultSet rs) throws SQLException {
    return new Video(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getInt(5),
        rs.getInt(6),
        rs.getInt(7),
        rs.getInt(8),
        rs.getString(9),
        rs.getString(10),
        rs.getLong(11),
        rs.getString(12),
        instant(rs.getLong(13)),
        instant(rs.getLong(14)));
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
