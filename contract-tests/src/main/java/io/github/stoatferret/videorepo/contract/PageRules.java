package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.spi.PageCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Rules VR-6.*: {@code page}. */
interface PageRules extends RuleTests {

  /** VR-6.1: pages of any size concatenate to the list. */
  @Test
  default void vr6_1_pagesConcatenateToTheList() {
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    Instant tie = Instant.parse("2023-01-01T00:00:00Z");
    for (int i = 0; i < 23; i++) {
      // Every third video shares a createdAt, so pages must split ties by id.
      batch.add(i % 3 == 0 ? kit().video("t" + i, "/t" + i, tie) : kit().video("v" + i));
    }
    kit().ok(Rule.VR_6_1, "addAll(23)", () -> repo.addAll(batch));
    List<Video> all = kit().all(Rule.VR_6_1);
    for (int size : new int[] {1, 2, 5, 22, 23, 24, 100}) {
      kit()
          .expect(
              Rule.VR_6_1,
              "page walk with limit " + size,
              all,
              kit().walk(Rule.VR_6_1, repo, size));
    }
  }

  /** VR-6.2: a page that ends on the last video has no next cursor; limit 0 keeps position. */
  @Test
  default void vr6_2_nextCursorIsNullExactlyAtTheEnd() {
    VideoRepository repo = kit().repository();
    VideoPage empty = kit().ok(Rule.VR_6_2, "page(null, 10) when empty", () -> repo.page(null, 10));
    kit().expect(Rule.VR_6_2, "page(null, 10) when empty", new VideoPage(List.of(), null), empty);
    List<Video> three = List.of(kit().video("a"), kit().video("b"), kit().video("c"));
    kit().ok(Rule.VR_6_2, "addAll(3)", () -> repo.addAll(three));
    VideoPage exact = kit().ok(Rule.VR_6_2, "page(null, 3)", () -> repo.page(null, 3));
    kit().expect(Rule.VR_6_2, "page(null, 3) of 3 videos: nextCursor", null, exact.nextCursor());
    VideoPage first = kit().ok(Rule.VR_6_2, "page(null, 2)", () -> repo.page(null, 2));
    kit()
        .expectThat(
            Rule.VR_6_2,
            "page(null, 2) of 3 videos: nextCursor",
            first.nextCursor() != null,
            "a cursor",
            "null");
    VideoPage zero = kit().ok(Rule.VR_6_2, "page(null, 0)", () -> repo.page(null, 0));
    kit().expect(Rule.VR_6_2, "page(null, 0): items", List.of(), zero.items());
    kit()
        .expectThat(
            Rule.VR_6_2,
            "page(null, 0) with videos stored: nextCursor",
            zero.nextCursor() != null,
            "a cursor",
            "null");
    VideoPage afterZero =
        kit()
            .ok(
                Rule.VR_6_2,
                "page(cursor of page(null, 0), 3)",
                () -> repo.page(zero.nextCursor(), 3));
    kit().expect(Rule.VR_6_2, "page after a limit-0 page", exact.items(), afterZero.items());
    VideoPage zeroAtEnd =
        kit()
            .ok(
                Rule.VR_6_2,
                "page(cursor after 2 of 3, 1)",
                () -> repo.page(first.nextCursor(), 1));
    kit()
        .expect(
            Rule.VR_6_2,
            "page(cursor before the last, 1): nextCursor",
            null,
            zeroAtEnd.nextCursor());
  }

