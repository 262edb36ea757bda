package io.github.stoatferret.videorepo.contract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.Video;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The kit's subscriber tells a correct synchronous publisher (which may deliver from inside {@code
 * request}) from broken ones: signals from two threads at once (rule 1.3), unbounded recursion
 * (rule 3.3), and more items than requested.
 */
class RecordingSubscriberTest {

  private static final List<Video> VIDEOS =
      IntStream.range(0, 50)
          .mapToObj(
              i ->
                  Video.builder()
                      .id("v" + i)
                      .path("/v/" + i)
                      .filename(i + ".mp4")
                      .frameRate(25, 1)
                      .videoCodec("h264")
                      .timestamps(Instant.parse("2024-01-01T00:00:00Z"))
                      .build())
          .toList();

  /** One subscription to the test publisher; the publisher's strategy serves its demand. */
  private static final class Sub implements Flow.Subscription {
    private final Flow.Subscriber<? super Video> s;
    private final Consumer<Sub> strategy;
    private int next;
    private long demand;
    private boolean emitting;
    private boolean cancelled;

    Sub(Flow.Subscriber<? super Video> s, Consumer<Sub> strategy) {
      this.s = s;
      this.strategy = strategy;
    }

    @Override
    public void request(long n) {
      demand += n;
      strategy.accept(this);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    /** A trampoline: a request inside onNext only adds demand for the loop already running. */
    void drain() {
      if (emitting) {
        return;
      }
      emitting = true;
      while (demand > 0 && next < VIDEOS.size() && !cancelled) {
        demand--;
        s.onNext(VIDEOS.get(next++));
      }
      emitting = false;
      if (next == VIDEOS.size() && !cancelled) {
        next++;
        s.onComplete();
      }
    }

    /** No trampoline: every request emits at once, inside the caller's onNext. */
    void recurse() {
      if (demand > 0 && next < VIDEOS.size()) {
        demand--;
        s.onNext(VIDEOS.get(next++));
      } else if (next == VIDEOS.size()) {
        next++;
        s.onComplete();
      }
    }

    /** Ignores demand. */
    void emitAll() {
      if (emitting) {
        return;
      }
      emitting = true;
      while (next < VIDEOS.size()) {
        s.onNext(VIDEOS.get(next++));
      }
      next++;
      s.onComplete();
    }
  }

  private static Flow.Publisher<Video> publisher(Consumer<Sub> strategy) {
    return s -> s.onSubscribe(new Sub(s, strategy));
  }

  private static List<String> run(Flow.Publisher<Video> publisher, int batch) throws Exception {
    RecordingSubscriber s = new RecordingSubscriber(batch, Integer.MAX_VALUE);
    publisher.subscribe(s);
    assertTrue(s.await(Duration.ofSeconds(10)), "the publisher ends");
    List<String> found = new ArrayList<>(s.violations());
    if (found.isEmpty()) {
      assertEquals(VIDEOS, s.items());
    }
    return found;
  }

  @Test
  void aSynchronousPublisherThatDeliversInsideRequestPasses() throws Exception {
    Flow.Publisher<Video> trampolined = publisher(Sub::drain);
    for (int batch : new int[] {1, 7, 1000}) {
      assertEquals(List.of(), run(trampolined, batch), "batch " + batch);
    }
  }

  @Test
  void signalsFromTwoThreadsAtOnceBreakRule13() throws Exception {
    // Delivers each item from a new thread while the caller of request (the subscriber, inside
    // its own signal) is still waiting for it: two threads inside the subscriber at once.
    Flow.Publisher<Video> twoThreads =
        publisher(
            sub -> {
              Thread t = new Thread(sub::drain);
              t.start();
              try {
                t.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    List<String> violations = run(twoThreads, 10);
    assertTrue(violations.stream().anyMatch(v -> v.contains("rule 1.3")), violations.toString());
  }

  @Test
  void unboundedRecursionBreaksRule33() throws Exception {
    Flow.Publisher<Video> recursive = publisher(Sub::recurse);
    List<String> violations = run(recursive, 1);
    assertTrue(violations.stream().anyMatch(v -> v.contains("rule 3.3")), violations.toString());
    assertTrue(violations.stream().noneMatch(v -> v.contains("rule 1.3")), violations.toString());
  }

  @Test
  void aPublisherThatIgnoresDemandIsCaught() throws Exception {
    Flow.Publisher<Video> flood = publisher(Sub::emitAll);
    RecordingSubscriber honest = RecordingSubscriber.requestingOnlyWhenAsked(5);
    publisher(Sub::drain).subscribe(honest);
    assertEquals(5, honest.items().size());
    honest.request(100);
    assertTrue(honest.await(Duration.ofSeconds(10)));
    assertEquals(List.of(), honest.violations());
    RecordingSubscriber flooded = RecordingSubscriber.requestingOnlyWhenAsked(5);
    flood.subscribe(flooded);
    assertTrue(
        flooded.violations().stream().anyMatch(v -> v.contains("beyond demand")),
        flooded.violations().toString());
  }
}
