package io.github.stoatferret.videorepo.contract.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The property engine itself: generation, replay, shrinking and reporting. */
class PropertyEngineTest {

  @Test
  void aPassingPropertyRunsEveryTry() {
    AtomicInteger runs = new AtomicInteger();
    Property.forAll(Gen.ints(0, 10)).tries(37).check(x -> runs.incrementAndGet());
    assertEquals(37, runs.get());
  }

  @Test
  void theSameSeedGivesTheSameValues() {
    List<List<Integer>> first = new ArrayList<>();
    List<List<Integer>> second = new ArrayList<>();
    Gen<List<Integer>> gen = Gen.lists(Gen.ints(-1000, 1000), 20);
    Property.forAll(gen).seed(42).tries(20).check(first::add);
    Property.forAll(gen).seed(42).tries(20).check(second::add);
    assertEquals(first, second);
  }

  @Test
  void aShrunkListCounterexampleIsMinimal() {
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.lists(Gen.ints(0, 1000), 50))
                    .seed(1)
                    .tries(1000)
                    .check(list -> assertTrue(list.stream().allMatch(x -> x <= 50))));
    assertEquals(List.of(51), f.shrunk());
  }

  @Test
  void shrinkingFindsTheSmallestSumCounterexample() {
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.lists(Gen.ints(0, 100), 30))
                    .seed(7)
                    .tries(1000)
                    .check(
                        list -> assertTrue(list.stream().mapToInt(Integer::intValue).sum() < 100)));
    @SuppressWarnings("unchecked")
    List<Integer> shrunk = (List<Integer>) f.shrunk();
    assertEquals(100, shrunk.stream().mapToInt(Integer::intValue).sum());
    assertTrue(shrunk.size() <= 2, "at most two elements: " + shrunk);
  }

  @Test
  void theReportPrintsTheSeedAndReplayingItReproducesTheFailure() {
    List<Object> seen = new ArrayList<>();
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.longs(0, 1_000_000))
                    .named("small numbers")
                    .tries(500)
                    .shrinks(0)
                    .check(
                        x -> {
                          seen.add(x);
                          assertTrue(x < 900_000);
                        }));
    assertTrue(f.getMessage().contains("seed: " + f.seed()), f.getMessage());
    assertTrue(f.getMessage().contains("-Dvideorepo.property.seed=" + f.seed()), f.getMessage());
    assertTrue(f.getMessage().contains("found by: small numbers, on try "), f.getMessage());
    Object original = seen.get(seen.size() - 1);
    PropertyFailure replayed =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.longs(0, 1_000_000))
                    .replay(f.seed())
                    .shrinks(0)
                    .check(x -> assertTrue(x < 900_000)));
    assertEquals(original, replayed.shrunk());
    assertEquals(f.seed(), replayed.seed());
  }

  @Test
  void shrinkingDropsWholeListElementsWhateverTheirSize() {
    // Each element draws five choices (six with the list's own flag), a size that no
    // power-of-two block deletion matches: only deleting whole elements reaches the minimum.
    Gen<List<Long>> five =
        c ->
            List.of(c.choose(1000), c.choose(1000), c.choose(1000), c.choose(1000), c.choose(1000));
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.lists(five, 40))
                    .seed(11)
                    .tries(1000)
                    .check(
                        list -> assertTrue(list.stream().filter(e -> e.get(0) > 500).count() < 3)));
    @SuppressWarnings("unchecked")
    List<List<Long>> shrunk = (List<List<Long>>) f.shrunk();
    assertEquals(
        List.of(
            List.of(501L, 0L, 0L, 0L, 0L),
            List.of(501L, 0L, 0L, 0L, 0L),
            List.of(501L, 0L, 0L, 0L, 0L)),
        shrunk);
  }

  @Test
  void theReportShowsTheFirstCounterexampleBesideTheShrunkOne() {
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.lists(Gen.ints(0, 1000), 50))
                    .seed(1)
                    .tries(1000)
                    .check(list -> assertTrue(list.stream().allMatch(x -> x <= 50))));
    String m = f.getMessage();
    assertTrue(m.contains("shrunk in "), m);
    assertTrue(m.contains("\n  counterexample (shrunk):\n    (1 item)\n      1. 51\n"), m);
    assertTrue(m.contains("\n  first counterexample, before shrinking:\n    ("), m);
    assertTrue(m.indexOf("counterexample (shrunk)") < m.indexOf("first counterexample"), m);
  }

  @Test
  void theReportLeadsWithWhatBrokeAndNamesThePropertyAfterIt() {
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 1000))
                    .named("numbers stay small")
                    .seed(1)
                    .tries(1000)
                    .check(
                        x -> assertTrue(x <= 50, "[R-1] numbers stay at most 50\n  more detail")));
    String m = f.getMessage();
    assertTrue(m.startsWith("[R-1] numbers stay at most 50"), m);
    assertTrue(m.contains("\n  found by: numbers stay small, on try "), m);
    assertTrue(m.contains("\n  failure:\n    [R-1] numbers stay at most 50"), m);
  }

  @Test
  void aLongCounterexampleIsPrintedOneElementPerLineWithinBounds() {
    Gen<String> longText = c -> "op" + c.choose(9) + "(" + "x".repeat(2_000) + ")";
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.lists(longText, 200))
                    .seed(3)
                    .tries(100)
                    .shrinks(0)
                    .check(list -> assertTrue(list.size() < 2)));
    String m = f.getMessage();
    String[] lines = m.split("\n");
    for (String line : lines) {
      assertTrue(line.length() <= 1_200, "a line of " + line.length() + " characters");
    }
    assertTrue(m.contains("\n      1. op"), m);
    assertTrue(m.contains("\n      2. op"), m);
    assertTrue(lines.length <= Listing.MAX_LINES + 20, lines.length + " lines");
  }

  @Test
  void aReplayCommandGoesUnderTheSeed() {
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 10))
                    .tries(5)
                    .shrinks(0)
                    .check(x -> assertTrue(false, "always")));
    PropertyFailure replayed = f.withReplay("mvn test -Dtest=T#m");
    String m = replayed.getMessage();
    assertTrue(
        m.contains(
            "-Dvideorepo.property.seed=" + f.seed() + ")\n  replay: mvn test" + " -Dtest=T#m\n"),
        m);
    assertEquals(f.seed(), replayed.seed());
    assertEquals(f.getCause(), replayed.getCause());
  }

  @Test
  void listsOfListsArePrintedOneBlockPerInnerList() {
    String listing = Listing.of(List.of(List.of("a", "b"), List.of("c")), "  ");
    assertEquals("\n  [1] (2 items)\n      1. a\n      2. b\n  [2] (1 item)\n      1. c", listing);
  }

  @Test
  void aTimingDependentPropertyWarnsThatItsSeedMayNotReplay() {
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 10))
                    .dependsOnTiming()
                    .tries(5)
                    .shrinks(0)
                    .check(x -> assertTrue(false, "always")));
    assertTrue(f.getMessage().contains("a replay of this seed may pass"), f.getMessage());
  }

  @Test
  void shrinkingCutsALongSequenceOfSlowRunsInFewRuns() {
    // 40 elements of 10 choices, one of which alone fails. Blocks of powers of two never drop
    // exactly one element, and once the others are zeros they can no longer go; dropping the
    // parts Gen.lists marks removes one element per run.
    Gen<List<Long>> ten =
        c -> {
          List<Long> e = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            e.add(c.choose(1000));
          }
          return e;
        };
    List<Integer> sizes = new ArrayList<>();
    Shrinker shrinker =
        new Shrinker(
            choices -> {
              List<List<Long>> value;
              try {
                value = Gen.lists(ten, 40).generate(Choices.replay(choices));
              } catch (RuntimeException e) {
                return false;
              }
              sizes.add(value.size());
              return value.stream().anyMatch(e -> e.get(0) == 777);
            },
            choices -> {
              Choices replay = Choices.replay(choices);
              Gen.lists(ten, 40).generate(replay);
              return replay.parts();
            },
            100_000,
            Duration.ofMinutes(1));
    long[] failing = new long[40 * 11 + 1];
    for (int i = 0; i < 40; i++) {
      failing[i * 11] = 1; // the list goes on
      for (int j = 1; j <= 10; j++) {
        failing[i * 11 + j] = 100 + i;
      }
    }
    failing[25 * 11 + 1] = 777;
    long[] smallest = shrinker.shrink(failing);
    assertEquals(
        List.of(List.of(777L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)),
        Gen.lists(ten, 40).generate(Choices.replay(smallest)));
    int firstSmall = sizes.indexOf(1);
    assertTrue(
        firstSmall >= 0 && firstSmall < 100, "one element left after " + firstSmall + " runs");
  }

  @Test
  void shrinkingStopsAtItsDeadlineAndSaysSo() {
    List<Integer> runs = new ArrayList<>();
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.lists(Gen.ints(0, 1000), 50))
                    .seed(1)
                    .tries(1000)
                    .shrinkTime(Duration.ZERO)
                    .check(
                        list -> {
                          runs.add(list.size());
                          assertTrue(list.stream().allMatch(x -> x <= 50));
                        }));
    assertEquals(
        runs.get(runs.size() - 1),
        ((List<?>) f.shrunk()).size(),
        "with no time to shrink, the first counterexample is reported, not run again");
    assertTrue(
        f.getMessage()
            .contains(
                "not shrunk: none of 0 smaller values failed before the"
                    + " shrink time ran out (PT0S)"),
        f.getMessage());
    Shrinker timed = new Shrinker(c -> true, 1000, Duration.ZERO);
    timed.shrink(new long[] {5, 6, 7});
    assertTrue(timed.timedOut());
    assertEquals(0, timed.runs());
  }

  @Test
  void aFailureThatDoesNotRecurIsReportedAsTimingBoundNotAsShrunk() {
    int[] calls = {0};
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 1000))
                    .seed(5)
                    .tries(10)
                    .shrinks(50)
                    .check(
                        x -> {
                          calls[0]++;
                          // fails on the first try and on the shrinker's first candidate, never
                          // again
                          assertTrue(calls[0] > 2, "flaky");
                        }));
    assertTrue(
        f.getMessage()
            .contains("not shrunk: the smallest failing value found passed" + " when run again"),
        f.getMessage());
  }

  @Test
  void numbersStayInRangeAndHitTheEdges() {
    Set<Long> seen = new HashSet<>();
    Property.forAll(Gen.longs(-5, 1_000_000_000_000L))
        .tries(2000)
        .check(
            x -> {
              assertTrue(x >= -5 && x <= 1_000_000_000_000L, "out of range: " + x);
              seen.add(x);
            });
    for (long edge : new long[] {-5, -1, 0, 1, 1_000_000_000_000L}) {
      assertTrue(seen.contains(edge), "edge " + edge + " never generated");
    }
  }

  @Test
  void fullRangeLongsWork() {
    Set<Long> seen = new HashSet<>();
    Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)).tries(500).check(seen::add);
    assertTrue(seen.contains(Long.MIN_VALUE) && seen.contains(Long.MAX_VALUE));
  }

  @Test
  void replayedChoicesBeyondTheRecordAreZero() {
    Choices c = Choices.replay(new long[] {5, 9});
    assertEquals(5, c.choose(10));
    assertEquals(3, c.choose(3)); // clamped to the new bound
    assertEquals(0, c.choose(100));
    assertArrayEquals(new long[] {5, 3, 0}, c.recorded());
  }

  @Test
  void aGeneratorThatNeverStopsIsReported() {
    Gen<Integer> endless =
        c -> {
          while (true) {
            c.choose(1);
          }
        };
    assertThrows(Choices.Exhausted.class, () -> endless.generate(Choices.random(1)));
  }

  @Test
  void theShrinkerRespectsItsBudget() {
    AtomicInteger calls = new AtomicInteger();
    Shrinker s =
        new Shrinker(
            c -> {
              calls.incrementAndGet();
              return true;
            },
            25);
    s.shrink(new long[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
    assertTrue(calls.get() <= 25, "calls: " + calls.get());
    assertEquals(calls.get(), s.runs());
  }

  @Test
  void theShrinkerOnlyAcceptsSmallerSequences() {
    assertTrue(Shrinker.compare(new long[] {1}, new long[] {0, 0}) < 0);
    assertTrue(Shrinker.compare(new long[] {0, 5}, new long[] {1, 0}) < 0);
    assertEquals(0, Shrinker.compare(new long[] {3}, new long[] {3}));
  }

  @Test
  void frequencyRespectsWeights() {
    int[] counts = new int[2];
    Gen<Integer> g =
        Gen.frequency(Gen.weighted(9, Gen.constant(0)), Gen.weighted(1, Gen.constant(1)));
    Property.forAll(g).tries(5000).seed(3).check(x -> counts[x]++);
    assertTrue(counts[1] > 300 && counts[1] < 700, "about 10% ones: " + counts[1]);
  }

  @Test
  void aFlakyCheckReportsTheOriginalFailure() {
    AtomicInteger n = new AtomicInteger();
    PropertyFailure f =
        assertThrows(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(0, 10))
                    .tries(5)
                    .check(x -> assertTrue(n.incrementAndGet() > 1, "fails once")));
    assertTrue(f.getMessage().contains("fails once"), f.getMessage());
  }
}
