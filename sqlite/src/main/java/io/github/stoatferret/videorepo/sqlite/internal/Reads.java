package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.spi.PageCursor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The read operations, as SQL on one connection. Each runs as one auto-commit statement. */
final class Reads {

  private static final String SELECT = "SELECT " + VideoRows.COLUMNS + " FROM videos ";
  private static final String ORDER = " ORDER BY list_key, id LIMIT ?";
  private static final String BY_ID = SELECT + "WHERE id = ?";
  private static final String BY_PATH = SELECT + "WHERE path = ?";
  private static final String LIST = SELECT + "ORDER BY list_key, id LIMIT ? OFFSET ?";
  private static final String PAGE_FIRST = SELECT + "ORDER BY list_key, id LIMIT ?";
  private static final String PAGE_AFTER = SELECT + "WHERE (list_key, id) > (?, ?)" + ORDER;
  private static final String COUNT = "SELECT n FROM video_count"; // kept by the writer (V2)
  private static final String MATCHES =
      "(instr(search_filename, ?1) > 0 OR instr(search_path, ?1) > 0)";
  private static final String SCAN = SELECT + "WHERE " + MATCHES.replace("?1", "?2")
      + " ORDER BY list_key, id LIMIT ?1";
  private static final String TRIGRAM = SELECT + "WHERE rowid IN (SELECT rowid FROM videos_search"
      + " WHERE videos_search MATCH ?3) AND " + MATCHES.replace("?1", "?2")
      + " ORDER BY list_key, id LIMIT ?1";
  private static final String WINDOW = "SELECT " + VideoRows.COLUMNS + " FROM (SELECT * FROM"
      + " videos ORDER BY list_key, id LIMIT ?3) WHERE " + MATCHES.replace("?1", "?2")
      + " LIMIT ?1";
  private static final String CANDIDATES = "SELECT count(*) FROM (SELECT rowid FROM videos_search"
      + " WHERE videos_search MATCH ?1 LIMIT ?2)";
  private static final String LAST_ROWID = "SELECT max(rowid) FROM videos";

  /**
   * Up to this many trigram candidates, a search fetches them all and sorts them; beyond it the
   * ordered scan, which stops at the limit, is cheaper.
   */
  static final int SPARSE_CANDIDATES = 20_000;

  private Reads() {}

  static Optional<Video> get(Statements s, String id) throws SQLException {
    PreparedStatement ps = s.get(BY_ID);
    ps.setString(1, id);
    return one(ps);
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

  static List<Video> search(Statements s, String query, int limit) throws SQLException {
    if (limit == 0 || !SearchText.isMatchable(query)) {
      return List.of();
    }
    String folded = SearchText.fold(query);
    if (folded.isEmpty()) {
      return list(s, limit, 0);
    }
    String trigrams = trigramQuery(folded);
    if (trigrams == null) {
      return scan(s, SCAN, folded, limit, 0); // too short for trigrams
    }
    // Plan, per query: results come in list order, so a frequent term is found fastest by
    // walking that order until the limit; a rare one by its trigrams. First walk a window of
    // the newest rows; if the term is dense, that already fills the page.
    int window = (int) Math.min(20_000, Math.max(1_000, 20L * limit));
    List<Video> found = scan(s, WINDOW, folded, limit, window);
    if (found.size() == limit || lastRowid(s) <= window) {
      return found; // full page, or the window held every row
    }
    if (isSparse(s, trigrams)) {
      PreparedStatement ps = s.get(TRIGRAM); // few candidates: fetch, verify, sort
      ps.setInt(1, limit);
      ps.setString(2, folded);
      ps.setString(3, trigrams);
      return all(ps);
    }
    return scan(s, SCAN, folded, limit, 0); // many candidates, few of them recent
  }

  private static List<Video> scan(Statements s, String sql, String folded, int limit, int window)
      throws SQLException {
    PreparedStatement ps = s.get(sql);
    ps.setInt(1, limit);
    ps.setString(2, folded);
    if (window > 0) {
      ps.setInt(3, window);
    }
    return all(ps);
  }

  private static long lastRowid(Statements s) throws SQLException {
    try (ResultSet rs = s.get(LAST_ROWID).executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static boolean isSparse(Statements s, String trigrams) throws SQLException {
    PreparedStatement ps = s.get(CANDIDATES);
    ps.setString(1, trigrams);
    ps.setInt(2, SPARSE_CANDIDATES + 1);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1) <= SPARSE_CANDIDATES;
    }
  }

  /**
   * The FTS5 query for rows holding every trigram of a folded query: each trigram a quoted
   * string (so that no character acts as query syntax), joined by AND. The index keeps no
   * positions, so this finds candidates; {@code instr} then checks the real substring.
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
    for (int i = 0; i + 3 <= cps.length; i++) {
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
