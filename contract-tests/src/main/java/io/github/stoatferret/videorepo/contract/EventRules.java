package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.DeliberateListenerFailure;
import io.github.stoatferret.videorepo.contract.internal.RecordingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Rules VR-13.*: change events. Each needs {@link Capability#CHANGE_EVENTS}. */
interface EventRules extends RuleTests {

  /**
   * VR-13.1: one event per change, in order, for a sequence of writes.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr13_1_oneEventPerCommittedChangeInOrder() throws Exception {
    kit().require(Capability.CHANGE_EVENTS, Rule.VR_13_1);
    RecordingListener listener = new RecordingListener(null);
    VideoRepository repo = kit().freshRepository(listener);
    Video a = kit().video("a");
    Video b = kit().video("b");
    Video c = kit().video("c");
    Video a2 = a.toBuilder().fileSize(1).build();
    kit().ok(Rule.VR_13_1, "add(a)", () -> repo.add(a));
    kit().ok(Rule.VR_13_1, "addAll([b, c])", () -> repo.addAll(List.of(b, c)));
    kit().ok(Rule.VR_13_1, "update(a)", () -> repo.update(a2));
    kit().ok(Rule.VR_13_1, "delete(b)", () -> repo.delete("b"));
    List<VideoChangeEvent> expected =
        List.of(
            new VideoChangeEvent.Added(a),
            new VideoChangeEvent.Added(b),
            new VideoChangeEvent.Added(c),
            VideoChangeEvent.Updated.of(a, a2),
            new VideoChangeEvent.Deleted(b));
    kit()
        .expect(
            Rule.VR_13_1,
            "events of add, addAll, update, delete",
            expected,
            listener.await(expected.size(), kit().awaitTimeout(), kit().quietPeriod()));
  }

  /**
   * VR-13.1: under concurrent writers, the events replay to exactly the final state.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr13_1_concurrentEventsReplayToTheFinalState() throws Exception {
    kit().require(Capability.CHANGE_EVENTS, Rule.VR_13_1);
    RecordingListener listener = new RecordingListener(null);
    VideoRepository repo = kit().freshRepository(listener);
    List<CompletionStage<?>> writes = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < 100; i++) {
                  String id = "v" + (i % 10);
                  writes.add(repo.add(kit().video(id, "/p" + i % 7)));
                  writes.add(repo.update(kit().video(id, "/p" + (i % 5))));
                  writes.add(repo.delete("v" + (i % 3)));
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    for (CompletionStage<?> w : writes) {
      kit().outcome(Rule.VR_13_1, "a concurrent write", () -> w);
    }
    Map<String, Video> actual = new HashMap<>();
    kit().all(Rule.VR_13_1, repo).forEach(v -> actual.put(v.id(), v));
    // Events may trail the writes' stages: replay what has arrived until it reaches the stored
    // state, or the await timeout passes.
    long deadline = System.nanoTime() + kit().awaitTimeout().toNanos();
    Map<String, Video> replayed;
    List<VideoChangeEvent> events;
    do {
      events = listener.await(0, Duration.ZERO, kit().quietPeriod().dividedBy(4));
      replayed = replay(events);
    } while (!replayed.equals(actual) && System.nanoTime() < deadline);
    kit()
        .expect(
            Rule.VR_13_1,
            "state replayed from " + events.size() + " events vs the stored state",
            actual,
            replayed);
    kit()
        .expect(
            Rule.VR_13_1, "listener called from two threads at once", false, listener.overlapped());
  }

  /**
   * VR-13.2
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr13_2_updatedEventNamesTheChangedFields() throws Exception {
    kit().require(Capability.CHANGE_EVENTS, Rule.VR_13_2);
    RecordingListener listener = new RecordingListener(null);
    VideoRepository repo = kit().freshRepository(listener);
    Video a = kit().video("a", "/old");
    kit().ok(Rule.VR_13_2, "add(a)", () -> repo.add(a));
    Video moved =
        a.toBuilder()
            .path("/new")
            .fileSize(1)
            .audioCodec(null)
            .createdAt(a.createdAt().minusSeconds(5))
            .build();
    Video stored = kit().ok(Rule.VR_13_2, "update(a)", () -> repo.update(moved));
    List<VideoChangeEvent> events = listener.await(2, kit().awaitTimeout(), kit().quietPeriod());
    kit().expect(Rule.VR_13_2, "events", 2, events.size());
    VideoChangeEvent.Updated expected =
        new VideoChangeEvent.Updated(a, stored, List.of("path", "audioCodec", "fileSize"));
    kit().expect(Rule.VR_13_2, "the Updated event of update(a)", expected, events.get(1));
  }

  /**
   * VR-13.3
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @SuppressWarnings("NullAway") // add(null) on purpose: a failed call sends no event
  @Test
  default void vr13_3_failedOperationsSendNoEvent() throws Exception {
    kit().require(Capability.CHANGE_EVENTS, Rule.VR_13_3);
    RecordingListener listener = new RecordingListener(null);
    VideoRepository repo = kit().freshRepository(listener);
    Video a = kit().video("a");
    kit().ok(Rule.VR_13_3, "add(a)", () -> repo.add(a));
    kit().outcome(Rule.VR_13_3, "add(a) again", () -> repo.add(a));
    kit().outcome(Rule.VR_13_3, "addAll([b, a])", () -> repo.addAll(List.of(kit().video("b"), a)));
    kit().outcome(Rule.VR_13_3, "update(absent)", () -> repo.update(kit().video("absent")));
    kit().outcome(Rule.VR_13_3, "delete(absent)", () -> repo.delete("absent"));
    kit().outcome(Rule.VR_13_3, "add(null)", () -> repo.add(null));
    kit()
        .expect(
            Rule.VR_13_3,
            "events after one add and five failures or no-ops",
            List.of(new VideoChangeEvent.Added(a)),
            listener.await(1, kit().awaitTimeout(), kit().quietPeriod()));
  }

  /**
   * VR-13.4
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr13_4_throwingListenerFailsNothing() throws Exception {
    kit().require(Capability.CHANGE_EVENTS, Rule.VR_13_4);
    RecordingListener listener = new RecordingListener(new DeliberateListenerFailure());
    VideoRepository repo = kit().freshRepository(listener);
    Video a = kit().video("a");
    kit().ok(Rule.VR_13_4, "add(a) with a throwing listener", () -> repo.add(a));
    kit()
        .ok(
            Rule.VR_13_4,
            "update(a) with a throwing listener",
            () -> repo.update(a.toBuilder().fileSize(2).build()));
    kit().ok(Rule.VR_13_4, "delete(a) with a throwing listener", () -> repo.delete("a"));
    kit()
        .expect(
            Rule.VR_13_4,
            "events delivered to a throwing listener",
            3,
            listener.await(3, kit().awaitTimeout(), kit().quietPeriod()).size());
  }

  /**
   * Replays events onto an empty state, checking each against the state before it.
   *
   * @param events the events in delivery order
   * @return the state they lead to
   */
  private Map<String, Video> replay(List<VideoChangeEvent> events) {
    Map<String, Video> state = new HashMap<>();
    int index = 0;
    for (VideoChangeEvent e : events) {
      String where = "event " + index++ + " of " + events.size() + ": " + e;
      if (e instanceof VideoChangeEvent.Added added) {
        kit()
            .expectThat(
                Rule.VR_13_1,
                where,
                state.put(e.id(), added.video()) == null,
                "the id to be absent before an Added event",
                "present");
      } else if (e instanceof VideoChangeEvent.Updated u) {
        kit().expect(Rule.VR_13_1, where, u.before(), state.put(e.id(), u.after()));
      } else if (e instanceof VideoChangeEvent.Deleted d) {
        kit().expect(Rule.VR_13_1, where, d.video(), state.remove(e.id()));
      }
    }
    return state;
  }
}
