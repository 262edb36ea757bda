package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.DuplicateVideoException.Key;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The write operations, as SQL inside one transaction each ({@link Transactions}). Each makes
 * its checks (unique id and path, existence) before it changes anything, so that a clash is
 * reported with the key the specification asks for (id before path, the first clash of a batch);
 * the unique constraints remain the guarantee against a concurrent writer, whose clash makes the
 * transaction retry and then fail these checks.
 */
final class Writes {

  private Writes() {}

  static Video add(Connection c, Sql sql, Video v, Consumer<VideoChangeEvent> events)
      throws SQLException {
    checkNew(c, sql, List.of(v));
    insert(c, sql, List.of(v));
    events.accept(new VideoChangeEvent.Added(v));
    return v;
  }

  static List<Video> addAll(Connection c, Sql sql, List<Video> batch,
      Consumer<VideoChangeEvent> events) throws SQLException {
    if (batch.isEmpty()) {
      return List.of();
    }
    checkNew(c, sql, batch);
    insert(c, sql, batch);
    for (Video v : batch) {
      events.accept(new VideoChangeEvent.Added(v));
    }
    return batch;
  }

  static Video update(Connection c, Sql sql, Video v, Consumer<VideoChangeEvent> events)
      throws SQLException {
    Optional<Video> old = VideoRows.one(c, sql.byIdForUpdate(), v.id());
    if (old.isEmpty()) {
      throw new VideoNotFoundException(v.id());
    }
    Optional<Video> holder = VideoRows.one(c, sql.byPath(), v.path());
    if (holder.isPresent() && !holder.get().id().equals(v.id())) {
      throw new DuplicateVideoException(Key.PATH, v.path());
    }
    Video stored = v.toBuilder().createdAt(old.get().createdAt()).build();
    try (PreparedStatement ps = c.prepareStatement(sql.update())) {
      int next = VideoRows.bind(ps, 1, stored, false);
      ps.setString(next, stored.id());
      ps.executeUpdate();
    }
    events.accept(VideoChangeEvent.Updated.of(old.get(), stored));
    return stored;
  }

  static boolean delete(Connection c, Sql sql, String id, Consumer<VideoChangeEvent> events)
      throws SQLException {
    if (!Reads.storable(id)) {
      return false;
    }
    Optional<Video> old = VideoRows.one(c, sql.delete(), id);
    old.ifPresent(v -> events.accept(new VideoChangeEvent.Deleted(v)));
    return old.isPresent();
  }

  /** Fails with the first clash in batch order, with a stored video or an earlier one. */
  private static void checkNew(Connection c, Sql sql, List<Video> batch) throws SQLException {
    Set<String> takenIds = new HashSet<>();
    Set<String> takenPaths = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql.keysTaken())) {
      Array ids = c.createArrayOf("text", batch.stream().map(Video::id).toArray());
      Array paths = c.createArrayOf("text", batch.stream().map(Video::path).toArray());
      ps.setArray(1, ids);
      ps.setArray(2, paths);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          takenIds.add(rs.getString(1));
          takenPaths.add(rs.getString(2));
        }
      }
    }
    Set<String> batchIds = new HashSet<>();
    Set<String> batchPaths = new HashSet<>();
    for (Video v : batch) {
      if (takenIds.contains(v.id()) || !batchIds.add(v.id())) {
        throw new DuplicateVideoException(Key.ID, v.id());
      }
      if (takenPaths.contains(v.path()) || !batchPaths.add(v.path())) {
        throw new DuplicateVideoException(Key.PATH, v.path());
      }
    }
  }

  private static void insert(Connection c, Sql sql, List<Video> batch) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.insert())) {
      for (Video v : batch) {
        VideoRows.bind(ps, 1, v, true);
        if (batch.size() == 1) {
          ps.executeUpdate();
          return;
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
