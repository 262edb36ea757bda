package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules VR-4.* and VR-10.1: {@code get}, {@code getByPath}, {@code count}. */
interface ReadRules extends RuleTests {

  /** VR-4.1 */
  @Test
  default void vr4_1_getReturnsTheStoredVideoOrEmpty() {
    VideoRepository repo = kit().repository();
    kit()
        .expect(
            Rule.VR_4_1,
            "get(\"a\") on an empty repository",
            Optional.empty(),
            kit().ok(Rule.VR_4_1, "get(\"a\")", () -> repo.get("a")));
    Video a = kit().video("a");
    kit().ok(Rule.VR_4_1, "add(a)", () -> repo.add(a));
    kit()
        .expect(
            Rule.VR_4_1,
            "get(\"a\")",
            Optional.of(a),
            kit().ok(Rule.VR_4_1, "get(\"a\")", () -> repo.get("a")));
    kit()
        .expect(
            Rule.VR_4_1,
            "get(\"A\")",
            Optional.empty(),
            kit().ok(Rule.VR_4_1, "get(\"A\")", () -> repo.get("A")));
    kit()
        .expect(
            Rule.VR_4_1,
            "get(\"a \")",
            Optional.empty(),
            kit().ok(Rule.VR_4_1, "get(\"a \")", () -> repo.get("a ")));
  }

  /** VR-4.2 */
  @Test
  default void vr4_2_getByPathMatchesExactly() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/Videos/Clip.MP4");
    kit().ok(Rule.VR_4_2, "add(a)", () -> repo.add(a));
    kit()
        .expect(
            Rule.VR_4_2,
            "getByPath(\"/Videos/Clip.MP4\")",
            Optional.of(a),
            kit().ok(Rule.VR_4_2, "getByPath", () -> repo.getByPath("/Videos/Clip.MP4")));
    for (String other : List.of("/videos/clip.mp4", "/Videos/Clip", "Videos/Clip.MP4", "%")) {
      kit()
          .expect(
              Rule.VR_4_2,
              "getByPath(\"" + other + "\")",
              Optional.empty(),
              kit().ok(Rule.VR_4_2, "getByPath", () -> repo.getByPath(other)));
    }
  }

  /** VR-10.1 */
  @Test
  default void vr10_1_countCountsStoredVideos() {
    VideoRepository repo = kit().repository();
    kit()
        .expect(
            Rule.VR_10_1, "count() when empty", 0L, kit().ok(Rule.VR_10_1, "count()", repo::count));
    kit()
        .ok(
            Rule.VR_10_1,
            "addAll([a, b, c])",
            () -> repo.addAll(List.of(kit().video("a"), kit().video("b"), kit().video("c"))));
    kit().ok(Rule.VR_10_1, "delete(\"b\")", () -> repo.delete("b"));
    kit()
        .expect(
            Rule.VR_10_1,
            "count() after 3 adds and a delete",
            2L,
            kit().ok(Rule.VR_10_1, "count()", repo::count));
  }
}
