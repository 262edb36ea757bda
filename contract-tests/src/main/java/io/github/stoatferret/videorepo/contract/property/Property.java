package io.github.stoatferret.videorepo.contract.property;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Runs a property: generates values, runs a check on each, and on the first failure shrinks the
 * value and throws a {@link PropertyFailure} that prints the seed to replay it.
 *
 * <pre>{@code
 * Property.forAll(Gen.lists(Gen.ints(0, 9), 20))
 *     .named("sorting keeps the size")
 *     .check(list -> assertEquals(list.size(), sort(list).size()));
 * }</pre>
 *
 * <p>System properties (read when the property is made) tune every property of a run:
 *
 * <ul>
 *   <li>{@value #TRIES_PROPERTY}: how many values to try (default {@value #DEFAULT_TRIES});
 *   <li>{@value #SEED_PROPERTY}: run just the one try with this seed, as printed by a failure;
 *   <li>{@value #SHRINK_PROPERTY}: the most shrink attempts (default {@value #DEFAULT_SHRINKS}).
 * </ul>
 *
 * @param <T> the type of the values
 */
public final class Property<T> {

  /** The system property that sets the number of tries. */
  public static final String TRIES_PROPERTY = "videorepo.property.tries";

  /** The system property that replays one seed. */
  public static final String SEED_PROPERTY = "videorepo.property.seed";

  /** The system property that sets the shrink budget. */
  public static final String SHRINK_PROPERTY = "videorepo.property.shrinks";

  /** Tries when {@value #TRIES_PROPERTY} is not set. */
  public static final int DEFAULT_TRIES = 100;

  /** Shrink attempts when {@value #SHRINK_PROPERTY} is not set. */
  public static final int DEFAULT_SHRINKS = 2000;

  /** The system property that sets how long shrinking may take, in milliseconds. */
  public static final String SHRINK_TIME_PROPERTY = "videorepo.property.shrinkMillis";

  /** Shrinking time when {@value #SHRINK_TIME_PROPERTY} is not set: 10 seconds. */
  public static final long DEFAULT_SHRINK_MILLIS = 10_000;

  /**
   * A check of one value: throws (typically an {@link AssertionError}) when the value fails.
   *
   * @param <T> the type of the values checked
   */
  @FunctionalInterface
  public interface Check<T> {
    /**
     * Checks a value.
     *
     * @param value the value
     * @throws Exception when the value fails the property
     */
    void accept(T value) throws Exception;
  }

  private final Gen<T> gen;
  private String name = "property";
  private int tries = Integer.getInteger(TRIES_PROPERTY, DEFAULT_TRIES);
  private int shrinks = Integer.getInteger(SHRINK_PROPERTY, DEFAULT_SHRINKS);
  private Duration shrinkTime =
      Duration.ofMillis(Long.getLong(SHRINK_TIME_PROPERTY, DEFAULT_SHRINK_MILLIS));
  private Long replaySeed = Long.getLong(SEED_PROPERTY);
  private long masterSeed = new SplittableRandom().nextLong();
  private boolean timingDependent;

  private Property(Gen<T> gen) {
    this.gen = Objects.requireNonNull(gen, "gen");
  }

  /**
   * Starts a property over the values of a generator.
   *
   * @param <T> the type
   * @param gen the generator
   * @return the property
   */
  public static <T> Property<T> forAll(Gen<T> gen) {
    return new Property<>(gen);
  }

  /**
   * Names the property in its failure report.
   *
   * @param value the name
   * @return this property
   */
  public Property<T> named(String value) {
    name = Objects.requireNonNull(value, "name");
    return this;
  }

  /**
   * Sets the number of tries, overriding {@value #TRIES_PROPERTY}.
   *
   * @param value at least 1
   * @return this property
   */
  public Property<T> tries(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("tries must be at least 1, was " + value);
    }
    tries = value;
    return this;
  }

  /**
   * Scales the number of tries, for properties whose tries cost more than most.
   *
   * @param divisor the configured tries are divided by this, keeping at least 1
   * @return this property
   */
  public Property<T> triesDividedBy(int divisor) {
    tries = Math.max(1, tries / divisor);
    return this;
  }

  /**
   * Sets the shrink budget.
   *
   * @param value the most shrink attempts, zero to not shrink
   * @return this property
   */
  public Property<T> shrinks(int value) {
    shrinks = value;
    return this;
  }

  /**
   * Sets how long shrinking may take, overriding {@value #SHRINK_TIME_PROPERTY}.
   *
   * @param value the time; zero reports the first counterexample unshrunk
   * @return this property
   */
  public Property<T> shrinkTime(Duration value) {
    shrinkTime = Objects.requireNonNull(value, "shrinkTime");
    return this;
  }

  /**
   * Says that the check runs work on several threads, so that a failure depends on timing as well
   * as on the value: the report then warns that replaying the seed may pass.
   *
   * @return this property
   */
  public Property<T> dependsOnTiming() {
    timingDependent = true;
    return this;
  }

  /**
   * Fixes the seed from which the tries' seeds derive, for a reproducible run.
   *
   * @param value the seed
   * @return this property
   */
  public Property<T> seed(long value) {
    masterSeed = value;
    return this;
  }

  /**
   * Runs just the try with this seed, as printed by a failure.
   *
   * @param value the seed
   * @return this property
   */
  public Property<T> replay(long value) {
    replaySeed = value;
    return this;
  }

  /**
   * Runs the check on generated values until one fails or the tries are spent.
   *
   * @param check the check
   * @throws PropertyFailure describing the shrunk counterexample and how to replay it
   */
  public void check(Check<? super T> check) {
    SplittableRandom seeds = new SplittableRandom(masterSeed);
    int count = replaySeed != null ? 1 : tries;
    for (int i = 0; i < count; i++) {
      long seed = replaySeed != null ? replaySeed : seeds.nextLong();
      Choices choices = Choices.random(seed);
      T value = gen.generate(choices);
      Throwable failure = run(check, value);
      if (failure != null) {
        throw report(check, seed, i + 1, choices.recorded(), value, failure);
      }
    }
  }

  private PropertyFailure report(
      Check<? super T> check,
      long seed,
      int tryNumber,
      long[] recorded,
      T original,
      Throwable originalFailure) {
    Shrinker shrinker = new Shrinker(c -> fails(check, c), this::parts, shrinks, shrinkTime);
    long[] smallest = shrinker.shrink(recorded);
    T shrunk = original;
    Throwable cause = originalFailure;
    String outcome;
    if (shrinker.steps() == 0) {
      outcome =
          "not shrunk: none of "
              + shrinker.runs()
              + " smaller values failed"
              + (shrinker.timedOut() ? " before the shrink time ran out (" + shrinkTime + ")" : "");
    } else {
      T candidate = generate(smallest);
      Throwable again = run(check, candidate);
      if (again == null) { // it failed while shrinking but not now: the failure is timing-bound
        outcome =
            "not shrunk: the smallest failing value found passed when run again (the"
                + " failure depends on timing)";
      } else {
        shrunk = candidate;
        cause = again;
        outcome =
            "shrunk in "
                + shrinker.steps()
                + " steps ("
                + shrinker.runs()
                + " runs"
                + (shrinker.timedOut() ? ", stopped after " + shrinkTime : "")
                + ")";
      }
    }
    // The failure's own first line leads: it says what broke (a kit failure names its rule),
    // while the property's name only says which search found it.
    String message =
        firstLine(cause)
            + "\n  found by: "
            + name
            + ", on try "
            + tryNumber
            + " of "
            + tries
            + "\n  seed: "
            + seed
            + "   (replay: -D"
            + SEED_PROPERTY
            + "="
            + seed
            + ")"
            + (timingDependent
                ? "\n  note: this property runs operations on several threads, so"
                    + " whether it fails depends on timing: a replay of this seed may pass; replay it a"
                    + " few times, or run more tries"
                : "")
            + "\n  "
            + outcome
            + "\n  counterexample"
            + (shrunk == original ? ":" : " (shrunk):")
            + Listing.of(shrunk, "    ")
            + "\n  failure:"
            + indented(cause)
            + (shrunk == original
                ? ""
                : "\n  first counterexample, before shrinking:"
                    + Listing.of(original, "    ")
                    + "\n  first failure: "
                    + Listing.cut(firstLine(originalFailure), Listing.MAX_LINE));
    return new PropertyFailure(message, seed, shrunk, cause);
  }

  private static String firstLine(Throwable failure) {
    String text = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** The failure's message, each line indented and cut to a readable length. */
  private static String indented(Throwable failure) {
    String text = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append("\n    ").append(Listing.cut(line.strip(), 4 * Listing.MAX_LINE));
    }
    return out.toString();
  }

  private boolean fails(Check<? super T> check, long[] choices) {
    T value;
    try {
      value = generate(choices);
    } catch (RuntimeException e) { // an edited sequence the generator refuses: not a failure
      return false;
    }
    return run(check, value) != null;
  }

  private int[][] parts(long[] choices) {
    Choices replay = Choices.replay(choices);
    try {
      gen.generate(replay);
    } catch (RuntimeException e) { // a sequence the generator refuses has no parts to drop
      return new int[0][];
    }
    return replay.parts();
  }

  private T generate(long[] choices) {
    return gen.generate(Choices.replay(choices));
  }

  private static <T> @Nullable Throwable run(Check<? super T> check, T value) {
    try {
      check.accept(value);
      return null;
    } catch (Exception | AssertionError e) {
      return e;
    }
  }
}
