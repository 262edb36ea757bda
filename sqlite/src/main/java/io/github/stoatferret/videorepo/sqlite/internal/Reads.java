package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoOrder;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.SearchQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The read operations, as SQL on one connection. Each runs as one auto-commit statement, except a
 * search, whose statements share one read transaction (one snapshot).
 */
final class Reads {

  private static final String SELECT = "SELECT " + VideoRows.COLUMNS + " FROM videos ";
  private static final String ORDER = " ORDER BY list_key, id LIMIT ?";
  private static final String BY_ID = SELECT + "WHERE id = ?";
  private static final String BY_PATH = SELECT + "WHERE path = ?";
  private static final String VERSIONED_BY_ID =
      "SELECT version, " + VideoRows.COLUMNS + " FROM videos WHERE id = ?";
  private static final String LIST = SELECT + "ORDER BY list_key, id LIMIT ? OFFSET ?";
  private static final String PAGE_FIRST = SELECT + "ORDER BY list_key, id LIMIT ?";
  private static final String PAGE_AFTER = SELECT + "WHERE (list_key, id) > (?, ?)" + ORDER;
  private static final String COUNT = "SELECT n FROM video_count"; // kept by the writer (V2)
  private static final String MATCHES =
      "(instr(search_filename, ?1) > 0 OR instr(search_path, ?1) > 0)";
  private static final String ANY_SPILLED = "SELECT 1 FROM videos WHERE rowid < ? LIMIT 1";

  /** Rows holding the folded text, between two rowids, newest rowid first: the table walked. */
  private static final String WALK_TABLE =
      "SELECT rowid, "
          + VideoRows.COLUMNS
          + " FROM videos WHERE rowid BETWEEN ?2 AND ?3 AND "
          + MATCHES
          + " ORDER BY rowid DESC";

  /**
   * The same, from the trigram index's candidates (?4 asks for the text's trigrams). The index's
   * rowids are the table's, bitwise inverted (SearchIndexWrites), so its ascending order, which
   * FTS5 reads without sorting and lazily, is the table's descending order: the walk stops early.
   */
  private static final String WALK_INDEX =
      "SELECT videos.rowid, "
          + VideoRows.COLUMNS
          + " FROM videos_search CROSS JOIN videos ON videos.rowid = ~videos_search.rowid"
          + " WHERE videos_search MATCH ?4 AND videos_search.rowid BETWEEN ~?3 AND ~?2 AND "
          + MATCHES
          + " ORDER BY videos_search.rowid";

  private Reads() {}

  static Optional<Video> get(Statements s, String id) throws SQLException {
    PreparedStatement ps = s.get(BY_ID);
    ps.setString(1, id);
    return one(ps);
  }

  static Optional<VersionedVideo> getVersioned(Statements s, String id) throws SQLException {
    PreparedStatement ps = s.get(VERSIONED_BY_ID);
    ps.setString(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next()
          ? Optional.of(new VersionedVideo(VideoRows.read(rs, 2), rs.getLong(1)))
          : Optional.empty();
    }
  }

  static Optional<Video> getByPath(Statements s, String path) throws SQLException {
    PreparedStatement ps = s.get(BY_PATH);
    ps.setString(1, path);
    return one(ps);
  }

  static List<Video> list(Statements s, int limit, int offset) throws SQLException {
    if (limit == 0) {
      return List.of();
    }
    PreparedStatement ps = s.get(LIST);
    ps.setInt(1, limit);
    ps.setInt(2, offset);
    return all(ps);
  }

  static VideoPage page(Statements s, PageCursor from, int limit) throws SQLException {
    PreparedStatement ps;
    if (from.isStart()) {
      ps = s.get(PAGE_FIRST);
      ps.setLong(1, (long) limit + 1);
    } else {
      ps = s.get(PAGE_AFTER);
      ps.setLong(1, -from.createdAtMicros());
      ps.setString(2, from.id());
      ps.setLong(3, (long) limit + 1);
    }
    List<Video> rows = all(ps);
    if (rows.size() <= limit) {
      return new VideoPage(rows, null);
    }
    List<Video> items = rows.subList(0, limit);
    PageCursor next = limit == 0 ? from : PageCursor.at(items.get(limit - 1));
    return new VideoPage(items, next.encode());
  }

  static List<Video> search(Statements s, SearchQuery query, int limit) throws SQLException {
    if (limit == 0 || query.matchesNothing()) {
      return List.of();
    }
    if (query.matchesEverything()) {
      return list(s, limit, 0);
    }
    return matchesAfter(s, query.folded(), PageCursor.START, limit);
  }

  static VideoPage searchPage(Statements s, SearchQuery query, PageCursor from, int limit)
      throws SQLException {
    if (query.matchesNothing()) {
      return new VideoPage(List.of(), null);
    }
    if (query.matchesEverything()) {
      return page(s, from, limit);
    }
    String folded = query.folded();
    // One more than the page, to know whether another follows (VR-7.4), unless it cannot.
    List<Video> found =
        matchesAfter(s, folded, from, limit == Integer.MAX_VALUE ? limit : limit + 1);
    if (found.size() <= limit) {
      return new VideoPage(found, null);
    }
    List<Video> items = found.subList(0, limit);
    PageCursor next = limit == 0 ? from : PageCursor.at(items.get(limit - 1));
    return new VideoPage(items, next.encode());
  }

