package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoOrder;
import io.github.stoatferret.videorepo.VideoPage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search walks rows in the order of their keys (list slots: buckets of about 4 ms of createdAt, in
 * no order inside a bucket, and a spill range for rows of a full bucket) and stops early. These
 * cases are built so that stopping at the first {@code limit} hits, or skipping the spill range,
 * returns the wrong videos.
 */
class SearchOrderTest {

  private static final Instant BASE = Instant.parse("2024-05-01T12:00:00Z");

  @TempDir Path dir;

  private static Video video(String id, Instant createdAt, String word) {
    return Samples.video(id, "/videos/" + word + "/" + id + ".mp4", 0).toBuilder()
        .timestamps(createdAt)
        .build();
  }

  /** What search must return: every stored video holding the text, in list order, cut. */
  private static List<Video> expected(List<Video> all, String query, int limit) {
    String q = SearchText.fold(query);
    return all.stream()
        .filter(
            v -> SearchText.fold(v.filename()).contains(q) || SearchText.fold(v.path()).contains(q))
        .sorted(VideoOrder.LIST_ORDER)
        .limit(limit)
        .toList();
  }

  /** Every page of a search, walked with its cursors (VR-7.4), then checked against search. */
  private static void expectPages(
      SqliteVideoRepository repo, List<Video> all, String query, int size) {
    List<Video> walked = new ArrayList<>();
    String cursor = null;
    do {
      VideoPage page = repo.searchPage(query, cursor, size).toCompletableFuture().join();
      assertTrue(page.items().size() <= size);
      walked.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    assertEquals(
        expected(all, query, Integer.MAX_VALUE), walked, "searchPage(" + query + ", " + size + ")");
  }

  @Test
  void aSearchReadsTheWholeBucketOfItsLastHit() {
    // Ten videos a microsecond apart share one bucket; stored oldest last, so their keys run
    // against list order inside it. Older ones in earlier buckets follow.
    List<Video> all = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      all.add(video("new" + k, BASE.plusNanos(k * 1000L), "sunset"));
    }
    java.util.Collections.reverse(all);
    for (int k = 0; k < 10; k++) {
      all.add(video("old" + k, BASE.minusSeconds(k + 1), "sunset"));
    }
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("bucket.db"))) {
      for (Video v : all) {
        repo.add(v).toCompletableFuture().join();
      }
      for (String query : List.of("sunset", "su")) { // the trigram walk and the table walk
        for (int limit : List.of(1, 3, 10, 11, 100)) {
          assertEquals(
              expected(all, query, limit),
              repo.search(query, limit).toCompletableFuture().join(),
              query + ", " + limit);
          // A page may end inside the bucket, with rows of its bucket on both sides of it.
          expectPages(repo, all, query, limit);
        }
      }
    }
  }

  @Test
  void rowsPastAFullBucketSpillAndAreStillFoundInListOrder() throws Exception {
    // 65,536 slots per bucket: one more video at the same instant spills. The spilled ones are
    // given ids that sort first, so list order puts them at the top of the results.
    Path file = dir.resolve("spill.db");
    List<Video> all = new ArrayList<>();
    for (int i = 0; i < 65_536 + 40; i++) {
      String word = i % 10 == 0 ? "sunset" : "meadow";
      all.add(video(String.format("z%06d", i), BASE, word));
    }
    for (int i = 0; i < 30; i++) { // spills: the bucket is full when these come
      all.add(video(String.format("a%06d", i), BASE, i % 3 == 0 ? "sunset" : "meadow"));
    }
    for (int i = 0; i < 50; i++) { // later and earlier buckets
      all.add(video("after" + i, BASE.plusSeconds(i + 1), i % 2 == 0 ? "sunset" : "meadow"));
      all.add(video("before" + i, BASE.minusSeconds(i + 1), "sunset"));
    }
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      for (int from = 0; from < all.size(); from += 5000) {
        repo.addAll(all.subList(from, Math.min(all.size(), from + 5000)))
            .toCompletableFuture()
            .join();
      }
      for (String query : List.of("sunset", "su", "meadow")) {
        for (int limit : List.of(5, 30, 100)) {
          assertEquals(
              expected(all, query, limit),
              repo.search(query, limit).toCompletableFuture().join(),
              query + ", " + limit);
        }
      }
      // Pages that start inside the full bucket and inside the spill range.
      expectPages(repo, all, "sunset", 50);
      expectPages(repo, all, "su", 997);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM videos WHERE list_slot < " + -(1L << 62))) {
      assertEquals(70, rs.getLong(1), "the rows past the bucket's 65,536 slots spilled");
    }
  }

  @Test
  void keysFollowListOrderAcrossTheWholeRangeOfInstants() {
    List<Video> all = new ArrayList<>();
    for (String at :
        List.of(
            "0001-01-01T00:00:00Z",
            "0001-01-01T00:00:00.004096Z",
            "1969-12-31T23:59:59.999999Z",
            "1970-01-01T00:00:00Z",
            "1970-01-01T00:00:00.000001Z",
            "9999-12-31T23:59:59.999999Z",
            "9999-12-31T23:59:59.995903Z")) {
      all.add(video("at" + all.size(), Instant.parse(at), "sunset"));
    }
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("range.db"))) {
      repo.addAll(all).toCompletableFuture().join();
      for (int limit = 1; limit <= all.size(); limit++) {
        assertEquals(
            expected(all, "sunset", limit),
            repo.search("sunset", limit).toCompletableFuture().join(),
            "limit " + limit);
        expectPages(repo, all, "sunset", limit);
      }
      assertTrue(repo.search("quixotic", 10).toCompletableFuture().join().isEmpty());
    }
  }
}
