package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.RecordingSubscriber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** Rules VR-11.*: {@code stream}. */
interface StreamRules extends RuleTests {

  /**
   * VR-11.1: with any request size, the stream emits the list in order, never beyond demand.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr11_1_streamEmitsTheListWithBackPressure() throws Exception {
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      batch.add(
          kit().video("v" + i, "/v" + i, Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i / 4)));
    }
    kit().ok(Rule.VR_11_1, "addAll(600)", () -> repo.addAll(batch));
    List<Video> all = kit().all(Rule.VR_11_1);
    for (int size : new int[] {1, 7, 256, 1000, Integer.MAX_VALUE}) {
      RecordingSubscriber s = new RecordingSubscriber(size, Integer.MAX_VALUE);
      String op = "stream() requesting " + size + " at a time";
      subscribe(repo.stream(), s, op);
      expectWhole(s, all, op);
    }
  }

  /**
   * VR-11.1: with a subscriber that asks for 3 and then waits, at most 3 arrive; once it asks for
   * the rest, everything does.
   *
   * @throws Exception if the test is interrupted
   */
  @Test
  default void vr11_1_streamNeverEmitsBeyondDemand() throws Exception {
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(kit().video("v" + i));
    }
    kit().ok(Rule.VR_11_1, "addAll(20)", () -> repo.addAll(batch));
    List<Video> all = kit().all(Rule.VR_11_1);
    RecordingSubscriber s = RecordingSubscriber.requestingOnlyWhenAsked(3);
    String op = "stream() with request(3), then a pause";
    subscribe(repo.stream(), s, op);
    Thread.sleep(kit().quietPeriod().toMillis()); // time for an asynchronous publisher to flood
    kit().expect(Rule.VR_11_1, op + ": violations", List.of(), s.violations());
    kit()
        .expectThat(
            Rule.VR_11_1,
            op,
            s.items().size() <= 3,
            "at most 3 items",
            s.items().size() + " items");
    s.request(Long.MAX_VALUE);
    kit()
        .expectThat(
            Rule.VR_11_1,
            op + ", then request(Long.MAX_VALUE)",
            s.await(kit().awaitTimeout()) && s.completed(),
            "onComplete",
            "error " + s.error());
    kit().expect(Rule.VR_11_1, op + ", then request(Long.MAX_VALUE)", all, s.items());
    kit().expect(Rule.VR_11_1, op + ": violations", List.of(), s.violations());
  }

  /**
   * VR-11.1: an empty repository completes at once; cancel stops the flow.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr11_1_emptyStreamCompletesAndCancelStops() throws Exception {
    VideoRepository repo = kit().repository();
    RecordingSubscriber empty = new RecordingSubscriber(10, Integer.MAX_VALUE);
    subscribe(repo.stream(), empty, "stream() of an empty repository");
    kit()
        .expectThat(
            Rule.VR_11_1,
            "stream() of an empty repository",
            empty.await(kit().awaitTimeout()) && empty.completed(),
            "onComplete",
            "none");
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      batch.add(kit().video("v" + i));
    }
    kit().ok(Rule.VR_11_1, "addAll(50)", () -> repo.addAll(batch));
    RecordingSubscriber cancelling = new RecordingSubscriber(4, 10);
    subscribe(repo.stream(), cancelling, "stream() cancelled after 10");
    cancelling.await(kit().awaitTimeout());
    Thread.sleep(kit().quietPeriod().toMillis());
    kit()
        .expect(
            Rule.VR_11_1,
            "stream() cancelled after 10: items received",
            10,
            cancelling.items().size());
    kit()
        .expect(
            Rule.VR_11_1,
            "stream() cancelled after 10: violations",
            List.of(),
            cancelling.violations());
  }

  /**
   * VR-11.2: videos present throughout a stream appear once, whatever writers do.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr11_2_streamIsWeaklyConsistentUnderWrites() throws Exception {
    VideoRepository repo = kit().repository();
    List<Video> stable = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      stable.add(kit().video("s" + i));
    }
    kit().ok(Rule.VR_11_2, "addAll(400)", () -> repo.addAll(stable));
    RecordingSubscriber s = new RecordingSubscriber(3, Integer.MAX_VALUE);
    Thread writer =
        new Thread(
            () -> {
              for (int i = 0; i < 300 && !s.completed(); i++) {
                repo.add(kit().video("w" + i)).toCompletableFuture().join();
                repo.delete("w" + (i / 2)).toCompletableFuture().join();
              }
            });
    writer.start();
    subscribe(repo.stream(), s, "stream() during writes");
    boolean ended = s.await(kit().awaitTimeout());
    writer.join();
    kit()
        .expectThat(
            Rule.VR_11_2,
            "stream() during writes",
            ended && s.completed(),
            "onComplete",
            "error " + s.error());
    Set<String> seen = new HashSet<>();
    for (Video v : s.items()) {
      kit()
          .expectThat(
              Rule.VR_11_2,
              "stream() during writes",
              seen.add(v.id()),
              "each video once",
              v.id() + " twice");
    }
    for (Video v : stable) {
      kit()
          .expectThat(
              Rule.VR_11_2,
              "stream() during writes",
              seen.contains(v.id()),
              "every stable video",
              v.id() + " missing");
    }
  }

  /**
   * VR-11.2: writes made between requests, without any thread racing, neither repeat nor skip a
   * video present throughout: newer videos added at the front shift every later position, which a
   * walk by offsets does not survive.
   *
   * @throws Exception if the test is interrupted
   */
  @Test
  default void vr11_2_writesBetweenRequestsNeitherRepeatNorSkip() throws Exception {
    VideoRepository repo = kit().repository();
    List<Video> stable = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      stable.add(
          kit().video("s" + i, "/s" + i, Instant.parse("2021-01-01T00:00:00Z").plusSeconds(i)));
    }
    kit().ok(Rule.VR_11_2, "addAll(600 stable)", () -> repo.addAll(stable));
    RecordingSubscriber s = RecordingSubscriber.requestingOnlyWhenAsked(50);
    String op =
        "stream() requesting 50 at a time, adding 3 newer videos and deleting 1 between"
            + " requests";
    subscribe(repo.stream(), s, op);
    int round = 0;
    while (s.awaitItems(50 * (round + 1), kit().awaitTimeout()) && !s.completed()) {
      for (int k = 0; k < 3; k++) {
        Video newer = kit().video("n" + round + "-" + k);
        kit().ok(Rule.VR_11_2, "add(" + newer.id() + ")", () -> repo.add(newer));
      }
      String gone = "n" + round + "-0";
      kit().ok(Rule.VR_11_2, "delete(" + gone + ")", () -> repo.delete(gone));
      round++;
      s.request(50);
    }
    kit()
        .expectThat(
            Rule.VR_11_2,
            op,
            s.await(kit().awaitTimeout()) && s.completed(),
            "onComplete",
            "error " + s.error() + " after " + s.items().size() + " items");
    Set<String> seen = new HashSet<>();
    for (Video v : s.items()) {
      kit().expectThat(Rule.VR_11_2, op, seen.add(v.id()), "each video once", v.id() + " twice");
    }
    for (Video v : stable) {
      kit()
          .expectThat(
              Rule.VR_11_2, op, seen.contains(v.id()), "every stable video", v.id() + " missing");
    }
  }

  /**
   * VR-11.1: one publisher serves any number of subscriptions, one after another and at once, each
   * the whole list: nothing of a walk is shared between them.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr11_1_onePublisherServesEverySubscriptionWhole() throws Exception {
    VideoRepository repo = kit().repository();
    List<Video> batch = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      batch.add(kit().video("v" + i));
    }
    kit().ok(Rule.VR_11_1, "addAll(150)", () -> repo.addAll(batch));
    List<Video> all = kit().all(Rule.VR_11_1);
    Flow.Publisher<Video> publisher = repo.stream();
    for (int round = 1; round <= 3; round++) {
      String op = "subscription " + round + " of 3 in turn to one stream() publisher";
      RecordingSubscriber s = new RecordingSubscriber(16, Integer.MAX_VALUE);
      subscribe(publisher, s, op);
      expectWhole(s, all, op);
    }
    List<RecordingSubscriber> together = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
    for (int i = 0; i < 4; i++) {
      RecordingSubscriber s = new RecordingSubscriber(1 + i * 10, Integer.MAX_VALUE);
      together.add(s);
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  publisher.subscribe(s);
                } catch (Exception e) {
                  s.onError(e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(kit().awaitTimeout().toMillis());
    }
    for (int i = 0; i < together.size(); i++) {
      expectWhole(
          together.get(i), all, "subscription " + (i + 1) + " of 4 at once to the same publisher");
    }
  }

  private void expectWhole(RecordingSubscriber s, List<Video> all, String op)
      throws InterruptedException {
    kit()
        .expectThat(
            Rule.VR_11_1,
            op,
            s.await(kit().awaitTimeout()),
            "completion",
            "no onComplete within " + kit().awaitTimeout());
    kit().expect(Rule.VR_11_1, op + ": error", null, s.error());
    kit().expect(Rule.VR_11_1, op + ": violations", List.of(), s.violations());
    kit().expect(Rule.VR_11_1, op, all, s.items());
  }

  private void subscribe(Flow.Publisher<Video> publisher, RecordingSubscriber s, String op) {
    try {
      publisher.subscribe(s);
    } catch (RuntimeException e) {
      throw ContractKit.failure(Rule.VR_11_1, op, "subscribe to return", "it threw " + e, e);
    }
  }
}