  /** VR-6.3: a cursor whose video was deleted continues after its position. */
  @Test
  default void vr6_3_cursorSurvivesDeletionOfItsVideo() {
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      batch.add(kit().video("v" + i));
    }
    kit().ok(Rule.VR_6_3, "addAll(6)", () -> repo.addAll(batch));
    List<Video> all = kit().all(Rule.VR_6_3);
    List<Video> newestFirst = new ArrayList<>(batch);
    java.util.Collections.reverse(newestFirst);
    kit().expect(Rule.VR_5_1, "list() after addAll(6)", newestFirst, all);
    VideoPage first = kit().ok(Rule.VR_6_3, "page(null, 2)", () -> repo.page(null, 2));
    kit().expect(Rule.VR_6_1, "page(null, 2) of 6 videos", all.subList(0, 2), first.items());
    Video last = first.items().get(1);
    kit().ok(Rule.VR_6_3, "delete(last of first page)", () -> repo.delete(last.id()));
    // Two newer videos and one deletion before the cursor: every later position shifts by one.
    Video newer = kit().video("newer");
    Video newest = kit().video("newest");
    kit()
        .ok(
            Rule.VR_6_3,
            "addAll(two videos newer than all)",
            () -> repo.addAll(List.of(newer, newest)));
    VideoPage second =
        kit().ok(Rule.VR_6_3, "page(cursor, 10)", () -> repo.page(first.nextCursor(), 10));
    kit()
        .expect(
            Rule.VR_6_3, "page(cursor of a deleted video, 10)", all.subList(2, 6), second.items());
  }

  /**
   * VR-6.3: a walk racing writers returns each stable video exactly once.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr6_3_walkUnderConcurrentWritesHasNoGapsOrRepeats() throws Exception {
    VideoRepository repo = kit().repository();
    List<Video> stable = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      stable.add(
          kit().video("s" + i, "/s" + i, Instant.parse("2022-01-01T00:00:00Z").plusSeconds(i / 3)));
    }
    kit().ok(Rule.VR_6_3, "addAll(60 stable)", () -> repo.addAll(stable));
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; !stop.get() && i < 100_000; i++) {
                Video v =
                    kit()
                        .video(
                            "w" + i,
                            "/w" + i,
                            Instant.parse("2022-01-01T00:00:00Z")
                                .plusSeconds(i % 25)
                                .plusNanos(500_000));
                repo.add(v).toCompletableFuture().join();
                if (i % 2 == 0) {
                  repo.delete("w" + (i / 2)).toCompletableFuture().join();
                }
              }
            });
    writer.start();
    try {
      for (int round = 0; round < 5; round++) {
        List<Video> seen = kit().walk(Rule.VR_6_3, repo, 7);
        Map<String, Integer> times = new HashMap<>();
        for (Video v : seen) {
          times.merge(v.id(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : times.entrySet()) {
          kit()
              .expectThat(
                  Rule.VR_6_3,
                  "page walk (limit 7) during writes",
                  e.getValue() == 1,
                  "each video at most once",
                  e.getKey() + " returned " + e.getValue() + " times");
        }
        for (Video s : stable) {
          kit()
              .expectThat(
                  Rule.VR_6_3,
                  "page walk (limit 7) during writes",
                  times.containsKey(s.id()),
                  "every stable video",
                  s.id() + " missing");
        }
      }
    } finally {
      stop.set(true);
      writer.join();
    }
  }

  /** VR-6.4: cursors this library did not make are refused. */
  @Test
  default void vr6_4_malformedCursorsAreRefused() {
    VideoRepository repo = kit().repository();
    kit()
        .ok(
            Rule.VR_6_4,
            "addAll(3)",
            () -> repo.addAll(List.of(kit().video("a"), kit().video("b"), kit().video("c"))));
    VideoPage first = kit().ok(Rule.VR_6_4, "page(null, 1)", () -> repo.page(null, 1));
    String good = Objects.requireNonNull(first.nextCursor(), "page(null, 1) of 3: nextCursor");
    char flipped = good.charAt(good.length() / 2) == 'A' ? 'B' : 'A';
    List<String> bad =
        List.of(
            "",
            "not a cursor",
            "%%%",
            good.substring(0, good.length() / 2),
            good.substring(0, good.length() / 2) + flipped + good.substring(good.length() / 2 + 1),
            good + "A",
            "' OR 1=1 --",
            "\u0000",
            // a well-formed cursor (checksum right) at a position no video can have: an empty id
            new PageCursor(1_000_000, "").encode());
    for (String cursor : bad) {
      kit()
          .fails(
              Rule.VR_6_4,
              "page(\"" + cursor + "\", 10)",
              InvalidArgumentException.class,
              () -> repo.page(cursor, 10));
    }
  }
}
