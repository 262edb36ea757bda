package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.Linearizability;
import io.github.stoatferret.videorepo.contract.internal.ModelState;
import io.github.stoatferret.videorepo.contract.internal.Op;
import io.github.stoatferret.videorepo.contract.internal.OpGens;
import io.github.stoatferret.videorepo.contract.internal.Outcome;
import io.github.stoatferret.videorepo.contract.internal.Race;
import io.github.stoatferret.videorepo.contract.property.Gen;
import io.github.stoatferret.videorepo.contract.property.Property;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Rules VR-1.5 and VR-1.12: operations are atomic and linearizable, and one thread's writes take
 * effect in the order it called them, checked under real concurrency.
 */
interface ConcurrencyRules extends RuleTests {

  /** How many times each targeted race runs. */
  int RACE_ROUNDS = 50;

  /**
   * VR-1.5: histories of three threads issuing random operations are linearizable against the
   * reference model (Wing and Gong's check, memoised).
   */
  @Test
  default void vr1_5_concurrentHistoriesAreLinearizable() {
    Gen<List<List<Op>>> threads =
        c ->
            List.of(
                Gen.lists(OpGens.concurrentOps(), 7).generate(c),
                Gen.lists(OpGens.concurrentOps(), 7).generate(c),
                Gen.lists(OpGens.concurrentOps(), 7).generate(c));
    Property.forAll(threads)
        .named("VR-1.5 concurrent histories are linearizable")
        .shrinks(200)
        .dependsOnTiming()
        .check(
            perThread -> {
              try (VideoRepository repo = kit().freshRepository()) {
                List<Linearizability.Call> history = record(repo, perThread);
                Optional<String> problem = Linearizability.check(ModelState.EMPTY, history);
                if (problem.isPresent()) {
                  // The calls in the order they started, then in the order they returned (the
                  // states they ran in are most like those of the history), then thread by thread.
                  List<Op> byStart =
                      history.stream()
                          .sorted(Comparator.comparingLong(Linearizability.Call::invoked))
                          .map(Linearizability.Call::op)
                          .toList();
                  List<Op> byReturn =
                      history.stream()
                          .sorted(Comparator.comparingLong(Linearizability.Call::returned))
                          .map(Linearizability.Call::op)
                          .toList();
                  SequentialDiagnosis.diagnosed(
                      kit(),
                      Rule.VR_1_5,
                      "concurrent histories",
                      () ->
                          List.of(
                              byStart, byReturn, perThread.stream().flatMap(List::stream).toList()),
                      () -> {
                        throw ContractKit.failure(
                            Rule.VR_1_5,
                            "three threads running the" + " counterexample's operations",
                            "a linearizable history",
                            problem.get(),
                            null);
                      });
                }
              }
            });
  }

  /**
   * VR-1.5: two adds of one id at once: exactly one wins.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr1_5_racingAddsOfOneIdHaveOneWinner() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      try (VideoRepository repo = kit().freshRepository()) {
        Video x = kit().video("x", "/x1");
        Video y = kit().video("x", "/x2");
        diagnosedRace(
            "racing adds of one id",
            List.of(),
            new Op.Add(x),
            new Op.Add(y),
            () -> {
              List<CompletionStage<?>> stages =
                  Race.run(List.of(() -> repo.add(x), () -> repo.add(y)));
              expectOneWinner(
                  repo,
                  stages,
                  "add(x at /x1) racing add(x at /x2)",
                  DuplicateVideoException.Key.ID,
                  1);
            });
      }
    }
  }

  /**
   * VR-1.5: two adds of one path at once: exactly one wins.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr1_5_racingAddsOfOnePathHaveOneWinner() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      try (VideoRepository repo = kit().freshRepository()) {
        Video x = kit().video("x", "/same");
        Video y = kit().video("y", "/same");
        diagnosedRace(
            "racing adds of one path",
            List.of(),
            new Op.Add(x),
            new Op.Add(y),
            () -> {
              List<CompletionStage<?>> stages =
                  Race.run(List.of(() -> repo.add(x), () -> repo.add(y)));
              expectOneWinner(
                  repo,
                  stages,
                  "add(x at /same) racing add(y at /same)",
                  DuplicateVideoException.Key.PATH,
                  1);
            });
      }
    }
  }

  /**
   * VR-1.5: two updates moving different videos to one free path: exactly one wins.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr1_5_racingUpdatesToOnePathHaveOneWinner() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      try (VideoRepository repo = kit().freshRepository()) {
        Video x = kit().video("x", "/x");
        Video y = kit().video("y", "/y");
        Video xMoved = x.toBuilder().path("/free").build();
        Video yMoved = y.toBuilder().path("/free").build();
        diagnosedRace(
            "racing updates to one path",
            List.of(new Op.AddAll(List.of(x, y))),
            new Op.Update(xMoved),
            new Op.Update(yMoved),
            () -> {
              kit().ok(Rule.VR_1_5, "addAll([x, y])", () -> repo.addAll(List.of(x, y)));
              List<CompletionStage<?>> stages =
                  Race.run(List.of(() -> repo.update(xMoved), () -> repo.update(yMoved)));
              expectOneWinner(
                  repo,
                  stages,
                  "update(x to /free) racing update(y to /free)",
                  DuplicateVideoException.Key.PATH,
                  2);
            });
      }
    }
  }

  /**
   * A write called without waiting, with its outcome if it takes effect after the writes its thread
   * called before it.
   *
   * @param operation the call, as text
   * @param stage its stage
   * @param expected its value
   */
  record IssuedWrite(String operation, CompletionStage<?> stage, Object expected) {}

