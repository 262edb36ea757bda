package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules VR-2.*: {@code add}. */
interface AddRules extends RuleTests {

  /** VR-2.1: the stage gives the video, and it is stored. */
  @Test
  default void vr2_1_addStoresAndReturnsTheVideo() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    Video stored = kit().ok(Rule.VR_2_1, "add(a)", () -> repo.add(a));
    kit().expect(Rule.VR_2_1, "add(a)", a, stored);
    kit()
        .expect(
            Rule.VR_2_1,
            "get(\"a\") after add(a)",
            Optional.of(a),
            kit().ok(Rule.VR_2_1, "get(\"a\")", () -> repo.get("a")));
  }

  /** VR-2.2: a taken id is reported as ID and stores nothing. */
  @Test
  default void vr2_2_duplicateIdIsReportedAsId() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/one.mp4");
    kit().ok(Rule.VR_2_2, "add(a)", () -> repo.add(a));
    Video sameId = kit().video("a", "/two.mp4");
    DuplicateVideoException e =
        kit()
            .fails(
                Rule.VR_2_2,
                "add(a with a new path)",
                DuplicateVideoException.class,
                () -> repo.add(sameId));
    kit()
        .expect(
            Rule.VR_2_2, "add(a with a new path): key", DuplicateVideoException.Key.ID, e.key());
    kit().expect(Rule.VR_2_2, "add(a with a new path): value", "a", e.value());
    kit().expect(Rule.VR_1_6, "list() after the failed add", List.of(a), kit().all(Rule.VR_1_6));
  }

  /** VR-2.2: a taken path is reported as PATH and stores nothing. */
  @Test
  default void vr2_2_duplicatePathIsReportedAsPath() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/same.mp4");
    kit().ok(Rule.VR_2_2, "add(a)", () -> repo.add(a));
    Video b = kit().video("b", "/same.mp4");
    DuplicateVideoException e =
        kit()
            .fails(
                Rule.VR_2_2,
                "add(b with a's path)",
                DuplicateVideoException.class,
                () -> repo.add(b));
    kit()
        .expect(
            Rule.VR_2_2, "add(b with a's path): key", DuplicateVideoException.Key.PATH, e.key());
    kit().expect(Rule.VR_2_2, "add(b with a's path): value", "/same.mp4", e.value());
    kit()
        .expect(
            Rule.VR_1_6,
            "get(\"b\") after the failed add",
            Optional.empty(),
            kit().ok(Rule.VR_1_6, "get(\"b\")", () -> repo.get("b")));
  }

  /** VR-2.2: a clash on both keys reports ID. */
  @Test
  default void vr2_2_clashOnIdAndPathReportsId() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_2_2, "add(a)", () -> repo.add(a));
    DuplicateVideoException e =
        kit().fails(Rule.VR_2_2, "add(a) again", DuplicateVideoException.class, () -> repo.add(a));
    kit().expect(Rule.VR_2_2, "add(a) again: key", DuplicateVideoException.Key.ID, e.key());
  }

  /** VR-2.2: ids and paths are exact: ids or paths differing only in case do not clash. */
  @Test
  default void vr2_2_keysAreCaseSensitive() {
    VideoRepository repo = kit().repository();
    kit().ok(Rule.VR_2_2, "add(a)", () -> repo.add(kit().video("a", "/v/a.mp4")));
    kit()
        .ok(Rule.VR_2_2, "add(A with path /v/A.mp4)", () -> repo.add(kit().video("A", "/v/A.mp4")));
    kit().expect(Rule.VR_2_2, "count()", 2L, kit().ok(Rule.VR_2_2, "count()", repo::count));
  }
}