  /**
   * The first {@code limit} videos after a position whose folded text holds {@code folded}, in list
   * order.
   */
  private static List<Video> matchesAfter(Statements s, String folded, PageCursor from, int limit)
      throws SQLException {
    // Descending rowids follow list order bucket by bucket (ListSlots), so both walks read
    // matches in nearly list order and stop soon after the limit; rows that spilled out of a
    // full bucket are in no order and are read whole (there are none unless 65,536 videos
    // share a bucket). Text too short for trigrams walks the table itself. After a cursor the
    // walk starts at the end of the cursor's bucket, since every later row in list order is in
    // that bucket or a smaller one: the cost does not grow with the depth of the page.
    String trigrams = trigramQuery(folded);
    PreparedStatement ps = s.get(trigrams == null ? WALK_TABLE : WALK_INDEX);
    ps.setString(1, folded);
    if (trigrams != null) {
      ps.setString(4, trigrams);
    }
    long last =
        from.isStart()
            ? Long.MAX_VALUE
            : ListSlots.firstOfBucket(from.createdAtMicros()) + (1L << ListSlots.SLOT_BITS) - 1;
    List<Video> found = new ArrayList<>();
    s.execute("BEGIN"); // the probe and the walks read one snapshot, as one statement would
    try {
      if (anySpilled(s)) {
        walk(ps, Long.MIN_VALUE, ListSlots.ORDERED_START - 1, Integer.MAX_VALUE, from, found);
      }
      walk(ps, ListSlots.ORDERED_START, last, limit, from, found);
    } catch (SQLException | RuntimeException e) {
      endRead(s, e);
      throw e;
    }
    endRead(s, null);
    found.sort(VideoOrder.LIST_ORDER);
    return found.size() <= limit ? found : List.copyOf(found.subList(0, limit));
  }

  /**
   * Ends a read transaction, so that the connection does not keep its snapshot (which would hold
   * back checkpoints and hide later writes). After a failure, a failure to end it is added to that
   * one.
   */
  private static void endRead(Statements s, @Nullable Exception failed) throws SQLException {
    try {
      s.execute(failed == null ? "COMMIT" : "ROLLBACK");
    } catch (SQLException e) {
      if (failed == null) {
        throw e;
      }
      failed.addSuppressed(e);
    }
  }

  /** Whether any row spilled; a table look-up, far cheaper than asking the trigram index. */
  private static boolean anySpilled(Statements s) throws SQLException {
    PreparedStatement ps = s.get(ANY_SPILLED);
    ps.setLong(1, ListSlots.ORDERED_START);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * Adds the matches after a position between two rowids, in descending rowid order, until {@code
   * limit} of them are read and the bucket of the last one is finished: a smaller bucket holds only
   * rows later in list order, while inside a bucket the order is not kept.
   */
  private static void walk(
      PreparedStatement ps, long from, long to, int limit, PageCursor after, List<Video> out)
      throws SQLException {
    ps.setLong(2, from);
    ps.setLong(3, to);
    int read = 0;
    long lastBucket = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long bucket = ListSlots.bucket(rs.getLong(1));
        if (read >= limit && bucket != lastBucket) {
          return;
        }
        Video v = VideoRows.read(rs, 2);
        if (after.precedes(v)) {
          out.add(v);
          read++;
          lastBucket = bucket;
        }
      }
    }
  }

  /**
   * The FTS5 query for candidate rows of a folded query: rows holding the trigrams that cover the
   * text without overlap (at code points 0, 3, 6, ..., and the last three), each a quoted string
   * (so that no character acts as query syntax), joined by AND. Every row holding the text holds
   * these; {@code instr} then checks the real substring. Fewer terms than all the text's trigrams
   * make fewer index look-ups (each costs one per index segment) for nearly the same candidates:
   * "zeppelin" asks for 3 instead of 6.
   *
   * @return the query, or {@code null} when the text is shorter than three code points
   */
  static @Nullable String trigramQuery(String folded) {
    int[] cps = folded.codePoints().toArray();
    if (cps.length < 3) {
      return null;
    }
    StringBuilder q = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i + 3 <= cps.length; i = Math.min(i + 3, Math.max(i + 1, cps.length - 3))) {
      String tri = new String(cps, i, 3);
      if (seen.add(tri)) {
        if (q.length() > 0) {
          q.append(" AND ");
        }
        q.append('"').append(tri.replace("\"", "\"\"")).append('"');
      }
    }
    return q.toString();
  }

  static long count(Statements s) throws SQLException {
    try (ResultSet rs = s.get(COUNT).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Optional<Video> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(VideoRows.read(rs, 1)) : Optional.empty();
    }
  }

  private static List<Video> all(PreparedStatement ps) throws SQLException {
    List<Video> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(VideoRows.read(rs, 1));
      }
    }
    return out;
  }
}
