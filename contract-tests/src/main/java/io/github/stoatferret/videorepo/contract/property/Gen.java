package io.github.stoatferret.videorepo.contract.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Generates values from {@link Choices}. A generator should map smaller choices to simpler values
 * (0 to the simplest), so that the engine can shrink a failing value by shrinking its choices.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Gen<T> {

  /**
   * Generates a value.
   *
   * @param choices the source to draw from
   * @return the value
   */
  T generate(Choices choices);

  /**
   * A generator of values made from this one's.
   *
   * @param <R> the new type
   * @param f the function
   * @return the generator
   */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return c -> f.apply(generate(c));
  }

  /**
   * A generator whose next generator depends on this one's value.
   *
   * @param <R> the new type
   * @param f the function
   * @return the generator
   */
  default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
    return c -> f.apply(generate(c)).generate(c);
  }

  /**
   * Always the same value.
   *
   * @param <T> the type
   * @param value the value
   * @return the generator
   */
  static <T> Gen<T> constant(T value) {
    return c -> value;
  }

  /**
   * One of the given values; the first is the simplest.
   *
   * @param <T> the type
   * @param values the values
   * @return the generator
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, never stored or exposed
  static <T> Gen<T> element(T... values) {
    return element(Arrays.asList(values));
  }

  /**
   * One of the given values; the first is the simplest.
   *
   * @param <T> the type
   * @param values the values, at least one
   * @return the generator
   */
  static <T> Gen<T> element(List<T> values) {
    List<T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("element needs at least one value");
    }
    return c -> copy.get((int) c.choose(copy.size() - 1));
  }

  /**
   * A value from one of the given generators; the first is the simplest.
   *
   * @param <T> the type
   * @param gens the generators
   * @return the generator
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, never stored or exposed
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> copy = List.copyOf(Arrays.asList(gens));
    return c -> copy.get((int) c.choose(copy.size() - 1)).generate(c);
  }

  /**
   * A generator with a weight, for {@link #frequency}.
   *
   * @param <T> the type of the values
   * @param weight how often, relative to the others; positive
   * @param gen the generator
   */
  record Weighted<T>(int weight, Gen<? extends T> gen) {
    /**
     * Checks the weight.
     *
     * @param weight the weight
     * @param gen the generator
     */
    public Weighted {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive, was " + weight);
      }
      Objects.requireNonNull(gen, "gen");
    }
  }

  /**
   * Pairs a weight with a generator, for {@link #frequency}.
   *
   * @param <T> the type of the values
   * @param weight how often, relative to the others
   * @param gen the generator
   * @return the pair
   */
  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /**
   * A value from one of the given generators, picked with the given weights; the first is the
   * simplest.
   *
   * @param <T> the type
   * @param choices the weighted generators
   * @return the generator
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read, never stored or exposed
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> copy = List.of(choices);
    int total = copy.stream().mapToInt(Weighted::weight).sum();
    return c -> {
      long pick = c.choose(total - 1);
      for (Weighted<? extends T> w : copy) {
        pick -= w.weight();
        if (pick < 0) {
          return w.gen().generate(c);
        }
      }
      throw new AssertionError("unreachable");
    };
  }

  /**
   * Whole numbers in a range, biased to its edges: about one draw in four is {@code min}, {@code
   * max}, 0, 1 or -1 (those inside the range), and another is near the simplest value. Shrinks
   * towards the simplest value in range (0 if it is inside, else the bound nearest to it), by
   * lowering the distance from it.
   *
   * @param min the smallest
   * @param max the largest
   * @return the generator
   */
  static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    long simplest = min > 0 ? min : Math.min(max, 0);
    // Distances from the simplest value on each side; the full long range overflows, and then
    // the distance is capped at Long.MAX_VALUE (only Long.MIN_VALUE itself is out of reach).
    long up = max - simplest;
    long down = simplest - min < 0 ? Long.MAX_VALUE : simplest - min;
    return c -> {
      boolean negative = down != 0 && (up == 0 || c.choose(1) == 1);
      if (negative) {
        long d = c.choose(down, down, simplest, simplest - 1, simplest + 1);
        return d == Long.MAX_VALUE && min == Long.MIN_VALUE ? Long.MIN_VALUE : simplest - d;
      }
      long d = c.choose(up, up, -simplest, 1 - simplest, -1 - simplest);
      return simplest + d;
    };
  }

  /**
   * Whole numbers in a range, like {@link #longs}.
   *
   * @param min the smallest
   * @param max the largest
   * @return the generator
   */
  static Gen<Integer> ints(int min, int max) {
    return longs(min, max).map(Long::intValue);
  }

  /**
   * {@code true} or {@code false}; {@code false} is simpler.
   *
   * @return the generator
   */
  static Gen<Boolean> booleans() {
    return c -> c.choose(1) == 1;
  }

  /**
   * Lists of up to {@code maxSize} elements; shorter lists are simpler. Each element is preceded by
   * a "one more?" choice, so shrinking can drop any element on its own.
   *
   * @param <T> the element type
   * @param element the element generator
   * @param maxSize the largest size
   * @return the generator
   */
  static <T> Gen<List<T>> lists(Gen<T> element, int maxSize) {
    return c -> {
      List<T> out = new ArrayList<>();
      // Continue with probability 7/8: mean length 7, long lists still reachable. Each element
      // with its flag is a part, so that shrinking can drop exactly one element.
      while (out.size() < maxSize) {
        int part = c.beginPart();
        if (c.choose(7) == 0) {
          break;
        }
        out.add(element.generate(c));
        c.endPart(part);
      }
      return Collections.unmodifiableList(out);
    };
  }

  /**
   * Strings of up to {@code maxLength} code points drawn from a code-point generator.
   *
   * @param codePoint the code-point generator
   * @param maxLength the most code points
   * @return the generator
   */
  static Gen<String> strings(Gen<Integer> codePoint, int maxLength) {
    return lists(codePoint, maxLength)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder();
              for (int cp : cps) {
                sb.appendCodePoint(cp);
              }
              return sb.toString();
            });
  }
}
