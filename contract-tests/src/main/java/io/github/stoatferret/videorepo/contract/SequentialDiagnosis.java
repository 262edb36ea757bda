package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.ModelState;
import io.github.stoatferret.videorepo.contract.internal.Op;
import io.github.stoatferret.videorepo.contract.internal.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Names the simplest rule a failure breaks. A concurrency test (VR-1.5) or a compound one fails
 * whenever any single operation in it misbehaves, and its own rule then points the wrong way (a
 * race, when the bug is an update that takes another video's path). So when such a test fails, its
 * operations are run again one at a time, on a fresh repository, against the reference model. A
 * step whose outcome differs there breaks the rule that defines that step's outcome: that failure
 * is thrown instead, saying which test found it, with the original failure attached. A backend that
 * is right one operation at a time keeps the original failure.
 */
final class SequentialDiagnosis {

  /** A test body that may throw. */
  @FunctionalInterface
  interface Body {
    /**
     * Runs the test's checks.
     *
     * @throws Exception whatever the test throws
     */
    void run() throws Exception;
  }

  private SequentialDiagnosis() {}

  /**
   * Runs a test body; if it fails, looks for a simpler failure in the given orders of its
   * operations and throws that one first.
   *
   * @param kit the test's kit
   * @param foundBy the rule the test checks
   * @param test what the test does, in words
   * @param orders sequences of operations to run one at a time, each from an empty repository;
   *     asked for only after a failure, when every operation of the test is known
   * @param body the test's checks
   * @throws Exception the simpler failure, or the body's own
   */
  static void diagnosed(
      ContractKit kit, Rule foundBy, String test, Supplier<List<List<Op>>> orders, Body body)
      throws Exception {
    try {
      body.run();
    } catch (AssertionError failure) {
      for (List<Op> order : orders.get()) {
        Optional<AssertionFailedError> simpler = firstDivergence(kit, foundBy, test, order);
        if (simpler.isPresent()) {
          simpler.get().addSuppressed(failure);
          throw simpler.get();
        }
      }
      throw failure;
    }
  }

  /** The steps up to the one that differs, one per line, the last ones if there are many. */
  private static String sequence(List<Op> ops, int differs) {
    int shown = 20;
    int from = Math.max(0, differs + 1 - shown);
    StringBuilder out = new StringBuilder("\n  steps:");
    if (from > 0) {
      out.append("\n    (the first ").append(from).append(" steps are not shown)");
    }
    for (int i = from; i <= differs; i++) {
      out.append("\n    ").append(i + 1).append(". ").append(ops.get(i));
    }
    return out.toString();
  }

  /**
   * Runs operations one at a time on a fresh repository against the model, and returns the failure
   * of the first step whose outcome differs, naming that step's own rule.
   *
   * @param kit the test's kit
   * @param foundBy the rule the test checks
   * @param test what the test does, in words
   * @param ops the operations
   * @return the failure, if a step differs
   */
  static Optional<AssertionFailedError> firstDivergence(
      ContractKit kit, Rule foundBy, String test, List<Op> ops) {
    try (VideoRepository repo = kit.freshRepository()) {
      ModelState model = ModelState.EMPTY;
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        ModelState.Step expected = model.apply(op);
        String where = "step " + (i + 1) + " of " + ops.size() + ", run one at a time: " + op;
        Outcome actual = kit.outcome(op.rule(), where, () -> op.invoke(repo));
        if (!expected.outcome().equals(actual)) {
          Rule rule = op.rule(expected.outcome(), actual);
          return Optional.of(
              ContractKit.failure(
                  rule,
                  where,
                  expected.outcome(),
                  actual,
                  null,
                  foundBy.id()
                      + " ("
                      + test
                      + ") failed, and its operations, run one at a time"
                      + " in the order below, already break "
                      + rule.id()
                      + ": fix this first; the "
                      + foundBy.id()
                      + " failure is attached (suppressed) and may follow from it"
                      + sequence(ops, i)));
        }
        model = expected.next();
      }
      return Optional.empty();
    } catch (AssertionError e) { // the replay itself failed: no simpler verdict to give
      return Optional.empty();
    }
  }
}