  /**
   * VR-1.12: four threads each add, update and (every other video) delete videos of their own, one
   * call after another without waiting for a stage: every write succeeds, and every video ends as
   * its thread's last write left it.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr1_12_oneThreadsWritesTakeEffectInTheOrderCalled() throws Exception {
    try (VideoRepository repo = kit().freshRepository()) {
      List<IssuedWrite> issued = Collections.synchronizedList(new ArrayList<>());
      List<Supplier<CompletionStage<?>>> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String prefix = "t" + t + "-";
        threads.add(
            () -> {
              for (int i = 0; i < 25; i++) {
                Video v = kit().video(prefix + i);
                Video moved = v.toBuilder().path(v.path() + ".moved").build();
                issued.add(new IssuedWrite("add(" + v.id() + ")", repo.add(v), v));
                issued.add(
                    new IssuedWrite(
                        "update(" + v.id() + ") called right after its add",
                        repo.update(moved),
                        moved));
                if (i % 2 == 0) {
                  issued.add(
                      new IssuedWrite(
                          "delete(" + v.id() + ") called right after its update",
                          repo.delete(v.id()),
                          true));
                }
              }
              return repo.count();
            });
      }
      Race.run(threads);
      for (IssuedWrite w : issued) {
        kit()
            .expect(
                Rule.VR_1_12,
                w.operation(),
                Outcome.ok(w.expected()),
                kit().outcome(Rule.VR_1_12, w.operation(), w::stage));
      }
      kit()
          .expect(
              Rule.VR_1_12,
              "count() afterwards",
              48L,
              kit().ok(Rule.VR_1_12, "count()", repo::count));
    }
  }

  /**
   * VR-1.5: update racing delete of one video: the outcomes agree with one order.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr1_5_updateRacingDeleteAgreeWithOneOrder() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      try (VideoRepository repo = kit().freshRepository()) {
        Video x = kit().video("x");
        Video changed = x.toBuilder().fileSize(99).build();
        diagnosedRace(
            "update racing delete",
            List.of(new Op.Add(x)),
            new Op.Update(changed),
            new Op.Delete("x"),
            () -> {
              kit().ok(Rule.VR_1_5, "add(x)", () -> repo.add(x));
              List<CompletionStage<?>> stages =
                  Race.run(List.of(() -> repo.update(changed), () -> repo.delete("x")));
              String op = "update(x) racing delete(x)";
              Outcome update = kit().outcome(Rule.VR_1_5, op, () -> stages.get(0));
              Outcome delete = kit().outcome(Rule.VR_1_5, op, () -> stages.get(1));
              kit().expect(Rule.VR_1_5, op + ": delete", Outcome.ok(true), delete);
              kit()
                  .expectThat(
                      Rule.VR_1_5,
                      op + ": update",
                      update.equals(Outcome.ok(changed))
                          || update.failure() == VideoNotFoundException.class,
                      "the updated video, or VideoNotFoundException",
                      update);
              kit()
                  .expect(
                      Rule.VR_1_5,
                      op + ": get(x) afterwards",
                      Optional.empty(),
                      kit().ok(Rule.VR_1_5, "get(x)", () -> repo.get("x")));
            });
      }
    }
  }

  /**
   * VR-1.5: addAll overlapping a racing add: all of the batch or none of it.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr1_5_addAllRacingAnOverlappingAddIsAllOrNothing() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      try (VideoRepository repo = kit().freshRepository()) {
        List<Video> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          batch.add(kit().video("b" + i));
        }
        Video clash = kit().video("other", batch.get(3).path());
        diagnosedRace(
            "addAll racing an overlapping add",
            List.of(),
            new Op.AddAll(batch),
            new Op.Add(clash),
            () -> {
              List<CompletionStage<?>> stages =
                  Race.run(List.of(() -> repo.addAll(batch), () -> repo.add(clash)));
              String op = "addAll(b0..b4) racing add(other at b3's path)";
              Outcome all = kit().outcome(Rule.VR_1_5, op, () -> stages.get(0));
              Outcome one = kit().outcome(Rule.VR_1_5, op, () -> stages.get(1));
              kit()
                  .expectThat(
                      Rule.VR_1_5,
                      op,
                      all.isOk() != one.isOk(),
                      "exactly one to succeed",
                      "addAll " + all + ", add " + one);
              long expectedCount = all.isOk() ? 5 : 1;
              kit()
                  .expect(
                      Rule.VR_1_5,
                      op + ": count()",
                      expectedCount,
                      kit().ok(Rule.VR_1_5, "count()", repo::count));
            });
      }
    }
  }

  /**
   * VR-1.5: a read started after a write completed, on another thread, sees the write.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr1_5_readsOnOtherThreadsSeeCompletedWrites() throws Exception {
    VideoRepository repo = kit().repository();
    for (int i = 0; i < 200; i++) {
      Video v = kit().video("v" + i);
      kit().ok(Rule.VR_1_5, "add(v" + i + ")", () -> repo.add(v));
      List<CompletionStage<?>> reads =
          Race.run(List.of(() -> repo.get(v.id()), () -> repo.getByPath(v.path())));
      for (CompletionStage<?> read : reads) {
        kit()
            .expect(
                Rule.VR_1_5,
                "read on another thread after add(v" + i + ") completed",
                Optional.of(v),
                kit().ok(Rule.VR_1_5, "get", () -> read));
      }
    }
  }

  /**
   * Runs a race's checks; if they fail, runs its operations one at a time, in both orders, so that
   * a rule that breaks without any race is named first.
   */
  private void diagnosedRace(
      String test, List<Op> setup, Op first, Op second, SequentialDiagnosis.Body body)
      throws Exception {
    List<Op> oneThenTwo = new ArrayList<>(setup);
    oneThenTwo.addAll(List.of(first, second));
    List<Op> twoThenOne = new ArrayList<>(setup);
    twoThenOne.addAll(List.of(second, first));
    SequentialDiagnosis.diagnosed(
        kit(), Rule.VR_1_5, test, () -> List.of(oneThenTwo, twoThenOne), body);
  }

