package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sizes where real engines change code path: batches beyond SQL parameter limits (999, 32,766,
 * 32,767: authors chunk them, and a chunked check misses a clash across chunks), limits beyond the
 * page sizes services cap (1,000), matches far into long text (indexes cap key lengths at 255) and
 * queries long enough for a parser to truncate. The specification sets no maximum for any of them,
 * so each is tried beyond those boundaries.
 */
interface SizeRules extends RuleTests {

  /** A batch larger than every SQL parameter limit (SQLite 32,766; PostgreSQL 32,767). */
  int LARGE_BATCH = 33_000;

  /**
   * A batch of {@value #LARGE_BATCH} videos in list order, made fast: one createdAt per video.
   *
   * @param prefix the ids' prefix
   * @return the batch
   */
  private List<Video> largeBatch(String prefix) {
    Instant base = Instant.parse("2020-01-01T00:00:00Z");
    List<Video> batch = new ArrayList<>(LARGE_BATCH);
    for (int i = 0; i < LARGE_BATCH; i++) {
      batch.add(
          kit()
              .video(
                  prefix + i, "/large/" + prefix + i + ".mp4", base.plusSeconds(LARGE_BATCH - i)));
    }
    return batch;
  }

  /**
   * VR-3.2: a clash between the first and the last video of a batch of {@value #LARGE_BATCH},
   * further apart than any chunk an author would cut, stores none and names the last one.
   */
  @Test
  default void vr3_2_aClashAcrossABatchBeyondParameterLimitsStoresNone() {
    VideoRepository repo = kit().repository();
    List<Video> batch = largeBatch("c");
    Video last = batch.get(LARGE_BATCH - 1);
    batch.set(LARGE_BATCH - 1, last.toBuilder().path(batch.get(0).path()).build());
    String op = "addAll(" + LARGE_BATCH + " videos, the last at the first one's path)";
    DuplicateVideoException clash =
        kit().fails(Rule.VR_3_2, op, DuplicateVideoException.class, () -> repo.addAll(batch));
    kit()
        .expect(
            Rule.VR_3_2,
            op + ": the clash",
            DuplicateVideoException.Key.PATH + " " + batch.get(0).path(),
            clash.key() + " " + clash.value());
    kit()
        .expect(
            Rule.VR_3_2, "count() after " + op, 0L, kit().ok(Rule.VR_3_2, "count()", repo::count));
  }

  /**
   * VR-5.2: a batch of {@value #LARGE_BATCH} is stored whole, and limits in the tens of thousands
   * are honoured by list, page and search alike.
   */
  @Test
  default void vr5_2_limitsInTheTensOfThousandsAreHonoured() {
    VideoRepository repo = kit().repository();
    List<Video> batch = largeBatch("v");
    String op = "addAll(" + LARGE_BATCH + " videos)";
    kit().expect(Rule.VR_3_1, op, batch, kit().ok(Rule.VR_3_1, op, () -> repo.addAll(batch)));
    int beyond = LARGE_BATCH + 1_000;
    kit()
        .expect(
            Rule.VR_5_2,
            "list(" + beyond + ", 0)",
            batch,
            kit().ok(Rule.VR_5_2, "list(" + beyond + ", 0)", () -> repo.list(beyond, 0)));
    kit()
        .expect(
            Rule.VR_5_2,
            "list(20000, 10000)",
            batch.subList(10_000, 30_000),
            kit().ok(Rule.VR_5_2, "list(20000, 10000)", () -> repo.list(20_000, 10_000)));
    VideoPage page = kit().ok(Rule.VR_5_2, "page(null, 20000)", () -> repo.page(null, 20_000));
    kit().expect(Rule.VR_5_2, "page(null, 20000).items()", batch.subList(0, 20_000), page.items());
    String cursor = page.nextCursor();
    kit()
        .expectThat(
            Rule.VR_6_2,
            "page(null, 20000).nextCursor()",
            cursor != null,
            "a cursor: 13,000 more videos follow",
            "null");
    VideoPage rest =
        kit().ok(Rule.VR_5_2, "page(next, " + beyond + ")", () -> repo.page(cursor, beyond));
    kit()
        .expect(
            Rule.VR_5_2,
            "page(next, " + beyond + ").items()",
            batch.subList(20_000, LARGE_BATCH),
            rest.items());
    kit().expect(Rule.VR_6_2, "page(next, " + beyond + ").nextCursor()", null, rest.nextCursor());
    kit()
        .expect(
            Rule.VR_5_2,
            "search(\"/large/\", " + beyond + ")",
            batch,
            kit()
                .ok(
                    Rule.VR_5_2,
                    "search(\"/large/\", " + beyond + ")",
                    () -> repo.search("/large/", beyond)));
  }

  /**
   * VR-7.1: a match far into a path of the longest length, or at the end of the longest file name,
   * is found; and a query long enough for a parser to truncate matches exactly what it says, not
   * what its first characters say.
   */
  @Test
  default void vr7_1_matchesFarIntoLongTextAndLongQueriesMatchExactly() {
    VideoRepository repo = kit().repository();
    String prefix = "/" + "deep/".repeat(799); // 3,996 characters
    Video farInPath = kit().video("far", prefix + "needle-in-path.mp4");
    Video longName =
        kit().video("name", "/n/" + "x".repeat(Video.MAX_FILENAME_LENGTH - 20) + "tail-needle.mp4");
    String shared = "/shared/" + "abcdefghij".repeat(150); // 1,508 characters
    Video a = kit().video("a", shared + "/alpha.mp4");
    Video b = kit().video("b", shared + "/beta.mp4");
    kit()
        .ok(
            Rule.VR_7_1,
            "addAll(4 videos with long paths and names)",
            () -> repo.addAll(List.of(farInPath, longName, a, b)));
    kit()
        .expect(
            Rule.VR_7_1,
            "search(\"NEEDLE-IN-PATH\") at character 3,997",
            List.of(farInPath),
            kit()
                .ok(
                    Rule.VR_7_1,
                    "search(\"NEEDLE-IN-PATH\")",
                    () -> repo.search("NEEDLE-IN-PATH")));
    kit()
        .expect(
            Rule.VR_7_1,
            "search(\"tail-needle\") at the end of a 1,024-character name",
            List.of(longName),
            kit().ok(Rule.VR_7_1, "search(\"tail-needle\")", () -> repo.search("tail-needle")));
    String longQuery = shared + "/alpha";
    kit()
        .expect(
            Rule.VR_7_1,
            "search(a " + longQuery.length() + "-character query)",
            List.of(a),
            kit()
                .ok(Rule.VR_7_1, "search(the shared path + /alpha)", () -> repo.search(longQuery)));
    String tooLong = shared + "/alpha.mp4" + "z".repeat(3_000);
    kit()
        .expect(
            Rule.VR_7_1,
            "search(a " + tooLong.length() + "-character query no path" + " holds)",
            List.of(),
            kit()
                .ok(
                    Rule.VR_7_1,
                    "search(a query longer than any path)",
                    () -> repo.search(tooLong)));
  }
}
