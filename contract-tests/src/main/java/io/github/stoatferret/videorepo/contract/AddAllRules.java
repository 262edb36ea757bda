package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules VR-3.*: {@code addAll}. */
interface AddAllRules extends RuleTests {

  /** VR-3.1: every video stored, returned in input order (not list order). */
  @Test
  default void vr3_1_addAllStoresEveryVideoInInputOrder() {
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      batch.add(kit().video("v" + i)); // oldest first: input order is the reverse of list order
    }
    List<Video> stored = kit().ok(Rule.VR_3_1, "addAll(50 videos)", () -> repo.addAll(batch));
    kit().expect(Rule.VR_3_1, "addAll(50 videos)", batch, stored);
    List<Video> expected = new ArrayList<>(batch);
    java.util.Collections.reverse(expected);
    kit().expect(Rule.VR_3_1, "list after addAll", expected, kit().all(Rule.VR_3_1));
  }

  /** VR-3.2: a clash with a stored video stores none of the batch. */
  @Test
  default void vr3_2_clashWithStoredVideoStoresNone() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_3_2, "add(a)", () -> repo.add(a));
    List<Video> batch = List.of(kit().video("b"), kit().video("c", a.path()), kit().video("d"));
    DuplicateVideoException e =
        kit()
            .fails(
                Rule.VR_3_2,
                "addAll([b, c with a's path, d])",
                DuplicateVideoException.class,
                () -> repo.addAll(batch));
    kit()
        .expect(
            Rule.VR_3_2, "addAll: reported clash", "PATH " + a.path(), e.key() + " " + e.value());
    kit().expect(Rule.VR_3_2, "list after the failed addAll", List.of(a), kit().all(Rule.VR_3_2));
  }

  /**
   * VR-3.2: a batch refused for a clash leaves no trace a search could find: not before, nor once
   * its other videos are added after all (a backend that keeps a search index beside its rows must
   * undo the index entries of the refused batch too).
   */
  @Test
  default void vr3_2_aRefusedBatchLeavesNoTraceInSearch() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_3_2, "add(a)", () -> repo.add(a));
    Video b = kit().video("b");
    Video c = kit().video("c", a.path());
    Video d = kit().video("d");
    kit()
        .fails(
            Rule.VR_3_2,
            "addAll([b, c with a's path, d])",
            DuplicateVideoException.class,
            () -> repo.addAll(List.of(b, c, d)));
    kit()
        .expect(
            Rule.VR_3_2,
            "search(b's path) after the failed addAll",
            List.of(),
            kit().ok(Rule.VR_3_2, "search", () -> repo.search(b.path(), 10)));
    kit().ok(Rule.VR_3_2, "addAll([b, d])", () -> repo.addAll(List.of(b, d)));
    kit()
        .expect(
            Rule.VR_3_2,
            "search(b's path) once b is added",
            List.of(b),
            kit().ok(Rule.VR_3_2, "search", () -> repo.search(b.path(), 10)));
    kit()
        .expect(
            Rule.VR_3_2,
            "search(\"/videos/\"), newest first",
            List.of(d, b, a),
            kit().ok(Rule.VR_3_2, "search", () -> repo.search("/videos/", 10)));
  }

  /** VR-3.2: a clash inside the batch stores none of it. */
  @Test
  default void vr3_2_clashInsideTheBatchStoresNone() {
    VideoRepository repo = kit().repository();
    List<Video> batch = List.of(kit().video("a"), kit().video("b"), kit().video("a", "/other"));
    DuplicateVideoException e =
        kit()
            .fails(
                Rule.VR_3_2,
                "addAll([a, b, a again])",
                DuplicateVideoException.class,
                () -> repo.addAll(batch));
    kit().expect(Rule.VR_3_2, "addAll: reported clash", "ID a", e.key() + " " + e.value());
    kit()
        .expect(
            Rule.VR_3_2,
            "count after the failed addAll",
            0L,
            kit().ok(Rule.VR_3_2, "count()", repo::count));
  }

  /** VR-3.2: the first clashing video in batch order is the one reported. */
  @Test
  default void vr3_2_firstClashInBatchOrderIsReported() {
    VideoRepository repo = kit().repository();
    Video x = kit().video("x", "/x");
    Video y = kit().video("y", "/y");
    kit().ok(Rule.VR_3_2, "addAll([x, y])", () -> repo.addAll(List.of(x, y)));
    // The second video clashes on path with y, the third on id with x: the second is reported.
    List<Video> batch =
        List.of(kit().video("n1", "/n1"), kit().video("n2", "/y"), kit().video("x", "/n3"));
    DuplicateVideoException e =
        kit()
            .fails(
                Rule.VR_3_2,
                "addAll([n1, n2 at /y, x again])",
                DuplicateVideoException.class,
                () -> repo.addAll(batch));
    kit().expect(Rule.VR_3_2, "addAll: reported clash", "PATH /y", e.key() + " " + e.value());
  }

  /** VR-3.3: the empty batch. */
  @Test
  default void vr3_3_emptyBatchStoresNothing() {
    VideoRepository repo = kit().repository();
    kit()
        .expect(
            Rule.VR_3_3,
            "addAll([])",
            List.of(),
            kit().ok(Rule.VR_3_3, "addAll([])", () -> repo.addAll(List.of())));
    kit().expect(Rule.VR_3_3, "count()", 0L, kit().ok(Rule.VR_3_3, "count()", repo::count));
  }
}
