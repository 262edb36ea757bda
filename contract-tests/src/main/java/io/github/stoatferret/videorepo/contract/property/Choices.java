package io.github.stoatferret.videorepo.contract.property;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The source every {@link Gen} draws from: a sequence of non-negative choices, either random or
 * replayed.
 *
 * <p>This is what makes shrinking general (the idea comes from Hypothesis): a generator never sees
 * a random number generator, only {@link #choose(long)}, and every choice is recorded. To shrink a
 * failing value the engine edits the recorded sequence (drops parts of it, makes numbers smaller)
 * and generates again. Generators are written so that a smaller choice means a simpler value: 0 is
 * the simplest alternative, the shortest list, the smallest number. A replayed sequence that runs
 * out gives 0 for every further choice, so dropping choices from the end always gives a valid,
 * simpler value.
 */
public final class Choices {

  private final @Nullable SplittableRandom random;
  private final long @Nullable [] replay;
  private long[] recorded = new long[64];
  private int size;
  private final int maxChoices;
  private int[] parts = new int[32];
  private int partCount;

  private Choices(@Nullable SplittableRandom random, long @Nullable [] replay, int maxChoices) {
    this.random = random;
    this.replay = replay;
    this.maxChoices = maxChoices;
  }

  /**
   * A random source.
   *
   * @param seed the seed; the same seed gives the same choices
   * @return the source
   */
  public static Choices random(long seed) {
    return new Choices(new SplittableRandom(seed), null, 100_000);
  }

  /**
   * A source that gives back recorded choices, then zeros.
   *
   * @param choices the choices to replay
   * @return the source
   */
  public static Choices replay(long[] choices) {
    return new Choices(null, choices.clone(), choices.length);
  }

  /**
   * Draws a choice.
   *
   * @param max the largest allowed choice, zero or more
   * @return a choice from 0 to {@code max}, both included
   * @throws IllegalArgumentException if {@code max} is negative
   * @throws Exhausted when a random value has drawn too many choices (a generator that never stops)
   */
  public long choose(long max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, was " + max);
    }
    long value;
    if (random != null) {
      if (size >= maxChoices) {
        throw new Exhausted(maxChoices);
      }
      value = max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
    } else {
      long[] r = Objects.requireNonNull(replay);
      value = size < r.length ? Math.min(r[size], max) : 0;
    }
    record(value);
    return value;
  }

  /**
   * Draws a choice from 0 to {@code max} that is likely to be one of the given values, or small. In
   * random mode about a quarter of the draws are one of {@code likely} (those in range) and a
   * quarter are at most 16; the rest are uniform. The value drawn is recorded as itself, so that
   * shrinking can lower it step by step from, say, a boundary value.
   *
   * @param max the largest allowed choice
   * @param likely values to favour
   * @return the choice
   */
  public long choose(long max, long... likely) {
    if (random == null || max < 0) {
      return choose(max);
    }
    if (size >= maxChoices) {
      throw new Exhausted(maxChoices);
    }
    int mode = random.nextInt(4);
    long value = -1;
    if (mode == 0 && likely.length > 0) {
      long pick = likely[random.nextInt(likely.length)];
      value = pick >= 0 && pick <= max ? pick : -1;
    } else if (mode == 1) {
      value = random.nextLong(Math.min(max, 16) + 1);
    }
    if (value < 0) {
      value = max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
    }
    record(value);
    return value;
  }

  /**
   * Draws a choice from 0 to {@code max} where small values are likely: half the draws are at most
   * {@code max >> 8}. Useful for sizes and for numbers whose small values matter most.
   *
   * @param max the largest allowed choice
   * @return the choice
   */
  public long chooseSmall(long max) {
    long small = max >> 8;
    return choose(1) == 0 ? choose(small) : choose(max);
  }

  /**
   * Draws {@code true} about once in {@code n} draws; {@code false} is the simpler answer.
   *
   * @param n how rare {@code true} is, at least 1
   * @return the answer
   */
  public boolean oneIn(int n) {
    return choose(n - 1) == n - 1;
  }

  /**
   * Marks where a part of the value begins, such as one element of a list: the shrinker tries to
   * drop a whole part at once, which no fixed block size can do for parts of every size.
   *
   * @return the mark, for {@link #endPart}
   */
  public int beginPart() {
    return size;
  }

  /**
   * Marks where the part begun at {@code start} ends.
   *
   * @param start what {@link #beginPart} returned
   */
  public void endPart(int start) {
    if (size <= start) {
      return;
    }
    if (partCount * 2 == parts.length) {
      parts = Arrays.copyOf(parts, parts.length * 2);
    }
    parts[partCount * 2] = start;
    parts[partCount * 2 + 1] = size;
    partCount++;
  }

  /**
   * The parts marked so far, each as its first index and the index after its last choice in {@link
   * #recorded()}.
   *
   * @return the parts, in the order they ended
   */
  public int[][] parts() {
    int[][] out = new int[partCount][];
    for (int i = 0; i < partCount; i++) {
      out[i] = new int[] {parts[i * 2], parts[i * 2 + 1]};
    }
    return out;
  }

  /**
   * The choices drawn so far.
   *
   * @return a copy of them
   */
  public long[] recorded() {
    return Arrays.copyOf(recorded, size);
  }

  private void record(long value) {
    if (size == recorded.length) {
      recorded = Arrays.copyOf(recorded, size * 2);
    }
    recorded[size++] = value;
  }

  /** A random value drew more choices than allowed: a generator that would not stop. */
  public static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted(int max) {
      super("a generator drew more than " + max + " choices");
    }
  }
}
