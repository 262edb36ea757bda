package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.spi.VideoImage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The change log (schema V6): written by the writer inside each group's transaction, read by
 * the change feed for subscribers that resume or fall behind, pruned to the retention as writes
 * come. Positions are the writer's to hand out, so they follow commit order without a counter.
 */
final class ChangeLog {

  private static final String APPEND = "INSERT INTO change_log"
      + " (position, kind, before, after, committed_at_us) VALUES (?, ?, ?, ?, ?)";
  private static final String BOUNDS = "SELECT (SELECT min(position) FROM change_log),"
      + " (SELECT max(position) FROM change_log)";
  private static final String READ = "SELECT position, kind, before, after FROM change_log"
      + " WHERE position > ? ORDER BY position LIMIT ?";
  // The log is in position order, which is commit order: the first row young enough ends the
  // scan, so finding the age cut costs what it deletes.
  private static final String FIRST_YOUNG = "SELECT position FROM change_log"
      + " WHERE committed_at_us >= ? ORDER BY position LIMIT 1";
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
   * Logs a group's changes; the caller commits them.
   *
   * @param s the writer's statements
   * @param changes the group's changes, in commit order
   * @param after the position of the latest change logged before
   * @param nowMicros the commit time
   * @return the changes with their positions
   * @throws SQLException if writing fails
   */
  static List<ChangeFeedEvent> append(Statements s, List<VideoChangeEvent> changes, long after,
      long nowMicros) throws SQLException {
    List<ChangeFeedEvent> out = new ArrayList<>(changes.size());
    PreparedStatement ps = s.get(APPEND);
    long position = after;
    for (VideoChangeEvent change : changes) {
      position++;
      ps.setLong(1, position);
      if (change instanceof VideoChangeEvent.Added a) {
        bind(ps, "A", null, a.video());
      } else if (change instanceof VideoChangeEvent.Updated u) {
        bind(ps, "U", u.before(), u.after());
      } else {
        bind(ps, "D", ((VideoChangeEvent.Deleted) change).video(), null);
      }
      ps.setLong(5, nowMicros);
      ps.executeUpdate();
      out.add(new ChangeFeedEvent(new ChangePosition(position), change));
    }
    return out;
  }

  private static void bind(PreparedStatement ps, String kind, @Nullable Video before,
      @Nullable Video after) throws SQLException {
    ps.setString(2, kind);
    ps.setString(3, before == null ? null : VideoImage.encode(before));
    ps.setString(4, after == null ? null : VideoImage.encode(after));
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
   * Reads the changes after a position, as {@link io.github.stoatferret.videorepo.spi.ChangeHistory}
   * promises.
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
      throw new ChangePositionExpiredException(new ChangePosition(after),
          new ChangePosition(oldest), "SQLite repository " + database);
    }
    List<ChangeFeedEvent> out = new ArrayList<>();
    PreparedStatement ps = s.get(READ);
    ps.setLong(1, after);
    ps.setInt(2, max);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long position = rs.getLong(1);
        VideoChangeEvent change = switch (rs.getString(2)) {
          case "A" -> new VideoChangeEvent.Added(image(rs, 4, position));
          case "U" -> VideoChangeEvent.Updated.of(image(rs, 3, position), image(rs, 4, position));
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
      throw new SQLException("change " + position + " of kind " + rs.getString(2) + " lacks its "
          + (column == 3 ? "before" : "after") + " image");
    }
    try {
      return VideoImage.decode(text);
    } catch (IllegalArgumentException e) {
      throw new SQLException("change " + position + " has an unreadable "
          + (column == 3 ? "before" : "after") + " image: " + e.getMessage(), e);
    }
  }
}
