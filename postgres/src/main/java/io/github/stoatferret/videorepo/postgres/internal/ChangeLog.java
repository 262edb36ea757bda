package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.engine.ChangeCounts;
import io.github.stoatferret.videorepo.engine.VideoImage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The change log, written inside each write transaction. Commit order is fixed by the one-row
 * counter: a transaction advances it as its last step and holds its row lock until it commits, so a
 * later committer always draws higher numbers, and a rolled-back one draws none. (Sequence values
 * would not do: a sequence hands out numbers at call time, not at commit.) The notification (sent
 * by the counter's update, at commit) only wakes listeners; what they read is the log, so a
 * listener that was away misses nothing.
 */
final class ChangeLog {

  private ChangeLog() {}

  /**
   * Appends a transaction's changes, in one statement; call it last, just before commit.
   *
   * @param c the transaction's connection
   * @param sql the statements
   * @param events the changes, in order
   * @return the transaction's id, read by the counter's update (no extra round trip), to ask the
   *     server whether it committed if the commit is cut off, and the position of its last change;
   *     {@code null} when there were no changes, so nothing was written
   * @throws SQLException if writing fails
   */
  static @Nullable Appended append(Connection c, Sql sql, List<VideoChangeEvent> events)
      throws SQLException {
    if (events.isEmpty()) {
      return null;
    }
    int n = events.size();
    @Nullable String[] kinds = new String[n];
    @Nullable String[] befores = new String[n];
    @Nullable String[] afters = new String[n];
    for (int i = 0; i < n; i++) {
      VideoChangeEvent e = events.get(i);
      if (e instanceof VideoChangeEvent.Added a) {
        kinds[i] = "A";
        afters[i] = VideoImage.encode(a.video());
      } else if (e instanceof VideoChangeEvent.Updated u) {
        kinds[i] = "U";
        befores[i] = VideoImage.encode(u.before());
        afters[i] = VideoImage.encode(u.after());
      } else if (e instanceof VideoChangeEvent.Deleted d) {
        kinds[i] = "D";
        befores[i] = VideoImage.encode(d.video());
      }
    }
    long last;
    String xid;
    try (PreparedStatement ps = c.prepareStatement(sql.append())) {
      ps.setLong(1, n);
      ps.setLong(2, ChangeCounts.netNewVideos(events)); // schema V2: the count is in the counter
      ps.setString(3, sql.channel());
      ps.setLong(4, n);
      ps.setArray(5, c.createArrayOf("text", kinds));
      ps.setArray(6, c.createArrayOf("text", befores));
      ps.setArray(7, c.createArrayOf("text", afters));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        last = rs.getLong(1);
        xid = rs.getString(2);
      }
    }
    return new Appended(xid, last, new Change(kinds[n - 1], befores[n - 1], afters[n - 1]));
  }

  /**
   * What {@link #append} wrote.
   *
   * @param xid the transaction's id
   * @param last the position of its last change
   * @param lastChange the row written at that position
   */
  record Appended(String xid, long last, Change lastChange) {}

  /**
   * A log row's content, as written: after a failover it tells a transaction from another one that
   * the promoted standby gave the same id.
   *
   * @param kind A, U or D
   * @param beforeImage the video before, or null
   * @param afterImage the video after, or null
   */
  record Change(@Nullable String kind, @Nullable String beforeImage, @Nullable String afterImage) {}

  /**
   * Reads the changes committed after a sequence number.
   *
   * @param c a connection
   * @param sql the statements
   * @param after the last sequence number already seen
   * @param max the most changes to read
   * @return the changes with their numbers, in commit order
   * @throws SQLException if reading fails
   */
  static List<Numbered> read(Connection c, Sql sql, long after, int max) throws SQLException {
    List<Numbered> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.readLog())) {
      ps.setLong(1, after);
      ps.setInt(2, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          VideoChangeEvent event =
              switch (rs.getString(2)) {
                case "A" -> new VideoChangeEvent.Added(image(rs, 4));
                case "U" -> VideoChangeEvent.Updated.of(image(rs, 3), image(rs, 4));
                default -> new VideoChangeEvent.Deleted(image(rs, 3));
              };
          out.add(new Numbered(rs.getLong(1), event));
        }
      }
    }
    return out;
  }

  /** The video of an image column that the change's kind must have. */
  private static Video image(ResultSet rs, int column) throws SQLException {
    String text = rs.getString(column);
    if (text == null) {
      throw new SQLException(
          "change "
              + rs.getLong(1)
              + " of kind "
              + rs.getString(2)
              + " lacks its "
              + (column == 3 ? "before" : "after")
              + " image");
    }
    return VideoImage.decode(text);
  }

  /**
   * The last sequence number handed out.
   *
   * @param c a connection
   * @param sql the statements
   * @return the number, 0 before the first change
   * @throws SQLException if reading fails
   */
  static long lastSeq(Connection c, Sql sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.lastSeq());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Deletes the changes the retention no longer keeps.
   *
   * @param c a connection
   * @param sql the statements
   * @param retention what is kept
   * @throws SQLException if deleting fails
   */
  static void prune(Connection c, Sql sql, Retention retention) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.pruneLog())) {
      ps.setString(1, retention.seconds() + " seconds");
      ps.setLong(2, retention.changes());
      ps.executeUpdate();
    }
  }

  /**
   * What the log keeps: a change goes once either limit lets it go.
   *
   * @param seconds how long a change is kept
   * @param changes how many of the latest changes are kept
   */
  record Retention(long seconds, long changes) {
    /**
     * How many writes may pass between two prunes: few enough that the log holds at most about a
     * quarter more than {@code changes}, and at most 1,024.
     *
     * @return the number, at least 1
     */
    long pruneEvery() {
      return Math.max(1, Math.min(1_024, changes / 4));
    }
  }

  /**
   * Reads the kept changes after a position, as {@link io.github.stoatferret.videorepo.spi
   * .ChangeHistory} promises: it fails if the changes after it were pruned.
   *
   * @param c a connection
   * @param sql the statements
   * @param after the reader's position
   * @param max the most changes to read
   * @param catalogue the catalogue, for messages
   * @return the changes, in order
   * @throws SQLException if reading fails
   * @throws ChangePositionExpiredException if changes after {@code after} are gone
   */
  static List<ChangeFeedEvent> readAfter(
      Connection c, Sql sql, long after, int max, String catalogue) throws SQLException {
    long oldest;
    long last;
    try (PreparedStatement ps = c.prepareStatement(sql.logBounds());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      last = rs.getLong(2);
      long min = rs.getLong(1);
      oldest = rs.wasNull() ? last + 1 : min;
    }
    if (after < last && after + 1 < oldest) {
      throw new ChangePositionExpiredException(
          new ChangePosition(after), new ChangePosition(oldest), catalogue);
    }
    List<ChangeFeedEvent> out = new ArrayList<>();
    for (Numbered n : read(c, sql, after, max)) {
      out.add(new ChangeFeedEvent(new ChangePosition(n.seq()), n.event()));
    }
    return out;
  }

  /**
   * A change and its place in commit order.
   *
   * @param seq the sequence number
   * @param event the change
   */
  record Numbered(long seq, VideoChangeEvent event) {}
}
