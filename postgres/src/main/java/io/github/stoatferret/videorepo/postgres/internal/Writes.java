package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.engine.VideoImage;
import io.github.stoatferret.videorepo.spi.Clashes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;

/**
 * The write operations, as SQL inside one transaction each ({@link Transactions}). Each makes its
 * checks (unique id and path, existence) before it changes anything, so that a clash is reported
 * with the key the specification asks for (id before path, the first clash of a batch); the unique
 * constraints remain the guarantee against a concurrent writer, whose clash makes the transaction
 * retry and then fail these checks. The one exception is a lone {@link #add}, which runs in a
 * transaction of its own: its statement skips a taken key instead, and it checks only then.
 */
final class Writes {

  private Writes() {}

  /**
   * Adds one video in a transaction of its own, with its log row, in one statement: an insert that
   * skips a taken key, and the counter and the log only if it inserted. A lone add so costs one
   * round trip before the commit (a check, an insert and the log cost three); only a clash pays for
   * the check that names its key.
   *
   * @param c the transaction's connection
   * @param sql the statements
   * @param v the video
   * @return the video, with the transaction's id and the position of its change
   * @throws SQLException if the database fails
   * @throws DuplicateVideoException if its id or path is taken
   */
  static Transactions.Logged<Video> add(Connection c, Sql sql, Video v) throws SQLException {
    ChangeLog.Change change = new ChangeLog.Change("A", null, VideoImage.encode(v));
    try (PreparedStatement ps = c.prepareStatement(sql.addLogged())) {
      int next = VideoRows.bind(ps, 1, v, true);
      ps.setString(next, sql.channel());
      ps.setString(next + 1, change.afterImage());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return new Transactions.Logged<>(
              v, new ChangeLog.Appended(rs.getString(2), rs.getLong(1), change));
        }
      }
    }
    checkNew(c, sql, List.of(v)); // the clash, id before path: the statement changed nothing
    // The holder of the key was deleted between the two statements: let the write run again.
    throw new SQLException(
        "the id " + v.id() + " or the path " + v.path() + " was taken, then freed",
        SqlErrors.UNIQUE_VIOLATION);
  }

  static List<Video> addAll(
      Connection c, Sql sql, List<Video> batch, Consumer<VideoChangeEvent> events)
      throws SQLException {
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
    return replace(c, sql, v, locked(c, sql, v.id()), events).video();
  }

  /** Updates a video only at the expected version (VR-16.2), checked before the path. */
  static VersionedVideo update(
      Connection c, Sql sql, Video v, long expectedVersion, Consumer<VideoChangeEvent> events)
      throws SQLException {
    return replace(c, sql, v, atVersion(c, sql, v.id(), expectedVersion), events);
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

  /** Deletes a video only at the expected version (VR-16.3). */
  static Video delete(
      Connection c, Sql sql, String id, long expectedVersion, Consumer<VideoChangeEvent> events)
      throws SQLException {
    Video old = atVersion(c, sql, id, expectedVersion).video();
    VideoRows.one(c, sql.delete(), id);
    events.accept(new VideoChangeEvent.Deleted(old));
    return old;
  }

  /**
   * The stored video and its version, locked until the transaction ends: a concurrent writer of the
   * same row waits, then reads the version this one wrote, so two cannot both win (VR-16.4).
   */
  private static VersionedVideo locked(Connection c, Sql sql, String id) throws SQLException {
    Optional<VersionedVideo> old =
        Reads.storable(id)
            ? VideoRows.versioned(c, sql.versionedForUpdate(), id)
            : Optional.empty();
    return old.orElseThrow(() -> new VideoNotFoundException(id));
  }

  private static VersionedVideo atVersion(Connection c, Sql sql, String id, long expectedVersion)
      throws SQLException {
    VersionedVideo old = locked(c, sql, id);
    if (old.version() != expectedVersion) {
      throw new VersionConflictException(id, expectedVersion, old.version());
    }
    return old;
  }

  private static VersionedVideo replace(
      Connection c, Sql sql, Video v, VersionedVideo old, Consumer<VideoChangeEvent> events)
      throws SQLException {
    Optional<Video> holder = VideoRows.one(c, sql.byPath(), v.path());
    if (holder.isPresent() && !holder.get().id().equals(v.id())) {
      throw new DuplicateVideoException(DuplicateVideoException.Key.PATH, v.path());
    }
    Video stored = v.toBuilder().createdAt(old.video().createdAt()).build();
    try (PreparedStatement ps = c.prepareStatement(sql.update())) {
      int next = VideoRows.bind(ps, 1, stored, false);
      ps.setString(next, stored.id());
      ps.executeUpdate();
    }
    events.accept(VideoChangeEvent.Updated.of(old.video(), stored));
    return new VersionedVideo(stored, old.version() + 1);
  }

  /** Fails with the first clash in batch order, with a stored video or an earlier one. */
  private static void checkNew(Connection c, Sql sql, List<Video> batch) throws SQLException {
    Keys taken = keysTaken(c, sql, batch);
    DuplicateVideoException clash = firstClash(batch, taken);
    if (clash != null) {
      throw clash;
    }
  }

  /**
   * Adds several requests' videos at once, as if each request were an {@code addAll} of its own run
   * in order: one query for the keys already taken, one batch of inserts for the requests that
   * pass. A request with a clash (with a stored video, an earlier request of the group, or one of
   * its own videos) fails alone, with the key {@link #addAll} would report.
   *
   * @param c the transaction's connection
   * @param sql the statements
   * @param requests the videos of each request, in queue order
   * @param events receives an event per stored video, in order
   * @return per request, null if it was stored, else its clash
   * @throws SQLException if the database fails
   */
  static List<@Nullable DuplicateVideoException> addMany(
      Connection c, Sql sql, List<List<Video>> requests, Consumer<VideoChangeEvent> events)
      throws SQLException {
    List<Video> all = new ArrayList<>();
    requests.forEach(all::addAll);
    Keys taken =
        all.isEmpty() ? new Keys(new HashSet<>(), new HashSet<>()) : keysTaken(c, sql, all);
    List<@Nullable DuplicateVideoException> outcomes = new ArrayList<>(requests.size());
    List<Video> stored = new ArrayList<>(all.size());
    for (List<Video> request : requests) {
      DuplicateVideoException clash = firstClash(request, taken);
      outcomes.add(clash);
      if (clash == null) {
        for (Video v : request) {
          taken.ids().add(v.id());
          taken.paths().add(v.path());
        }
        stored.addAll(request);
      }
    }
    if (!stored.isEmpty()) {
      insert(c, sql, stored);
      for (Video v : stored) {
        events.accept(new VideoChangeEvent.Added(v));
      }
    }
    return outcomes;
  }

  /** Ids and paths already stored. */
  private record Keys(Set<String> ids, Set<String> paths) {}

  private static Keys keysTaken(Connection c, Sql sql, List<Video> videos) throws SQLException {
    Set<String> takenIds = new HashSet<>();
    Set<String> takenPaths = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql.keysTaken())) {
      // Planned for its values each time, never from a cached generic plan: one made while the
      // table was nearly empty scans it, and stays cached as it grows (seen: 1 ms at 20k rows,
      // which made an add 6x slower than a bare INSERT).
      ps.unwrap(PGStatement.class).setPrepareThreshold(0);
      Array ids = c.createArrayOf("text", videos.stream().map(Video::id).toArray());
      Array paths = c.createArrayOf("text", videos.stream().map(Video::path).toArray());
      ps.setArray(1, ids);
      ps.setArray(2, paths);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          takenIds.add(rs.getString(1));
          takenPaths.add(rs.getString(2));
        }
      }
    }
    return new Keys(takenIds, takenPaths);
  }

  /** The first clash in batch order (spi.Clashes), or null. */
  private static @Nullable DuplicateVideoException firstClash(List<Video> batch, Keys taken) {
    return Clashes.first(batch, taken.ids()::contains, taken.paths()::contains);
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
