package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Load: many callers mixing every operation for a bounded time, with the unique id and path
 * invariants and {@code count} checked while they run and at the end.
 */
interface LoadRules extends RuleTests {

  /** How long the mixed load runs, in milliseconds; system property, default 2000. */
  String LOAD_MILLIS_PROPERTY = "videorepo.contract.loadMillis";

  /** How many of the load's first operations a failure replays one at a time. */
  int REPLAYED_OPS = 5_000;

  /**
   * VR-1.5: 64 callers mixing every operation keep ids and paths unique, every stage completes
   * exactly once within the timeout, and the final count matches the stored videos.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr1_5_mixedLoadKeepsTheInvariants() throws Exception {
    VideoRepository repo = kit().repository();
    Duration length = Duration.ofMillis(Long.getLong(LOAD_MILLIS_PROPERTY, 2_000));
    int callers = 64;
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong issued = new AtomicLong();
    AtomicLong completions = new AtomicLong();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
    AtomicInteger ids = new AtomicInteger();
    ConcurrentLinkedQueue<Op> issuedOps = new ConcurrentLinkedQueue<>();
    AtomicInteger recorded = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      long seed = t;
      Thread th =
          new Thread(
              () -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (!stop.get()) {
                  // A small pool of ids and paths, so that calls collide all the time.
                  String id = "v" + random.nextInt(40);
                  String path = "/p/" + random.nextInt(40);
                  Op op =
                      switch (random.nextInt(9)) {
                        case 0, 1 -> new Op.Add(kit().video(id, path));
                        case 2 ->
                            new Op.AddAll(
                                List.of(
                                    kit().video("b" + ids.incrementAndGet(), path),
                                    kit().video(id, "/q/" + random.nextInt(40))));
                        case 3 -> new Op.Update(kit().video(id, path));
                        case 4 -> new Op.Delete(id);
                        case 5 -> new Op.Get(id);
                        case 6 -> new Op.GetByPath(path);
                        case 7 -> new Op.Search("p/" + random.nextInt(4), 20);
                        default -> null; // page(null, 10), which the model has no operation for
                      };
                  if (op != null && recorded.incrementAndGet() <= REPLAYED_OPS) {
                    issuedOps.add(op);
                  }
                  CompletionStage<?> stage = op == null ? repo.page(null, 10) : op.invoke(repo);
                  issued.incrementAndGet();
                  AtomicInteger times = new AtomicInteger();
                  CompletableFuture<?> done =
                      stage
                          .toCompletableFuture()
                          .handle(
                              (v, e) -> {
                                completions.incrementAndGet();
                                if (times.incrementAndGet() > 1) {
                                  problems.add("a stage completed twice");
                                }
                                Throwable cause = e == null ? null : ContractKit.unwrap(e);
                                if (cause != null
                                    && !(cause instanceof DuplicateVideoException)
                                    && !(cause instanceof VideoNotFoundException)) {
                                  problems.add("unexpected failure " + cause);
                                }
                                return null;
                              });
                  pending.add(done);
                  if (pending.size() > 10_000) {
                    pending.poll();
                  }
                  try {
                    done.get(kit().awaitTimeout().toMillis(), TimeUnit.MILLISECONDS);
                  } catch (Exception e) {
                    problems.add(
                        "a stage did not complete within " + kit().awaitTimeout() + ": " + e);
                    return;
                  }
                }
              });
      threads.add(th);
      th.start();
    }
    long end = System.nanoTime() + length.toNanos();
    // A failure here may come from one operation that misbehaves without any concurrency: the
    // load's operations, run one at a time, then name that operation's own rule.
    SequentialDiagnosis.diagnosed(
        kit(),
        Rule.VR_1_5,
        "the mixed load",
        () -> List.of(List.copyOf(issuedOps)),
        () -> {
          try {
            while (System.nanoTime() < end && problems.isEmpty()) {
              checkInvariants(repo, "during the load");
              Thread.sleep(50);
            }
          } finally {
            stop.set(true); // callers must not outlive a failed check
          }
          for (Thread th : threads) {
            th.join(kit().awaitTimeout().toMillis());
            kit()
                .expectThat(
                    Rule.VR_1_5,
                    "mixed load",
                    !th.isAlive(),
                    "every caller to finish",
                    "a caller is stuck (deadlock?)");
          }
          kit().expect(Rule.VR_1_5, "mixed load: problems", List.of(), new ArrayList<>(problems));
          kit().expect(Rule.VR_1_5, "mixed load: completions", issued.get(), completions.get());
          checkInvariants(repo, "after the load");
        });
  }

  private void checkInvariants(VideoRepository repo, String when) {
    List<Video> all = kit().all(Rule.VR_1_5, repo);
    Set<String> ids = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (Video v : all) {
      kit()
          .expectThat(
              Rule.VR_1_5,
              "list " + when,
              ids.add(v.id()),
              "unique ids",
              "id " + v.id() + " twice");
      kit()
          .expectThat(
              Rule.VR_1_5,
              "list " + when,
              paths.add(v.path()),
              "unique paths",
              "path " + v.path() + " twice");
    }
    long count = kit().ok(Rule.VR_10_1, "count()", repo::count);
    if (when.startsWith("after")) {
      kit().expect(Rule.VR_10_1, "count() " + when, (long) all.size(), count);
    }
  }
}
