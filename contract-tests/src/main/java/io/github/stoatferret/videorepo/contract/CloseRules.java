package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.Outcome;
import io.github.stoatferret.videorepo.contract.internal.RecordingSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rules VR-12.*: {@code close}. */
interface CloseRules extends RuleTests {

  /** VR-12.1 */
  @Test
  default void vr12_1_closeIsIdempotent() {
    VideoRepository repo = kit().repository();
    kit().ok(Rule.VR_12_1, "add(a)", () -> repo.add(kit().video("a")));
    for (int i = 0; i < 3; i++) {
      try {
        repo.close();
      } catch (RuntimeException e) {
        throw ContractKit.failure(
            Rule.VR_12_1, "close() call " + (i + 1), "no exception", e.toString(), e);
      }
    }
  }

  /**
   * VR-12.2: operations racing close complete normally or with RepositoryClosedException.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr12_2_closeWaitsForOperationsInFlight() throws Exception {
    VideoRepository repo = kit().repository();
    ConcurrentLinkedQueue<CompletionStage<?>> stages = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger issued = new AtomicInteger();
    CountDownLatch warm = new CountDownLatch(4 * 20);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; !stop.get() && i < 5_000; i++) {
                  String id = "t" + thread + "-" + i;
                  stages.add(repo.add(kit().video(id)));
                  stages.add(repo.get(id));
                  stages.add(repo.search("t" + thread, 5));
                  issued.addAndGet(3);
                  warm.countDown();
                }
              });
      threads.add(th);
      th.start();
    }
    warm.await();
    try {
      repo.close();
    } finally {
      stop.set(true); // also when close failed: the callers must not outlive the test
      for (Thread th : threads) {
        th.join();
      }
    }
    int i = 0;
    for (CompletionStage<?> stage : stages) {
      String op = "operation " + i++ + " of " + issued.get() + " racing close()";
      Outcome o = kit().outcome(Rule.VR_12_2, op, () -> stage);
      kit()
          .expectThat(
              Rule.VR_12_2,
              op,
              o.isOk() || o.failure() == RepositoryClosedException.class,
              "success or RepositoryClosedException",
              o);
    }
  }

  /**
   * VR-12.2: close with a full queue. Writes issued as fast as the test thread can, none awaited,
   * then close at once: with any backend that queues work, most are queued and not yet running when
   * close is called, so a close that drops queued work is caught every time, not by chance. Each
   * must complete, normally or with RepositoryClosedException.
   */
  @Test
  default void vr12_2_closeCompletesEveryQueuedWrite() {
    VideoRepository repo = kit().repository();
    List<CompletionStage<Video>> adds = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      adds.add(repo.add(kit().video("q" + i)));
    }
    repo.close();
    for (int i = 0; i < adds.size(); i++) {
      CompletionStage<Video> add = adds.get(i);
      String op = "add(q" + i + "), queued when close() was called";
      Outcome o = kit().outcome(Rule.VR_12_2, op, () -> add);
      kit()
          .expectThat(
              Rule.VR_12_2,
              op,
              o.isOk() || o.failure() == RepositoryClosedException.class,
              "success or RepositoryClosedException",
              o);
    }
  }

  /**
   * VR-12.3: every operation after close fails with RepositoryClosedException.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr12_3_operationsAfterCloseFail() throws Exception {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_12_3, "add(a)", () -> repo.add(a));
    repo.close();
    Rule r = Rule.VR_12_3;
    Class<RepositoryClosedException> closed = RepositoryClosedException.class;
    kit().fails(r, "add(b)", closed, () -> repo.add(kit().video("b")));
    kit().fails(r, "addAll([b])", closed, () -> repo.addAll(List.of(kit().video("b"))));
    kit().fails(r, "get(a)", closed, () -> repo.get("a"));
    kit().fails(r, "getByPath(a)", closed, () -> repo.getByPath(a.path()));
    kit().fails(r, "list()", closed, repo::list);
    kit().fails(r, "page(null, 1)", closed, () -> repo.page(null, 1));
    kit().fails(r, "search(a)", closed, () -> repo.search("a"));
    kit().fails(r, "update(a)", closed, () -> repo.update(a));
    kit().fails(r, "delete(a)", closed, () -> repo.delete("a"));
    kit().fails(r, "count()", closed, repo::count);
    RecordingSubscriber s = new RecordingSubscriber(10, Integer.MAX_VALUE);
    repo.stream().subscribe(s);
    kit()
        .expectThat(
            r,
            "stream() after close",
            s.await(kit().awaitTimeout()) && s.error() instanceof RepositoryClosedException,
            "onError(RepositoryClosedException)",
            s.completed() ? "onComplete" : String.valueOf(s.error()));
  }

  /** VR-12.4: a persistent backend keeps every acknowledged write across close and reopen. */
  @Test
  default void vr12_4_reopenKeepsEveryAcknowledgedWrite() {
    kit().require(Capability.REOPEN, Rule.VR_12_4);
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(kit().video("v" + i));
    }
    kit().ok(Rule.VR_12_4, "addAll(20)", () -> repo.addAll(batch));
    kit()
        .ok(
            Rule.VR_12_4,
            "update(v3)",
            () -> repo.update(batch.get(3).toBuilder().fileSize(3).build()));
    kit().ok(Rule.VR_12_4, "delete(v4)", () -> repo.delete("v4"));
    List<Video> before = kit().all(Rule.VR_12_4, repo);
    repo.close();
    VideoRepository reopened = kit().reopen();
    kit()
        .expect(
            Rule.VR_12_4, "list after close and reopen", before, kit().all(Rule.VR_12_4, reopened));
  }
}
