package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.spi.Clashes;
import io.github.stoatferret.videorepo.sqlite.internal.VideoRows.SearchColumns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The write operations, as SQL on the writer connection, inside the writer's group transaction.
 *
 * <p>The invariant the group commit relies on: an operation that throws a {@code
 * VideoRepositoryException} has changed nothing, so its group-mates can commit. Most make every
 * check that can fail them (uniqueness, existence) before their first change; {@link #add} lets its
 * one statement be refused whole.
 */
final class Writes {

  private static final String ID_TAKEN = "SELECT 1 FROM videos WHERE id = ?";
  private static final String PATH_HOLDER = "SELECT id FROM videos WHERE path = ?";
  private static final String OLD_ROW =
      "SELECT rowid, version, " + VideoRows.COLUMNS + " FROM videos WHERE id = ?";
  private static final String DELETE = "DELETE FROM videos WHERE rowid = ?";

  /** The row a write replaces or removes: its rowid, version and video. */
  private record OldRow(long rowid, long version, Video video) {}

  private Writes() {}

  /**
   * Adds one video. No look-ups first: the table's UNIQUE constraints check id and path as the row
   * goes in, and an insert they refuse changes nothing (SQLite backs out that one statement and the
   * transaction goes on), so the invariant holds. The two look-ups were about an eighth of the
   * writer's time with many callers adding. Only a refused insert looks the id up, to report {@code
   * ID} when both clash (VR-2.2).
   */
  static Video add(Statements s, Video v, Consumer<VideoChangeEvent> events) throws SQLException {
    try {
      insert(s, v);
    } catch (SQLiteException e) {
      if (e.getResultCode() != SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
        throw e;
      }
      throw idTaken(s, v.id())
          ? new DuplicateVideoException(DuplicateVideoException.Key.ID, v.id())
          : new DuplicateVideoException(DuplicateVideoException.Key.PATH, v.path());
    }
    events.accept(new VideoChangeEvent.Added(v));
    return v;
  }

  static List<Video> addAll(Statements s, List<Video> batch, Consumer<VideoChangeEvent> events)
      throws SQLException {
    DuplicateVideoException clash =
        Clashes.first(batch, id -> idTaken(s, id), path -> pathHolder(s, path) != null);
    if (clash != null) {
      throw clash;
    }
    // Oldest first: rowids grow with createdAt (ListSlots), so a batch in any order (a copy
    // arrives newest first) is appended as one run instead of pushed in at the table's front.
    List<Video> oldestFirst = new ArrayList<>(batch);
    oldestFirst.sort(Comparator.comparing(Video::createdAt));
    for (Video v : oldestFirst) {
      insert(s, v);
    }
    for (Video v : batch) {
      events.accept(new VideoChangeEvent.Added(v));
    }
    return batch;
  }

  static Video update(Statements s, Video v, Consumer<VideoChangeEvent> events)
      throws SQLException {
    return replace(s, v, found(s, v.id()), events).video();
  }

  /** Updates a video only at the expected version (VR-16.2), checked before the path. */
  static VersionedVideo update(
      Statements s, Video v, long expectedVersion, Consumer<VideoChangeEvent> events)
      throws SQLException {
    return replace(s, v, atVersion(s, v.id(), expectedVersion), events);
  }

  static boolean delete(Statements s, String id, Consumer<VideoChangeEvent> events)
      throws SQLException {
    OldRow old = oldRow(s, id);
    if (old == null) {
      return false;
    }
    remove(s, old, events);
    return true;
  }

  /** Deletes a video only at the expected version (VR-16.3). */
  static Video delete(
      Statements s, String id, long expectedVersion, Consumer<VideoChangeEvent> events)
      throws SQLException {
    OldRow old = atVersion(s, id, expectedVersion);
    remove(s, old, events);
    return old.video();
  }

  /** The single writer reads and writes in one transaction, so the check cannot go stale. */
  private static OldRow atVersion(Statements s, String id, long expectedVersion)
      throws SQLException {
    OldRow old = found(s, id);
    if (old.version() != expectedVersion) {
      throw new VersionConflictException(id, expectedVersion, old.version());
    }
    return old;
  }

  private static OldRow found(Statements s, String id) throws SQLException {
    OldRow old = oldRow(s, id);
    if (old == null) {
      throw new VideoNotFoundException(id);
    }
    return old;
  }

  private static VersionedVideo replace(
      Statements s, Video v, OldRow old, Consumer<VideoChangeEvent> events) throws SQLException {
    String holder = pathHolder(s, v.path());
    if (holder != null && !holder.equals(v.id())) {
      throw new DuplicateVideoException(DuplicateVideoException.Key.PATH, v.path());
    }
    Video stored = v.toBuilder().createdAt(old.video().createdAt()).build();
    SearchColumns text = SearchColumns.of(stored);
    removeFromSearch(s, old);
    PreparedStatement ps = s.get(VideoRows.UPDATE);
    VideoRows.bind(ps, stored, text);
    ps.setLong(VideoRows.UPDATE_ROWID, old.rowid());
    ps.executeUpdate();
    index(s, old.rowid(), text);
    events.accept(VideoChangeEvent.Updated.of(old.video(), stored));
    return new VersionedVideo(stored, old.version() + 1);
  }

  private static void remove(Statements s, OldRow old, Consumer<VideoChangeEvent> events)
      throws SQLException {
    removeFromSearch(s, old);
    PreparedStatement ps = s.get(DELETE);
    ps.setLong(1, old.rowid());
    ps.executeUpdate();
    events.accept(new VideoChangeEvent.Deleted(old.video()));
  }

  private static void insert(Statements s, Video v) throws SQLException {
    SearchColumns text = SearchColumns.of(v);
    long rowid = ListSlots.next(s, v);
    PreparedStatement ps = s.get(VideoRows.INSERT);
    VideoRows.bind(ps, v, text);
    ps.setLong(VideoRows.INSERT_ROWID, rowid);
    ps.executeUpdate();
    index(s, rowid, text);
  }

  private static void index(Statements s, long rowid, SearchColumns text) {
    s.searchIndex().add(rowid, text.path(), text.filenameNotInPath());
  }

  private static void removeFromSearch(Statements s, OldRow old) {
    s.searchIndex().remove(old.rowid());
  }

  private static boolean idTaken(Statements s, String id) throws SQLException {
    PreparedStatement ps = s.get(ID_TAKEN);
    ps.setString(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static @Nullable String pathHolder(Statements s, String path) throws SQLException {
    PreparedStatement ps = s.get(PATH_HOLDER);
    ps.setString(1, path);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static @Nullable OldRow oldRow(Statements s, String id) throws SQLException {
    PreparedStatement ps = s.get(OLD_ROW);
    ps.setString(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return new OldRow(rs.getLong(1), rs.getLong(2), VideoRows.read(rs, 3));
    }
  }
}
