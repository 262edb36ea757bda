package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules VR-5.*: {@code list} and list order. */
interface ListRules extends RuleTests {

  /**
   * VR-5.1: newest first; ties by id in code-point order. The ids include an emoji (U+1F600, stored
   * as surrogates) and U+FFFD: code-point order puts U+FFFD first, String.compareTo the emoji.
   */
  @Test
  default void vr5_1_newestFirstTiesByIdInCodePointOrder() {
    VideoRepository repo = kit().repository();
    Instant tie = Instant.parse("2024-03-01T10:00:00.000001Z");
    Video older = kit().video("z-older", "/o", tie.minusNanos(1000));
    Video newer = kit().video("a-newer", "/n", tie.plusNanos(1000));
    Video t1 = kit().video("b", "/t1", tie);
    Video t2 = kit().video("B", "/t2", tie);
    Video t3 = kit().video("\uFFFD", "/t3", tie);
    Video t4 = kit().video("\uD83D\uDE00", "/t4", tie);
    Video t5 = kit().video("b0", "/t5", tie);
    kit().ok(Rule.VR_5_1, "addAll", () -> repo.addAll(List.of(t4, older, t1, t3, newer, t5, t2)));
    List<Video> expected = List.of(newer, t2, t1, t5, t3, t4, older);
    kit()
        .expect(
            Rule.VR_5_1,
            "list(100, 0)",
            expected,
            kit().ok(Rule.VR_5_1, "list(100, 0)", () -> repo.list(100, 0)));
  }

  /**
   * VR-5.1: order across whole seconds, to the microsecond: a key that gets the fraction of a
   * second wrong puts the last microsecond of a second after the next second.
   */
  @Test
  default void vr5_1_orderAcrossSecondBoundaries() {
    VideoRepository repo = kit().repository();
    Instant second = Instant.parse("2024-01-01T00:00:00Z");
    Video lastMicro = kit().video("a", "/a", second.minusNanos(1000));
    Video half = kit().video("b", "/b", second.minusMillis(500));
    Video onTheSecond = kit().video("c", "/c", second);
    Video justAfter = kit().video("d", "/d", second.plusNanos(1000));
    Video beforeEpoch = kit().video("e", "/e", Instant.parse("1969-12-31T23:59:59.999999Z"));
    Video epoch = kit().video("f", "/f", Instant.EPOCH);
    kit()
        .ok(
            Rule.VR_5_1,
            "addAll",
            () ->
                repo.addAll(List.of(half, epoch, justAfter, lastMicro, beforeEpoch, onTheSecond)));
    List<Video> expected = List.of(justAfter, onTheSecond, lastMicro, half, epoch, beforeEpoch);
    kit()
        .expect(
            Rule.VR_5_1,
            "list(100, 0)",
            expected,
            kit().ok(Rule.VR_5_1, "list(100, 0)", () -> repo.list(100, 0)));
    kit().expect(Rule.VR_5_1, "pages of 1", expected, kit().walk(Rule.VR_5_1, repo, 1));
  }

  /** VR-5.2: offsets and limits at and past the edges. */
  @Test
  default void vr5_2_limitAndOffsetSelectPositions() {
    VideoRepository repo = kit().repository();
    List<Video> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      all.add(0, kit().video("v" + i)); // each newer than the last: list order is reversed
    }
    kit().ok(Rule.VR_5_2, "addAll(7)", () -> repo.addAll(all));
    int[][] cases = {
      {3, 0},
      {3, 2},
      {3, 5},
      {3, 7},
      {3, 8},
      {7, 0},
      {100, 0},
      {1, 6},
      {Integer.MAX_VALUE, 1},
      {2, Integer.MAX_VALUE}
    };
    for (int[] c : cases) {
      int limit = c[0];
      int offset = c[1];
      int from = Math.min(offset, all.size());
      List<Video> expected = all.subList(from, (int) Math.min(all.size(), (long) from + limit));
      String op = "list(" + limit + ", " + offset + ")";
      kit()
          .expect(
              Rule.VR_5_2, op, expected, kit().ok(Rule.VR_5_2, op, () -> repo.list(limit, offset)));
    }
  }

  /** VR-5.2: {@code list()} is {@code list(100, 0)}. */
  @Test
  default void vr5_2_listWithoutArgumentsGivesTheFirstHundred() {
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      batch.add(kit().video("v" + i));
    }
    kit().ok(Rule.VR_5_2, "addAll(105)", () -> repo.addAll(batch));
    kit()
        .expect(
            Rule.VR_5_2,
            "list()",
            kit().ok(Rule.VR_5_2, "list(100, 0)", () -> repo.list(100, 0)),
            kit().ok(Rule.VR_5_2, "list()", repo::list));
  }
}
