package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.engine.VideoImage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The change log (schema V6): written by the writer inside each group's transaction, read by the
 * change feed for subscribers that resume or fall behind, pruned to the retention as writes come.
 * Positions are rowids handed out under the write lock, so they follow commit order without a
 * counter, across processes too.
 */
final class ChangeLog {

  private static final String COLUMNS = " (position, kind, before, after, committed_at_us)";
  // The first change of a group lets SQLite number it: a rowid left NULL becomes one more than
  // the largest, which the writer holding the write lock sees whichever process wrote last; the
  // rest of the group follow it. Prunes keep the largest, so a position is never reused.
  private static final String APPEND_FIRST =
      "INSERT INTO change_log" + COLUMNS + " VALUES (NULL, ?, ?, ?, ?) RETURNING position";
  // Multi-row inserts for groups (64 concurrent adds, an addAll): rows per statement, largest
  // first; one row per statement costs about three times as much per row.
  private static final int[] ROWS_PER_INSERT = {64, 16, 4, 1};
  private static final String[] APPEND_ROWS = new String[ROWS_PER_INSERT.length];

  static {
    for (int k = 0; k < ROWS_PER_INSERT.length; k++) {
      APPEND_ROWS[k] =
          "INSERT INTO change_log"
              + COLUMNS
              + " VALUES "
              + String.join(", ", Collections.nCopies(ROWS_PER_INSERT[k], "(?, ?, ?, ?, ?)"));
    }
  }

  private static final String BOUNDS =
      "SELECT (SELECT min(position) FROM change_log)," + " (SELECT max(position) FROM change_log)";
  private static final String READ =
      "SELECT position, kind, before, after FROM change_log"
          + " WHERE position > ? ORDER BY position LIMIT ?";
  // The log is in position order, which is commit order: the first row young enough ends the
  // scan, so finding the age cut costs what it deletes.
  private static final String FIRST_YOUNG =
      "SELECT position FROM change_log" + " WHERE committed_at_us >= ? ORDER BY position LIMIT 1";
  private static final String PRUNE = "DELETE FROM change_log WHERE position <= ?";

  private ChangeLog() {}

  /**
   * The position of the latest change logged.
   *
   * @param s a connection's statements
   * @return the position, 0 for an empty log
   * @throws SQLException if reading fails
   */
  static long last(Statements s) throws SQLException {
    try (ResultSet rs = s.get(BOUNDS).executeQuery()) {
      return rs.next() ? rs.getLong(2) : 0;
    }
  }

  /**
   * Logs a group's changes; the caller commits them. A group's rows after the first go in multi-row
   * inserts of 64, 16, 4, then single rows.
   *
   * @param s the writer's statements, in its transaction
   * @param changes the group's changes, in commit order
   * @param nowMicros the commit time
   * @return the changes with their positions
   * @throws SQLException if writing fails
   */
  static List<ChangeFeedEvent> append(Statements s, List<VideoChangeEvent> changes, long nowMicros)
      throws SQLException {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<ChangeFeedEvent> out = new ArrayList<>(changes.size());
    PreparedStatement first = s.get(APPEND_FIRST);
    bind(first, 1, changes.get(0), nowMicros);
    long position;
    try (ResultSet rs = first.executeQuery()) {
      rs.next();
      position = rs.getLong(1);
    }
    out.add(new ChangeFeedEvent(new ChangePosition(position), changes.get(0)));
    int i = 1;
    for (int k = 0; k < ROWS_PER_INSERT.length; k++) {
      int rows = ROWS_PER_INSERT[k];
      while (changes.size() - i >= rows) {
        PreparedStatement ps = s.get(APPEND_ROWS[k]);
        for (int row = 0; row < rows; row++, i++) {
          ps.setLong(row * 5 + 1, ++position);
          bind(ps, row * 5 + 2, changes.get(i), nowMicros);
          out.add(new ChangeFeedEvent(new ChangePosition(position), changes.get(i)));
        }
        ps.executeUpdate();
      }
    }
    return out;
  }

