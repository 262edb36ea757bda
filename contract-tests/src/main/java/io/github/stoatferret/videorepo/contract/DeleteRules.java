package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rule VR-9.1: {@code delete}. */
interface DeleteRules extends RuleTests {

  /** VR-9.1: true once, then false. */
  @Test
  default void vr9_1_deleteSaysWhetherItRemovedAVideo() {
    VideoRepository repo = kit().repository();
    kit()
        .expect(
            Rule.VR_9_1,
            "delete(\"a\") when absent",
            false,
            kit().ok(Rule.VR_9_1, "delete(\"a\")", () -> repo.delete("a")));
    kit().ok(Rule.VR_9_1, "add(a)", () -> repo.add(kit().video("a")));
    kit()
        .expect(
            Rule.VR_9_1,
            "delete(\"a\")",
            true,
            kit().ok(Rule.VR_9_1, "delete(\"a\")", () -> repo.delete("a")));
    kit()
        .expect(
            Rule.VR_9_1,
            "get(\"a\") after delete",
            Optional.empty(),
            kit().ok(Rule.VR_9_1, "get(\"a\")", () -> repo.get("a")));
    kit()
        .expect(
            Rule.VR_9_1,
            "delete(\"a\") again",
            false,
            kit().ok(Rule.VR_9_1, "delete(\"a\")", () -> repo.delete("a")));
  }

  /** VR-9.1: the path and the id are free again. */
  @Test
  default void vr9_1_deleteFreesThePathAndTheId() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/p");
    kit().ok(Rule.VR_9_1, "add(a)", () -> repo.add(a));
    kit().ok(Rule.VR_9_1, "delete(\"a\")", () -> repo.delete("a"));
    Video b = kit().video("b", "/p");
    kit().ok(Rule.VR_9_1, "add(b at a's old path)", () -> repo.add(b));
    Video again = kit().video("a", "/q");
    kit().ok(Rule.VR_9_1, "add(a again at a new path)", () -> repo.add(again));
  }
}
