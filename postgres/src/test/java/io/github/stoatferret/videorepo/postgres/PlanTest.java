package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.spi.PageCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query plans the backend relies on, read with EXPLAIN on 20,000 videos: which index each kind
 * of query can use (sequential scans are switched off in these sessions, so that the small table's
 * cheap scan does not hide the answer).
 */
class PlanTest {

  private static HikariDataSource pool;
  private static PostgresVideoRepository repo;

  @BeforeAll
  static void fill() throws Exception {
    pool = TestServer.pool(TestServer.newDatabase(), 8);
    repo = PostgresVideoRepository.builder(pool).schema("plans").open();
    for (int chunk = 0; chunk < 20; chunk++) {
      List<Video> batch = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int n = chunk * 1000 + i;
        batch.add(Samples.video("v" + n, "/library/" + (n % 97) + "/clip-" + n + ".mp4", n));
      }
      repo.addAll(batch).toCompletableFuture().join();
    }
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE plans.videos");
    }
  }

  @AfterAll
  static void close() {
    repo.close();
    pool.close();
  }

  /**
   * The plan of a query, with some plan kinds switched off: at 20,000 rows a sequential or an
   * ordered scan costs little and the planner may rightly prefer it; these tests ask which indexes
   * a query can use, so they take that choice away where it hides the answer.
   */
  private static String explain(List<String> off, String sql, Object... args) throws Exception {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      try (Statement st = c.createStatement()) {
        for (String kind : off) {
          st.execute("SET " + kind + " = off");
        }
      }
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      } finally {
        try (Statement st = c.createStatement()) {
          st.execute("RESET ALL"); // the connection goes back to the pool: leave nothing off
        }
      }
      return plan.toString();
    }
  }

  @Test
  void aPageAtDepthSeeksTheListOrderIndex() throws Exception {
    Video deep = repo.list(1, 18_000).toCompletableFuture().join().get(0);
    PageCursor at = PageCursor.at(deep);
    String plan =
        explain(
            List.of("enable_seqscan"),
            "SELECT id FROM plans.videos WHERE (list_key, id) > (?, ?)"
                + " ORDER BY list_key, id LIMIT 101",
            -at.createdAtMicros(),
            at.id());
    assertTrue(plan.contains("videos_list_order"), plan);
    assertTrue(plan.contains("Index Cond"), plan);
    assertTrue(!plan.contains("Sort"), plan);
  }

  /**
   * A search page deep in a common term's matches (searchPage, VR-7.4) seeks the list-order index
   * at the cursor and filters from there: its cost does not grow with the depth.
   */
  @Test
  void aSearchPageAtDepthSeeksTheListOrderIndex() throws Exception {
    Video deep = repo.list(1, 18_000).toCompletableFuture().join().get(0);
    PageCursor at = PageCursor.at(deep);
    String plan =
        explain(
            List.of("enable_seqscan", "enable_bitmapscan"),
            "SELECT id FROM plans.videos WHERE (search_filename LIKE ? ESCAPE '\\'"
                + " OR search_path LIKE ? ESCAPE '\\') AND (list_key, id) > (?, ?)"
                + " ORDER BY list_key, id LIMIT 101",
            "%clip%",
            "%clip%",
            -at.createdAtMicros(),
            at.id());
    assertTrue(plan.contains("videos_list_order"), plan);
    assertTrue(plan.contains("Index Cond"), plan);
    assertTrue(!plan.contains("Sort"), plan);
  }

  @Test
  void aRareTermUsesTheTrigramIndexAndAShortOneKeepsOffIt() throws Exception {
    List<String> noScans = List.of("enable_seqscan", "enable_indexscan");
    String rare =
        explain(
            noScans,
            "SELECT id FROM plans.videos WHERE (search_filename LIKE ? ESCAPE '\\'"
                + " OR search_path LIKE ? ESCAPE '\\') ORDER BY list_key, id LIMIT 100",
            "%clip-12345%",
            "%clip-12345%");
    assertTrue(rare.contains("_trgm"), rare);
    String shortQuery =
        explain(
            noScans,
            "SELECT id FROM plans.videos WHERE ((search_filename || '')"
                + " LIKE ? ESCAPE '\\' OR (search_path || '') LIKE ? ESCAPE '\\') ORDER BY list_key, id"
                + " LIMIT 100",
            "%12%",
            "%12%");
    assertTrue(!shortQuery.contains("_trgm"), shortQuery);
  }
}