  private void expectOneWinner(
      VideoRepository repo,
      List<CompletionStage<?>> stages,
      String op,
      DuplicateVideoException.Key key,
      long expectedCount) {
    Outcome first = kit().outcome(Rule.VR_1_5, op, () -> stages.get(0));
    Outcome second = kit().outcome(Rule.VR_1_5, op, () -> stages.get(1));
    kit()
        .expectThat(
            Rule.VR_1_5,
            op,
            first.isOk() != second.isOk(),
            "exactly one winner",
            "first " + first + ", second " + second);
    Outcome loser = first.isOk() ? second : first;
    kit()
        .expectThat(
            Rule.VR_1_5,
            op,
            loser.failure() == DuplicateVideoException.class
                && loser.detail().startsWith(key.name()),
            "the loser to fail with a " + key + " clash",
            loser);
    kit()
        .expect(
            Rule.VR_1_5,
            op + ": count()",
            expectedCount,
            kit().ok(Rule.VR_1_5, "count()", repo::count));
  }

  private List<Linearizability.Call> record(VideoRepository repo, List<List<Op>> perThread)
      throws Exception {
    List<Linearizability.Call> history = Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier start = new CyclicBarrier(perThread.size());
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < perThread.size(); t++) {
      int thread = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (Op op : perThread.get(thread)) {
                    long invoked = System.nanoTime();
                    Supplier<CompletionStage<?>> call = () -> op.invoke(repo);
                    Outcome outcome = kit().outcome(op.rule(), op.toString(), call);
                    history.add(
                        new Linearizability.Call(thread, op, invoked, System.nanoTime(), outcome));
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    if (!errors.isEmpty()) {
      throw new AssertionError(errors.get(0).getMessage(), errors.get(0));
    }
    return new ArrayList<>(history);
  }
}
