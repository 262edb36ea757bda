package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.ModelState;
import io.github.stoatferret.videorepo.contract.internal.Op;
import io.github.stoatferret.videorepo.contract.internal.OpGens;
import io.github.stoatferret.videorepo.contract.internal.Outcome;
import io.github.stoatferret.videorepo.contract.property.Gen;
import io.github.stoatferret.videorepo.contract.property.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule VR-1.9: random sequences of operations, run against the backend and the reference model,
 * give the same result at every step and the same state after it. A failure is shrunk to a minimal
 * sequence and printed with the seed that replays it.
 */
interface ModelRules extends RuleTests {

  /** VR-1.9 */
  @Test
  default void vr1_9_randomSequencesMatchTheModel() {
    Property.forAll(Gen.lists(OpGens.ops(), 40))
        .named("VR-1.9 random operation sequences match the reference model")
        .check(
            ops -> {
              try (VideoRepository repo = kit().freshRepository()) {
                ModelState model = ModelState.EMPTY;
                int step = 0;
                for (Op op : ops) {
                  ModelState.Step expected = model.apply(op);
                  step++;
                  String where = "step " + step + " of the counterexample: " + op;
                  Outcome actual = kit().outcome(op.rule(), where, () -> op.invoke(repo));
                  kit()
                      .expect(
                          op.rule(expected.outcome(), actual), where, expected.outcome(), actual);
                  model = expected.next();
                  if (op.writes()) {
                    kit()
                        .expect(
                            Rule.VR_1_9,
                            "state (list) after " + where,
                            model.listed(),
                            kit().all(Rule.VR_1_9, repo));
                  }
                }
                kit()
                    .expect(
                        Rule.VR_6_1,
                        "page walk (limit 2) after the counterexample's " + step + " steps",
                        model.listed(),
                        kit().walk(Rule.VR_6_1, repo, 2));
              }
            });
  }

  /** VR-1.9 with events: the listener sees exactly the model's events for a random sequence. */
  @Test
  default void vr1_9_randomSequencesSendTheModelsEvents() {
    kit().require(Capability.CHANGE_EVENTS, Rule.VR_1_9);
    Property.forAll(Gen.lists(OpGens.ops(), 30))
        .named("VR-1.9 random operation sequences send the model's events")
        .triesDividedBy(4)
        .check(
            ops -> {
              var listener =
                  new io.github.stoatferret.videorepo.contract.internal.RecordingListener(null);
              try (VideoRepository repo = kit().freshRepository(listener)) {
                ModelState model = ModelState.EMPTY;
                List<VideoChangeEvent> expected = new ArrayList<>();
                int steps = 0;
                for (Op op : ops) {
                  ModelState.Step step = model.apply(op);
                  steps++;
                  String where = "step " + steps + " of the counterexample: " + op;
                  Outcome actual = kit().outcome(op.rule(), where, () -> op.invoke(repo));
                  if (!step.outcome().equals(actual)) {
                    // A step that already returns the wrong outcome breaks its own rule; its events
                    // follow from that, so the events are not the failure to fix first.
                    Rule rule = op.rule(step.outcome(), actual);
                    throw ContractKit.failure(
                        rule,
                        where,
                        step.outcome(),
                        actual,
                        null,
                        "VR-1.9's events test, whose step already breaks "
                            + rule.id()
                            + ": fix this first");
                  }
                  expected.addAll(step.events());
                  model = step.next();
                }
                kit()
                    .expect(
                        Rule.VR_13_1,
                        "events of the counterexample's " + steps + " steps",
                        expected,
                        listener.await(
                            expected.size(),
                            kit().awaitTimeout(),
                            kit().quietPeriod().dividedBy(10)));
              }
            });
  }
}
