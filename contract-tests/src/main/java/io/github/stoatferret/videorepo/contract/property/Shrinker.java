package io.github.stoatferret.videorepo.contract.property;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Shrinks a failing choice sequence to a smaller one that still fails.
 *
 * <p>A sequence is smaller when it is shorter, or as long and smaller at its first difference
 * (shortlex), so every accepted step makes progress and shrinking ends. The passes, repeated until
 * none helps or the budget is spent: drop whole parts the generators marked ({@link
 * Choices#beginPart}: a list element with its flag), longest first, which removes an operation of a
 * sequence in one run whatever its size; drop blocks of 32 down to 1 choices (removes what no part
 * marks); set blocks to zero (simplifies whole sub-values); and lower each choice by binary search
 * towards zero (simplifies single numbers and picks).
 *
 * <p>Shrinking stops at whichever comes first of its budget of runs and its deadline: a run of a
 * concurrency property can take a second, and a verdict that waits minutes for a smaller
 * counterexample helps nobody.
 */
final class Shrinker {

  private final Predicate<long[]> fails;
  private final Function<long[], int[][]> parts;
  private final int budget;
  private final long deadline;
  private int runs;
  private int accepted;
  private boolean timedOut;

  /**
   * Makes a shrinker with no deadline.
   *
   * @param fails whether a sequence still fails; it may be called up to {@code budget} times
   * @param budget the most calls of {@code fails}
   */
  public Shrinker(Predicate<long[]> fails, int budget) {
    this(fails, budget, Duration.ofDays(365));
  }

  /**
   * Makes a shrinker.
   *
   * @param fails whether a sequence still fails; it may be called up to {@code budget} times
   * @param budget the most calls of {@code fails}
   * @param time how long shrinking may take; a call of {@code fails} under way then finishes
   */
  public Shrinker(Predicate<long[]> fails, int budget, Duration time) {
    this(fails, c -> new int[0][], budget, time);
  }

  /**
   * Makes a shrinker that also drops whole parts of a sequence.
   *
   * @param fails whether a sequence still fails; it may be called up to {@code budget} times
   * @param parts the parts of a sequence, as {@link Choices#parts()} gives them after generating
   *     from it
   * @param budget the most calls of {@code fails}
   * @param time how long shrinking may take; a call of {@code fails} under way then finishes
   */
  public Shrinker(
      Predicate<long[]> fails, Function<long[], int[][]> parts, int budget, Duration time) {
    this.fails = fails;
    this.parts = parts;
    this.budget = budget;
    this.deadline = System.nanoTime() + Math.min(time.toNanos(), Long.MAX_VALUE / 4);
  }

  /**
   * Shrinks a failing sequence.
   *
   * @param failing a sequence for which {@code fails} is true
   * @return the smallest failing sequence found
   */
  public long[] shrink(long[] failing) {
    long[] best = failing.clone();
    boolean improved = true;
    while (improved && canRun()) {
      improved = false;
      best = dropParts(best);
      for (int block = 32; block >= 1; block /= 2) {
        for (int i = best.length - block; i >= 0 && canRun(); i--) {
          i = Math.min(i, best.length - block); // best may have shrunk under us
          if (i < 0) {
            break;
          }
          long[] candidate = remove(best, i, block);
          if (tryAccept(best, candidate)) {
            best = candidate;
            improved = true;
          }
        }
      }
      for (int block = 8; block >= 1; block /= 2) {
        for (int i = best.length - block; i >= 0 && canRun(); i--) {
          long[] candidate = best.clone();
          if (isZero(candidate, i, block)) {
            continue;
          }
          Arrays.fill(candidate, i, i + block, 0);
          if (tryAccept(best, candidate)) {
            best = candidate;
            improved = true;
          }
        }
      }
      for (int i = 0; i < best.length && canRun(); i++) {
        long[] lowered = lower(best, i);
        if (lowered != best) {
          best = lowered;
          improved = true;
        }
      }
    }
    return best;
  }

  /**
   * Drops whole parts, longest and then latest first, until none can go. After each drop the parts
   * are found again, since the indexes have moved.
   */
  private long[] dropParts(long[] best) {
    boolean dropped = true;
    while (dropped && canRun()) {
      dropped = false;
      int[][] found = parts.apply(best);
      Arrays.sort(
          found, Comparator.<int[]>comparingInt(p -> p[0] - p[1]).thenComparingInt(p -> -p[0]));
      for (int[] part : found) {
        if (!canRun()) {
          break;
        }
        if (part[1] > best.length) {
          continue; // past the recorded choices: the zeros a replay adds
        }
        long[] candidate = remove(best, part[0], part[1] - part[0]);
        if (tryAccept(best, candidate)) {
          best = candidate;
          dropped = true;
          break;
        }
      }
    }
    return best;
  }

  /**
   * How many shrink steps were accepted.
   *
   * @return the count
   */
  public int steps() {
    return accepted;
  }

  /**
   * Whether shrinking stopped at its deadline rather than because nothing smaller failed.
   *
   * @return {@code true} if the deadline cut it short
   */
  public boolean timedOut() {
    return timedOut;
  }

  /**
   * How many candidate sequences were tried.
   *
   * @return the count
   */
  public int runs() {
    return runs;
  }

  /** Binary search for the smallest value of one choice that still fails. */
  private long[] lower(long[] best, int i) {
    long lo = 0;
    long hi = best[i];
    long[] result = best;
    while (lo < hi && canRun()) {
      long mid = lo + (hi - lo) / 2;
      long[] candidate = result.clone();
      candidate[i] = mid;
      if (tryAccept(result, candidate)) {
        result = candidate;
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return result;
  }

  private boolean canRun() {
    if (runs >= budget) {
      return false;
    }
    if (System.nanoTime() - deadline > 0) {
      timedOut = true;
      return false;
    }
    return true;
  }

  private boolean tryAccept(long[] best, long[] candidate) {
    if (compare(candidate, best) >= 0) {
      return false;
    }
    runs++;
    if (fails.test(candidate)) {
      accepted++;
      return true;
    }
    return false;
  }

  private static boolean isZero(long[] a, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Shortlex order: shorter first, then by the first differing choice. */
  static int compare(long[] a, long[] b) {
    if (a.length != b.length) {
      return Integer.compare(a.length, b.length);
    }
    return Arrays.compare(a, b);
  }

  private static long[] remove(long[] a, int from, int count) {
    long[] out = new long[a.length - count];
    System.arraycopy(a, 0, out, 0, from);
    System.arraycopy(a, from + count, out, from, a.length - from - count);
    return out;
  }
}
