package io.github.stoatferret.videorepo.contract.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a concurrent history is linearizable against {@link ModelState}: that some order of
 * its calls, consistent with real time (a call that returned before another was invoked comes
 * first), gives every call the outcome it really had.
 *
 * <p>The search is Wing and Gong's, with the memoisation of Lowe (and Porcupine): a set of calls
 * already placed and the model state they lead to is explored once. Histories are kept small by the
 * tests (a few dozen calls), which keeps the search fast.
 */
public final class Linearizability {

  /**
   * One call of a history.
   *
   * @param thread which thread made it
   * @param op the operation
   * @param invoked when it was called ({@link System#nanoTime()})
   * @param returned when its stage completed ({@link System#nanoTime()})
   * @param outcome what it gave
   */
  public record Call(int thread, Op op, long invoked, long returned, Outcome outcome) {
    @Override
    public String toString() {
      return "thread " + thread + ": " + op + " -> " + outcome;
    }
  }

  private record Memo(long placed, ModelState state) {}

  private final List<Call> calls;
  private final Set<Memo> dead = new HashSet<>();

  private Linearizability(List<Call> calls) {
    this.calls = calls;
  }

  /**
   * Checks a history.
   *
   * @param initial the state before the first call
   * @param history the calls, at most 63
   * @return empty if the history is linearizable, else a report of it
   */
  public static Optional<String> check(ModelState initial, List<Call> history) {
    if (history.size() > 63) {
      throw new IllegalArgumentException("at most 63 calls, was " + history.size());
    }
    List<Call> sorted = new ArrayList<>(history);
    sorted.sort(Comparator.comparingLong(Call::invoked));
    if (new Linearizability(sorted).search(0L, initial)) {
      return Optional.empty();
    }
    StringBuilder report =
        new StringBuilder(
            "no order of these calls, consistent with their timing, gives their outcomes"
                + " (in invocation order; [start, end] in microseconds):");
    long t0 = sorted.isEmpty() ? 0 : sorted.get(0).invoked();
    for (Call c : sorted) {
      report
          .append("\n    [")
          .append((c.invoked() - t0) / 1000)
          .append(", ")
          .append((c.returned() - t0) / 1000)
          .append("] ")
          .append(c);
    }
    return Optional.of(report.toString());
  }

  private boolean search(long placed, ModelState state) {
    int n = calls.size();
    if (placed == (n == 64 ? -1L : (1L << n) - 1)) {
      return true;
    }
    Memo memo = new Memo(placed, state);
    if (dead.contains(memo)) {
      return false;
    }
    long firstReturn = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      if ((placed & (1L << i)) == 0) {
        firstReturn = Math.min(firstReturn, calls.get(i).returned());
      }
    }
    for (int i = 0; i < n; i++) {
      Call c = calls.get(i);
      if ((placed & (1L << i)) != 0) {
        continue;
      }
      if (c.invoked() > firstReturn) {
        break; // sorted by invocation: every later call also started after that return
      }
      ModelState.Step step = state.apply(c.op());
      if (step.outcome().equals(c.outcome()) && search(placed | (1L << i), step.next())) {
        return true;
      }
    }
    dead.add(memo);
    return false;
  }
}
