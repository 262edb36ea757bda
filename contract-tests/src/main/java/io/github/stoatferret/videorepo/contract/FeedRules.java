package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.FeedRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Rules VR-17.*: the change feed. Each needs {@link Capability#CHANGE_FEED}. */
interface FeedRules extends RuleTests {

  /**
   * VR-17.1: the feed carries the listener's events, in order, with increasing positions.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_1_everyChangeOnceInCommitOrderWithIncreasingPositions() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_1);
    VideoRepository repo = kit().freshRepository();
    FeedRecorder all = subscribe(repo.changesAfter(ChangePosition.START), Long.MAX_VALUE);
    Video a = kit().video("a");
    Video b = kit().video("b");
    Video c = kit().video("c");
    Video a2 = a.toBuilder().fileSize(1).build();
    kit().ok(Rule.VR_17_1, "add(a)", () -> repo.add(a));
    kit().outcome(Rule.VR_17_1, "add(a) again", () -> repo.add(a));
    kit().ok(Rule.VR_17_1, "addAll([b, c])", () -> repo.addAll(List.of(b, c)));
    kit().ok(Rule.VR_17_1, "update(a)", () -> repo.update(a2));
    kit().ok(Rule.VR_17_1, "delete(\"b\")", () -> repo.delete("b"));
    kit().ok(Rule.VR_17_1, "delete(\"b\") again", () -> repo.delete("b"));
    List<VideoChangeEvent> expected =
        List.of(
            new VideoChangeEvent.Added(a),
            new VideoChangeEvent.Added(b),
            new VideoChangeEvent.Added(c),
            VideoChangeEvent.Updated.of(a, a2),
            new VideoChangeEvent.Deleted(b));
    all.await(expected.size(), kit().awaitTimeout());
    Thread.sleep(kit().quietPeriod().toMillis()); // an extra change would arrive meanwhile
    List<ChangeFeedEvent> got = all.items();
    kit()
        .expect(
            Rule.VR_17_1,
            "changesAfter(START) over add, addAll, update, delete",
            expected,
            got.stream().map(ChangeFeedEvent::change).toList());
    increasing(Rule.VR_17_1, "changesAfter(START)", got);
    clean(Rule.VR_17_1, all);
  }

  /**
   * VR-17.1: with concurrent writers, the feed's changes in position order replay to exactly the
   * stored videos.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_1_concurrentWritersReplayToTheStoredState() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_1);
    VideoRepository repo = kit().freshRepository();
    FeedRecorder all = subscribe(repo.changesAfter(ChangePosition.START), Long.MAX_VALUE);
    List<CompletionStage<?>> writes = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < 60; i++) {
                  String id = "v" + (i % 10);
                  List<CompletionStage<?>> mine =
                      List.of(
                          repo.add(kit().video(id, "/p" + (i + thread) % 7)),
                          repo.update(kit().video(id, "/p" + (i % 5))),
                          repo.delete("v" + (i % 3)));
                  synchronized (writes) {
                    writes.addAll(mine);
                  }
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    for (CompletionStage<?> w : writes) {
      kit().outcome(Rule.VR_17_1, "a concurrent write", () -> w);
    }
    Map<String, Video> stored = new HashMap<>();
    kit().all(Rule.VR_17_1, repo).forEach(v -> stored.put(v.id(), v));
    long deadline = System.nanoTime() + kit().awaitTimeout().toNanos();
    Map<String, Video> replayed = replay(all.items());
    while (!replayed.equals(stored) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      replayed = replay(all.items());
    }
    kit().expect(Rule.VR_17_1, "the feed's changes replayed in order", stored, replayed);
    increasing(Rule.VR_17_1, "changesAfter(START) under 4 writers", all.items());
    clean(Rule.VR_17_1, all);
  }

  /**
   * VR-17.2: resuming after any position gives exactly the changes after it.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_2_resumingAfterAnyPositionGivesExactlyTheRest() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_2);
    VideoRepository repo = kit().freshRepository();
    for (int i = 0; i < 12; i++) {
      String id = "v" + (i % 5);
      kit().outcome(Rule.VR_17_2, "write " + i, () -> repo.add(kit().video(id, "/" + id)));
      kit().outcome(Rule.VR_17_2, "update " + i, () -> repo.update(kit().video(id, "/u" + id)));
    }
    List<ChangeFeedEvent> all = collect(repo.changesAfter(ChangePosition.START), -1);
    kit()
        .expectThat(
            Rule.VR_17_2,
            "changesAfter(START)",
            all.size() >= 12,
            "the 12 adds and their updates",
            all.size() + " changes");
    for (int at : new int[] {0, 1, all.size() / 2, all.size() - 1, all.size()}) {
      ChangePosition from = at == 0 ? ChangePosition.START : all.get(at - 1).position();
      List<ChangeFeedEvent> rest = all.subList(at, all.size());
      kit()
          .expect(
              Rule.VR_17_2,
              "changesAfter(" + from + ")",
              rest,
              collect(repo.changesAfter(from), rest.size()));
    }
  }

  /**
   * VR-17.2: a subscriber that resumes while writes go on sees no gap and no duplicate where the
   * kept changes meet the live ones.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_2_noGapAndNoDuplicateWhereKeptMeetsLive() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_2);
    VideoRepository repo = kit().freshRepository();
    FeedRecorder reference = subscribe(repo.changesAfter(ChangePosition.START), Long.MAX_VALUE);
    for (int i = 0; i < 100; i++) {
      int n = i;
      kit().ok(Rule.VR_17_2, "add(v" + i + ")", () -> repo.add(kit().video("v" + n)));
    }
    List<ChangeFeedEvent> first = reference.await(100, kit().awaitTimeout());
    ChangePosition from = first.get(49).position();
    List<FeedRecorder> resumed = new ArrayList<>();
    Thread writer =
        new Thread(
            () -> {
              for (int i = 100; i < 400; i++) {
                repo.add(kit().video("v" + i));
              }
            });
    writer.start();
    for (int s = 0; s < 5; s++) {
      resumed.add(subscribe(repo.changesAfter(from), Long.MAX_VALUE));
      Thread.sleep(2);
    }
    writer.join();
    List<ChangeFeedEvent> expected = reference.await(400, kit().awaitTimeout()).subList(50, 400);
    for (FeedRecorder r : resumed) {
      List<ChangeFeedEvent> got = r.await(350, kit().awaitTimeout());
      Thread.sleep(kit().quietPeriod().toMillis());
      kit()
          .expect(
              Rule.VR_17_2, "changesAfter(" + from + ") while 300 adds run", expected, r.items());
      clean(Rule.VR_17_2, r);
      kit()
          .expectThat(
              Rule.VR_17_2,
              "changesAfter(" + from + ")",
              got.size() == 350,
              "350 changes",
              got.size());
    }
  }

  /**
   * VR-17.2: {@code changes()} emits the changes of writes called after it subscribed, and none of
   * the writes of this repository object that completed before. The first subscription of a fresh
   * repository is the one tried: a backend that reads its log only while someone follows it must
   * not replay what it skipped.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_2_changesStartsAfterTheLatest() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_2);
    VideoRepository repo = kit().freshRepository();
    for (int i = 0; i < 5; i++) {
      int n = i;
      kit().ok(Rule.VR_17_2, "add(old" + i + ")", () -> repo.add(kit().video("old" + n)));
    }
    FeedRecorder live = subscribe(repo.changes(), Long.MAX_VALUE);
    Video a = kit().video("new");
    kit().ok(Rule.VR_17_2, "add(new)", () -> repo.add(a));
    live.await(1, kit().awaitTimeout());
    Thread.sleep(kit().quietPeriod().toMillis()); // changes before subscribe would arrive too
    List<ChangeFeedEvent> got = live.items();
    kit()
        .expectThat(
            Rule.VR_17_2,
            "5 x add(old) completed, then changes(), then add(new)",
            got.size() == 1 && got.get(0).change().equals(new VideoChangeEvent.Added(a)),
            "only Added(new)",
            got);
    clean(Rule.VR_17_2, live);
  }

  /**
   * VR-17.3: a subscriber that requests nothing, and one blocked in {@code onNext}, delay neither
   * the writes nor another subscriber; each gets exactly what it asks for, and all of it.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_3_slowSubscribersDelayNobodyAndMissNothing() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_3);
    VideoRepository repo = kit().freshRepositoryWithFeedLimits(10_000, 16);
    FeedRecorder idle = subscribe(repo.changesAfter(ChangePosition.START), 0);
    FeedRecorder blocked = FeedRecorder.blocking();
    repo.changesAfter(ChangePosition.START).subscribe(blocked);
    blocked.request(Long.MAX_VALUE);
    FeedRecorder eager = subscribe(repo.changesAfter(ChangePosition.START), Long.MAX_VALUE);
    for (int i = 0; i < 100; i++) {
      int n = i;
      kit()
          .ok(
              Rule.VR_17_3,
              "add(v" + i + ") while a subscriber blocks in onNext",
              () -> repo.add(kit().video("v" + n)));
    }
    kit()
        .expect(
            Rule.VR_17_3,
            "changes to a subscriber that does not block",
            100,
            eager.await(100, kit().awaitTimeout()).size());
    Thread.sleep(kit().quietPeriod().toMillis());
    kit()
        .expect(
            Rule.VR_17_3, "changes to a subscriber that requested nothing", 0, idle.items().size());
    kit()
        .expect(
            Rule.VR_17_3,
            "changes to a subscriber blocked in its first onNext",
            1,
            blocked.items().size());
    idle.request(7);
    kit()
        .expect(
            Rule.VR_17_3,
            "request(7) by the idle subscriber",
            eager.items().subList(0, 7),
            idle.await(7, kit().awaitTimeout()));
    Thread.sleep(kit().quietPeriod().toMillis());
    kit().expect(Rule.VR_17_3, "changes after request(7)", 7, idle.items().size());
    idle.request(Long.MAX_VALUE);
    blocked.release();
    kit()
        .expect(
            Rule.VR_17_3,
            "all changes, after the idle subscriber asked for them",
            eager.items(),
            idle.await(100, kit().awaitTimeout()));
    kit()
        .expect(
            Rule.VR_17_3,
            "all changes, after the blocked subscriber was released",
            eager.items(),
            blocked.await(100, kit().awaitTimeout()));
    clean(Rule.VR_17_3, idle);
    clean(Rule.VR_17_3, blocked);
    clean(Rule.VR_17_3, eager);
  }

  /**
   * VR-17.3: cancel stops the signals.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_3_cancelStopsTheChanges() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_3);
    VideoRepository repo = kit().freshRepository();
    FeedRecorder r = subscribe(repo.changes(), Long.MAX_VALUE);
    kit().ok(Rule.VR_17_3, "add(a)", () -> repo.add(kit().video("a")));
    r.await(1, kit().awaitTimeout());
    r.cancel();
    Thread.sleep(kit().quietPeriod().toMillis()); // rule 1.8: signals stop eventually
    int seen = r.items().size();
    for (int i = 0; i < 20; i++) {
      int n = i;
      kit().ok(Rule.VR_17_3, "add after cancel", () -> repo.add(kit().video("b" + n)));
    }
    Thread.sleep(kit().quietPeriod().toMillis());
    kit().expect(Rule.VR_17_3, "changes after cancel", seen, r.items().size());
  }

  /**
   * VR-17.4: resuming before the oldest kept change fails, naming both positions; resuming just
   * before it gives everything after.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_4_anExpiredPositionFailsNamingTheOldestKept() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_4);
    VideoRepository repo = kit().freshRepositoryWithFeedLimits(20, 4);
    for (int i = 0; i < 300; i++) {
      int n = i;
      kit().ok(Rule.VR_17_4, "add(v" + i + ")", () -> repo.add(kit().video("v" + n)));
    }
    FeedRecorder fromStart = subscribe(repo.changesAfter(ChangePosition.START), Long.MAX_VALUE);
    List<ChangeFeedEvent> got = fromStart.await(300, kit().awaitTimeout());
    if (got.size() == 300) {
      increasing(Rule.VR_17_4, "changesAfter(START), all kept", got);
      return; // this backend kept them all, which it may
    }
    fromStart.awaitEnd(kit().awaitTimeout());
    Throwable error = fromStart.error();
    if (!(error instanceof ChangePositionExpiredException expired)) {
      throw ContractKit.failure(
          Rule.VR_17_4,
          "changesAfter(START) after 300 changes with 20" + " kept",
          "all 300 changes, or ChangePositionExpiredException",
          got.size() + " changes, then " + error,
          error);
    }
    kit()
        .expect(
            Rule.VR_17_4,
            "ChangePositionExpiredException.position()",
            ChangePosition.START,
            expired.position());
    kit()
        .expectThat(
            Rule.VR_17_4,
            "changesAfter(START) after 300 changes with 20 kept",
            got.isEmpty(),
            "no change before the error (the first ones are gone)",
            got);
    ChangePosition oldest = expired.oldestKept();
    List<ChangeFeedEvent> rest =
        collect(repo.changesAfter(new ChangePosition(oldest.value() - 1)), -1);
    kit()
        .expectThat(
            Rule.VR_17_4,
            "changesAfter(" + (oldest.value() - 1) + ")",
            !rest.isEmpty()
                && rest.get(0).position().equals(oldest)
                && rest.get(rest.size() - 1).change().id().equals("v299"),
            "from the oldest kept, " + oldest + ", to the last change",
            rest.isEmpty()
                ? "nothing"
                : rest.get(0).position() + " to " + rest.get(rest.size() - 1));
    increasing(Rule.VR_17_4, "changesAfter(oldest - 1)", rest);
  }

  /**
   * VR-17.4: a subscriber that falls further behind than the buffer and the retention gets every
   * change without a gap, or, once the changes it needs are gone, the error naming the last
   * position it received.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_4_aSubscriberFarBehindIsFailedNeverSkipped() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_4);
    VideoRepository repo = kit().freshRepositoryWithFeedLimits(20, 4);
    FeedRecorder slow = subscribe(repo.changes(), 1);
    // What it must receive: the adds, in order (another subscriber is no reference here: with a
    // buffer of 4 and 20 kept, even an eager one may fall that far behind, and be failed too).
    List<VideoChangeEvent> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Video v = kit().video("v" + i);
      kit().ok(Rule.VR_17_4, "add(v" + i + ")", () -> repo.add(v));
      all.add(new VideoChangeEvent.Added(v));
    }
    slow.await(1, kit().awaitTimeout());
    slow.request(Long.MAX_VALUE);
    List<ChangeFeedEvent> got = slow.await(300, kit().awaitTimeout());
    if (got.size() < 300) {
      slow.awaitEnd(kit().awaitTimeout());
      got = slow.items();
      Throwable error = slow.error();
      // a fresh repository: a subscriber that received nothing is still at START
      ChangePosition last =
          got.isEmpty() ? ChangePosition.START : got.get(got.size() - 1).position();
      if (!(error instanceof ChangePositionExpiredException expired)
          || !expired.position().equals(last)) {
        throw ContractKit.failure(
            Rule.VR_17_4,
            "a subscriber 299 changes behind with 20 kept",
            "every change, or ChangePositionExpiredException naming the last one received ("
                + last
                + ")",
            got.size() + " changes, then " + error,
            error);
      }
    }
    kit()
        .expect(
            Rule.VR_17_4,
            "the changes the slow subscriber received",
            all.subList(0, got.size()),
            got.stream().map(ChangeFeedEvent::change).toList());
    increasing(Rule.VR_17_4, "the slow subscriber's changes", got);
    clean(Rule.VR_17_4, slow);
  }

  /**
   * VR-17.5: close sends the changes of the writes it drains, then completes every subscriber;
   * later subscribers and a null position fail.
   *
   * @throws Exception if interrupted
   */
  @Test
  @SuppressWarnings("NullAway") // passes null on purpose
  default void vr17_5_closeDeliversTheDrainThenCompletes() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_5);
    VideoRepository repo = kit().freshRepository();
    FeedRecorder bad = subscribe(repo.changesAfter(null), 1);
    bad.awaitEnd(kit().awaitTimeout());
    kit()
        .expectThat(
            Rule.VR_17_5,
            "changesAfter(null)",
            bad.error() instanceof InvalidArgumentException e && "position".equals(e.parameter()),
            "InvalidArgumentException of parameter position",
            bad.error());
    FeedRecorder r = subscribe(repo.changes(), Long.MAX_VALUE);
    List<CompletionStage<Video>> writes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      writes.add(repo.add(kit().video("v" + i)));
    }
    repo.close();
    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      int n = i;
      if (kit().outcome(Rule.VR_17_5, "add during close", () -> writes.get(n)).isOk()) {
        acknowledged.add("v" + i);
      }
    }
    kit()
        .expectThat(
            Rule.VR_17_5,
            "close()",
            r.awaitEnd(kit().awaitTimeout()),
            "onComplete after the changes",
            r.items().size() + " changes and no end");
    kit().expect(Rule.VR_17_5, "the end of the feed after close", null, r.error());
    kit()
        .expect(
            Rule.VR_17_5,
            "ids of the changes before onComplete",
            acknowledged,
            r.items().stream().map(ChangeFeedEvent::id).toList());
    clean(Rule.VR_17_5, r);
    FeedRecorder late = subscribe(repo.changesAfter(ChangePosition.START), 1);
    late.awaitEnd(kit().awaitTimeout());
    kit()
        .expectThat(
            Rule.VR_17_5,
            "changesAfter(START) after close",
            late.error() instanceof RepositoryClosedException,
            "RepositoryClosedException",
            late.error());
  }

  /**
   * VR-17.6: reopened storage keeps the positions and numbers on after them.
   *
   * @throws Exception if interrupted
   */
  @Test
  default void vr17_6_positionsSurviveReopening() throws Exception {
    kit().require(Capability.CHANGE_FEED, Rule.VR_17_6);
    kit().require(Capability.REOPEN, Rule.VR_17_6);
    VideoRepository repo = kit().freshRepository();
    kit().ok(Rule.VR_17_6, "add(a)", () -> repo.add(kit().video("a")));
    kit()
        .ok(
            Rule.VR_17_6,
            "addAll([b, c])",
            () -> repo.addAll(List.of(kit().video("b"), kit().video("c"))));
    kit().ok(Rule.VR_17_6, "delete(\"b\")", () -> repo.delete("b"));
    List<ChangeFeedEvent> before = collect(repo.changesAfter(ChangePosition.START), 4);
    repo.close();
    VideoRepository again = kit().reopen();
    kit()
        .expect(
            Rule.VR_17_6,
            "changesAfter(START) after reopening",
            before,
            collect(again.changesAfter(ChangePosition.START), 4));
    FeedRecorder next = subscribe(again.changesAfter(before.get(3).position()), Long.MAX_VALUE);
    kit().ok(Rule.VR_17_6, "add(d) after reopening", () -> again.add(kit().video("d")));
    List<ChangeFeedEvent> got = next.await(1, kit().awaitTimeout());
    kit()
        .expectThat(
            Rule.VR_17_6,
            "add(d) after reopening",
            got.size() == 1 && got.get(0).position().isAfter(before.get(3).position()),
            "one change after " + before.get(3).position(),
            got);
  }

  // ---- helpers ----

  private FeedRecorder subscribe(
      java.util.concurrent.Flow.Publisher<ChangeFeedEvent> feed, long request) {
    FeedRecorder r = FeedRecorder.manual();
    feed.subscribe(r);
    if (request > 0) {
      r.request(request);
    }
    return r;
  }

  /**
   * Everything a subscriber receives: {@code count} changes, or, with -1, until nothing more
   * arrives for the quiet period.
   */
  private List<ChangeFeedEvent> collect(
      java.util.concurrent.Flow.Publisher<ChangeFeedEvent> feed, int count)
      throws InterruptedException {
    FeedRecorder r = subscribe(feed, Long.MAX_VALUE);
    List<ChangeFeedEvent> got;
    if (count >= 0) {
      r.await(count, kit().awaitTimeout());
      Thread.sleep(kit().quietPeriod().toMillis());
      got = r.items();
    } else {
      int size;
      do {
        size = r.items().size();
        Thread.sleep(kit().quietPeriod().toMillis());
      } while (r.items().size() != size);
      got = r.items();
    }
    r.cancel();
    if (r.error() != null) {
      throw ContractKit.failure(
          Rule.VR_17_2, "a subscription", "changes", "onError(" + r.error() + ")", r.error());
    }
    clean(Rule.VR_17_3, r);
    return got;
  }

  private void increasing(Rule rule, String operation, List<ChangeFeedEvent> events) {
    for (int i = 1; i < events.size(); i++) {
      kit()
          .expectThat(
              rule,
              operation,
              events.get(i).position().isAfter(events.get(i - 1).position()),
              "strictly increasing positions",
              events.get(i - 1).position()
                  + " then "
                  + events.get(i).position()
                  + " at index "
                  + i);
    }
  }

  private void clean(Rule rule, FeedRecorder r) {
    kit()
        .expect(
            Rule.VR_17_3.equals(rule) ? rule : Rule.VR_17_3,
            "the Reactive Streams rules (seen by a subscriber of the feed in " + rule.id() + ")",
            List.of(),
            r.violations());
  }

  private static Map<String, Video> replay(List<ChangeFeedEvent> events) {
    Map<String, Video> state = new HashMap<>();
    for (ChangeFeedEvent e : events) {
      VideoChangeEvent c = e.change();
      if (c instanceof VideoChangeEvent.Added a) {
        state.put(a.video().id(), a.video());
      } else if (c instanceof VideoChangeEvent.Updated u) {
        state.put(u.after().id(), u.after());
      } else {
        state.remove(c.id());
      }
    }
    return state;
  }
}