  /** Binds a change's kind, before and after images and time from parameter {@code kindAt}. */
  private static void bind(
      PreparedStatement ps, int kindAt, VideoChangeEvent change, long nowMicros)
      throws SQLException {
    Video before = null;
    Video after = null;
    String kind;
    if (change instanceof VideoChangeEvent.Added a) {
      kind = "A";
      after = a.video();
    } else if (change instanceof VideoChangeEvent.Updated u) {
      kind = "U";
      before = u.before();
      after = u.after();
    } else {
      kind = "D";
      before = ((VideoChangeEvent.Deleted) change).video();
    }
    ps.setString(kindAt, kind);
    ps.setString(kindAt + 1, before == null ? null : VideoImage.encode(before));
    ps.setString(kindAt + 2, after == null ? null : VideoImage.encode(after));
    ps.setLong(kindAt + 3, nowMicros);
  }

  /**
   * Deletes what the retention no longer keeps; never the latest change, whose position the next
   * one follows.
   *
   * @param s the writer's statements, in its transaction
   * @param last the latest position logged
   * @param retention the retention
   * @param nowMicros the time now
   * @throws SQLException if deleting fails
   */
  static void prune(Statements s, long last, ChangeRetention retention, long nowMicros)
      throws SQLException {
    long cut = last - retention.changes();
    if (retention.ageMicros() > 0) {
      PreparedStatement young = s.get(FIRST_YOUNG);
      young.setLong(1, nowMicros - retention.ageMicros());
      try (ResultSet rs = young.executeQuery()) {
        cut = Math.max(cut, rs.next() ? rs.getLong(1) - 1 : last - 1);
      }
    }
    cut = Math.min(cut, last - 1);
    if (cut > 0) {
      PreparedStatement ps = s.get(PRUNE);
      ps.setLong(1, cut);
      ps.executeUpdate();
    }
  }

  /**
   * Reads the changes after a position, as {@link
   * io.github.stoatferret.videorepo.spi.ChangeHistory} promises.
   *
   * @param s a connection's statements
   * @param after the reader's position
   * @param max the most changes to read
   * @param database the database's name, for messages
   * @return the changes, in order
   * @throws SQLException if reading fails
   * @throws ChangePositionExpiredException if changes after {@code after} were pruned
   */
  static List<ChangeFeedEvent> read(Statements s, long after, int max, String database)
      throws SQLException {
    long oldest;
    long last;
    try (ResultSet rs = s.get(BOUNDS).executeQuery()) {
      rs.next();
      oldest = rs.getLong(1);
      last = rs.getLong(2);
    }
    if (after < last && after + 1 < oldest) {
      throw new ChangePositionExpiredException(
          new ChangePosition(after), new ChangePosition(oldest), "SQLite repository " + database);
    }
    List<ChangeFeedEvent> out = new ArrayList<>();
    PreparedStatement ps = s.get(READ);
    ps.setLong(1, after);
    ps.setInt(2, max);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long position = rs.getLong(1);
        VideoChangeEvent change =
            switch (rs.getString(2)) {
              case "A" -> new VideoChangeEvent.Added(image(rs, 4, position));
              case "U" ->
                  VideoChangeEvent.Updated.of(image(rs, 3, position), image(rs, 4, position));
              default -> new VideoChangeEvent.Deleted(image(rs, 3, position));
            };
        out.add(new ChangeFeedEvent(new ChangePosition(position), change));
      }
    }
    return out;
  }

  private static Video image(ResultSet rs, int column, long position) throws SQLException {
    String text = rs.getString(column);
    if (text == null) {
      throw new SQLException(
          "change "
              + position
              + " of kind "
              + rs.getString(2)
              + " lacks its "
              + (column == 3 ? "before" : "after")
              + " image");
    }
    try {
      return VideoImage.decode(text);
    } catch (IllegalArgumentException e) {
      throw new SQLException(
          "change "
              + position
              + " has an unreadable "
              + (column == 3 ? "before" : "after")
              + " image: "
              + e.getMessage(),
          e);
    }
  }
}
