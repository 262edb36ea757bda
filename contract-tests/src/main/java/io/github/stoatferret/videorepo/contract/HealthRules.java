package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules VR-15.1 and VR-15.2: what a service's health endpoint and metrics read. */
interface HealthRules extends RuleTests {

  /** VR-15.1: an open repository is up; a closed one is down, through a completed stage. */
  @Test
  default void vr15_1_upWhileServingDownWhenClosed() {
    VideoRepository repo = kit().repository();
    kit().ok(Rule.VR_15_1, "add(a)", () -> repo.add(kit().video("a")));
    RepositoryHealth open = kit().ok(Rule.VR_15_1, "health()", repo::health);
    kit().expectThat(Rule.VR_15_1, "health() of an open repository", open.up(), "up", open);
    kit()
        .expect(
            Rule.VR_15_1,
            "count() after health()",
            1L,
            kit().ok(Rule.VR_15_1, "count()", repo::count));
    repo.close();
    RepositoryHealth closed = kit().ok(Rule.VR_15_1, "health() after close", repo::health);
    kit()
        .expectThat(
            Rule.VR_15_1,
            "health() after close",
            !closed.up() && closed.detail().contains("closed"),
            "down, with a detail that says closed",
            closed);
  }

  /** VR-15.2: statistics answer at once, are unmodifiable and non-negative, also after close. */
  @Test
  default void vr15_2_statisticsAnswerAtOnceAndNeverThrow() {
    VideoRepository repo = kit().repository();
    kit().ok(Rule.VR_15_2, "add(a)", () -> repo.add(kit().video("a")));
    check(repo, "statistics()");
    repo.close();
    check(repo, "statistics() after close");
  }

  private void check(VideoRepository repo, String operation) {
    Map<String, Long> figures;
    try {
      figures = repo.statistics();
    } catch (RuntimeException e) {
      throw ContractKit.failure(Rule.VR_15_2, operation, "a map", "it threw " + e, e);
    }
    kit().expectThat(Rule.VR_15_2, operation, figures != null, "a map", "null");
    for (Map.Entry<String, Long> e : figures.entrySet()) {
      kit()
          .expectThat(
              Rule.VR_15_2,
              operation + ": " + e.getKey(),
              e.getValue() != null && e.getValue() >= 0,
              "a non-negative number",
              e.getValue());
    }
    boolean refused;
    try {
      figures.put("forged", 1L);
      refused = false;
    } catch (UnsupportedOperationException expected) {
      refused = true;
    }
    kit()
        .expectThat(
            Rule.VR_15_2,
            operation + ".put(...)",
            refused,
            "an unmodifiable map",
            "the caller could change it");
  }
}
