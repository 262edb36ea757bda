package io.github.stoatferret.videorepo.benchmarks.baseline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** SQLite through JdbcTemplate; timestamps as microseconds since the epoch, so they sort. */
@Component
@Profile("!postgres")
class JdbcTemplateStore implements VideoStore {

  private static final String COLUMNS =
      "id, path, filename, duration_frames, frame_rate_numerator, frame_rate_denominator, width,"
          + " height, video_codec, audio_codec, file_size, thumbnail_path, created_at, updated_at,"
          + " version";

  private final JdbcTemplate jdbc;

  JdbcTemplateStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static VideoRow row(ResultSet rs, int rowNum) throws SQLException {
    return new VideoRow(
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
        Instant.EPOCH.plus(rs.getLong(13), ChronoUnit.MICROS),
        Instant.EPOCH.plus(rs.getLong(14), ChronoUnit.MICROS),
        rs.getLong(15));
  }

  @Override
  public VideoRow insert(VideoRow row) {
    VideoRow stored = row.withVersion(1L);
    try {
      insertRow(stored);
    } catch (UncategorizedSQLException e) {
      // Spring has no error codes for SQLite: its constraint violation (19) is translated by hand.
      if (e.getSQLException() != null && e.getSQLException().getErrorCode() == 19) {
        throw new DuplicateKeyException("id or path taken: " + row.path(), e);
      }
      throw e;
    }
    return stored;
  }

  private void insertRow(VideoRow stored) {
    jdbc.update(
        "INSERT INTO videos (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        stored.id(),
        stored.path(),
        stored.filename(),
        stored.durationFrames(),
        stored.frameRateNumerator(),
        stored.frameRateDenominator(),
        stored.width(),
        stored.height(),
        stored.videoCodec(),
        stored.audioCodec(),
        stored.fileSize(),
        stored.thumbnailPath(),
        micros(stored.createdAt()),
        micros(stored.updatedAt()),
        1L);
  }

  @Override
  @Transactional
  public List<VideoRow> insertAll(List<VideoRow> rows) {
    List<VideoRow> stored = new ArrayList<>(rows.size());
    for (VideoRow row : rows) {
      stored.add(insert(row));
    }
    return stored;
  }

  @Override
  public Optional<VideoRow> find(String id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM videos WHERE id = ?", JdbcTemplateStore::row, id)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<VideoRow> findByPath(String path) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM videos WHERE path = ?", JdbcTemplateStore::row, path)
        .stream()
        .findFirst();
  }

  @Override
  public VideoRow update(VideoRow row) {
    long version = row.storedVersion();
    int changed =
        jdbc.update(
            "UPDATE videos SET path = ?, filename = ?, duration_frames = ?,"
                + " frame_rate_numerator = ?, frame_rate_denominator = ?, width = ?, height = ?,"
                + " video_codec = ?, audio_codec = ?, file_size = ?, thumbnail_path = ?,"
                + " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
            row.path(),
            row.filename(),
            row.durationFrames(),
            row.frameRateNumerator(),
            row.frameRateDenominator(),
            row.width(),
            row.height(),
            row.videoCodec(),
            row.audioCodec(),
            row.fileSize(),
            row.thumbnailPath(),
            micros(row.updatedAt()),
            row.id(),
            version);
    if (changed == 0) {
      throw new OptimisticLockingFailureException("video " + row.id() + " is not at " + version);
    }
    return row.withVersion(version + 1);
  }

  @Override
  public void delete(VideoRow row) {
    long version = row.storedVersion();
    if (jdbc.update("DELETE FROM videos WHERE id = ? AND version = ?", row.id(), version) == 0) {
      throw new OptimisticLockingFailureException("video " + row.id() + " is not at " + version);
    }
  }

  @Override
  public List<VideoRow> page(long offset, int limit) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM videos ORDER BY created_at, id LIMIT ? OFFSET ?",
        JdbcTemplateStore::row,
        limit,
        offset);
  }

  @Override
  public List<VideoRow> search(String query, long offset, int limit) {
    String pattern = "%" + query + "%";
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM videos WHERE filename LIKE ? OR path LIKE ?"
            + " ORDER BY created_at, id LIMIT ? OFFSET ?",
        JdbcTemplateStore::row,
        pattern,
        pattern,
        limit,
        offset);
  }

  @Override
  public long count() {
    Long n = jdbc.queryForObject("SELECT count(*) FROM videos", Long.class);
    return n == null ? 0 : n;
  }
}
