package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.SearchQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The read operations: one statement each, on a connection in auto-commit mode. */
final class Reads {

  private Reads() {}

  static Optional<Video> get(Connection c, Sql sql, String id) throws SQLException {
    return storable(id) ? VideoRows.one(c, sql.byId(), id) : Optional.empty();
  }

  static Optional<VersionedVideo> getVersioned(Connection c, Sql sql, String id)
      throws SQLException {
    return storable(id) ? VideoRows.versioned(c, sql.versionedById(), id) : Optional.empty();
  }

  static Optional<Video> getByPath(Connection c, Sql sql, String path) throws SQLException {
    return storable(path) ? VideoRows.one(c, sql.byPath(), path) : Optional.empty();
  }

  /**
   * Whether a key could be a stored id or path. PostgreSQL text cannot hold NUL, and UTF-8 no
   * unpaired surrogate, so such a key would fail the statement; no video has one (Video refuses
   * both), so it simply matches nothing.
   *
   * @param key the key
   * @return whether to look it up
   */
  static boolean storable(String key) {
    return SearchText.isMatchable(key);
  }

  static List<Video> list(Connection c, Sql sql, int limit, int offset) throws SQLException {
    if (limit == 0) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(sql.list())) {
      ps.setInt(1, offset);
      ps.setInt(2, limit);
      return all(ps);
    }
  }

  /** A keyset page: the rows after the cursor's (list_key, id), one more than asked for. */
  static VideoPage page(Connection c, Sql sql, PageCursor from, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.page())) {
      bindAfter(ps, 1, from);
      ps.setLong(3, (long) limit + 1);
      return pageOf(all(ps), from, limit);
    }
  }

  /** A keyset page of a search's matches (VR-7.4): {@link #page} among the matches. */
  static VideoPage searchPage(
      Connection c, Sql sql, boolean trigrams, SearchQuery query, PageCursor from, int limit)
      throws SQLException {
    if (query.matchesNothing()) {
      return new VideoPage(List.of(), null);
    }
    if (query.matchesEverything()) {
      return page(c, sql, from, limit);
    }
    String folded = query.folded();
    boolean indexed = trigrams && folded.codePointCount(0, folded.length()) >= 3;
    String pattern = "%" + escapeLike(folded) + "%";
    try (PreparedStatement ps = c.prepareStatement(sql.searchPage(indexed))) {
      ps.setString(1, pattern);
      ps.setString(2, pattern);
      bindAfter(ps, 3, from);
      ps.setLong(5, (long) limit + 1);
      return pageOf(all(ps), from, limit);
    }
  }

  /** Binds a position as (list_key, id) at two parameters; the start sorts before every row. */
  private static void bindAfter(PreparedStatement ps, int at, PageCursor from) throws SQLException {
    ps.setLong(at, from.isStart() ? Long.MIN_VALUE : -from.createdAtMicros());
    ps.setString(at + 1, from.isStart() ? "" : from.id());
  }

  /** A page from up to one row more than its limit: the extra row says another follows. */
  private static VideoPage pageOf(List<Video> rows, PageCursor from, int limit) {
    if (rows.size() <= limit) {
      return new VideoPage(rows, null);
    }
    List<Video> items = List.copyOf(rows.subList(0, limit));
    PageCursor last = limit == 0 ? from : PageCursor.at(items.get(limit - 1));
    return new VideoPage(items, last.encode());
  }

  /**
   * A search: {@code LIKE} on the folded columns, with the query's {@code %}, {@code _} and {@code
   * \} escaped, in list order. A pattern too short for trigrams keeps off the trigram index (see
   * {@link Sql#search}).
   */
  static List<Video> search(Connection c, Sql sql, boolean trigrams, SearchQuery query, int limit)
      throws SQLException {
    if (limit == 0 || query.matchesNothing()) {
      return List.of();
    }
    if (query.matchesEverything()) {
      return list(c, sql, limit, 0);
    }
    String folded = query.folded();
    boolean indexed = trigrams && folded.codePointCount(0, folded.length()) >= 3;
    String pattern = "%" + escapeLike(folded) + "%";
    try (PreparedStatement ps = c.prepareStatement(sql.search(indexed))) {
      ps.setString(1, pattern);
      ps.setString(2, pattern);
      ps.setInt(3, limit);
      return all(ps);
    }
  }

  static long count(Connection c, Sql sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql.count());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Escapes LIKE's wildcards and its escape character, so the query matches literally. */
  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static List<Video> all(PreparedStatement ps) throws SQLException {
    List<Video> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(VideoRows.read(rs, 1));
      }
    }
    return List.copyOf(out);
  }
}
