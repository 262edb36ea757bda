package io.github.stoatferret.videorepo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's promises (VR-17.2 to VR-17.5) over a {@link ChangeWindow}: the seam between kept and
 * live changes, a full buffer, an expired position, close.
 */
class ChangeHubTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(3);
  private final ChangeWindow window = new ChangeWindow(1_000, "test repository");
  private final ChangeHub hub =
      new ChangeHub("test repository", window, executor, 8, ChangePosition.START);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** The next change: a video added at the window's next position. */
  private ChangeFeedEvent nextAdded() {
    ChangePosition p = window.next();
    Video v =
        Video.builder()
            .id("v" + p)
            .path("/" + p)
            .filename(p + ".mp4")
            .frameRate(25, 1)
            .videoCodec("h264")
            .timestamps(Instant.EPOCH)
            .build();
    return new ChangeFeedEvent(p, new VideoChangeEvent.Added(v));
  }

  private void write(int count) {
    for (int i = 0; i < count; i++) {
      ChangeFeedEvent e = nextAdded();
      synchronized (this) { // the backend's commit order
        window.append(e);
        hub.publish(e);
      }
      hub.deliver();
    }
  }

  @Test
  void aLiveSubscriberGetsWhatIsPublishedAfterItSubscribed() throws Exception {
    write(3);
    Recorder r = new Recorder(Long.MAX_VALUE);
    hub.live().subscribe(r);
    write(5);
    assertEquals(List.of(4L, 5L, 6L, 7L, 8L), r.positions(5));
  }

  /** Appends to the history only: changes committed while nobody followed the feed. */
  private void writeUnpublished(int count) {
    for (int i = 0; i < count; i++) {
      window.append(nextAdded());
    }
  }

  @Test
  void skipToStartsNewLiveSubscribersAfterItAndSendsLiveOnesToTheHistory() throws Exception {
    write(2);
    Recorder early = new Recorder(Long.MAX_VALUE);
    hub.live().subscribe(early);
    writeUnpublished(5); // 3..7, which the hub never saw
    hub.skipTo(new ChangePosition(7));
    hub.deliver();
    Recorder late = new Recorder(Long.MAX_VALUE);
    hub.live().subscribe(late);
    write(2); // 8, 9
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L), early.positions(7));
    assertEquals(List.of(8L, 9L), late.positions(2));
    assertEquals(new ChangePosition(9), hub.last());
  }

  @Test
  void resumingWhileWritesGoOnHasNoGapAndNoDuplicate() throws Exception {
    write(300);
    Recorder r = new Recorder(Long.MAX_VALUE);
    Thread writer = new Thread(() -> write(600));
    writer.start();
    hub.after(new ChangePosition(100)).subscribe(r);
    writer.join();
    List<Long> got = r.positions(800);
    for (int i = 0; i < got.size(); i++) {
      assertEquals(101 + i, got.get(i));
    }
  }

  @Test
  void aSubscriberWhoseBufferOverflowsReadsTheRestFromTheHistory() throws Exception {
    Recorder r = new Recorder(1);
    hub.live().subscribe(r);
    write(100); // buffer of 8: it overflows long before the subscriber asks for more
    assertEquals(List.of(1L), r.positions(1));
    r.request(Long.MAX_VALUE);
    List<Long> got = r.positions(99);
    assertEquals(2L, got.get(0));
    assertEquals(100L, got.get(98));
  }

  @Test
  void aPositionNoLongerKeptFailsNamingItAndTheOldestKept() throws Exception {
    write(1_200); // the window keeps 201 to 1200
    Recorder r = new Recorder(Long.MAX_VALUE);
    hub.after(new ChangePosition(50)).subscribe(r);
    ChangePositionExpiredException e =
        assertInstanceOf(ChangePositionExpiredException.class, r.error());
    assertEquals(new ChangePosition(50), e.position());
    assertEquals(new ChangePosition(201), e.oldestKept());
    Recorder ok = new Recorder(Long.MAX_VALUE);
    hub.after(new ChangePosition(200)).subscribe(ok);
    assertEquals(201L, ok.positions(1000).get(0));
  }

  @Test
  void closeCompletesALiveSubscriberAfterItsBufferAndRefusesLaterOnes() throws Exception {
    Recorder r = new Recorder(Long.MAX_VALUE);
    hub.live().subscribe(r);
    write(5);
    hub.close();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), r.positions(5));
    assertTrue(r.completed.await(5, TimeUnit.SECONDS));
    Recorder late = new Recorder(1);
    hub.after(ChangePosition.START).subscribe(late);
    assertInstanceOf(RepositoryClosedException.class, late.error());
    assertEquals(0, hub.subscribers());
  }

  @Test
  void aNullPositionIsAnInvalidArgument() throws Exception {
    Recorder r = new Recorder(1);
    hub.after(null).subscribe(r);
    InvalidArgumentException e = assertInstanceOf(InvalidArgumentException.class, r.error());
    assertEquals("position", e.parameter());
  }

  @Test
  void cancelForgetsTheSubscriber() throws Exception {
    Recorder r = new Recorder(Long.MAX_VALUE);
    hub.live().subscribe(r);
    write(1);
    r.positions(1);
    r.subscription().cancel();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (hub.subscribers() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(0, hub.subscribers());
  }

  /** Records what a subscriber receives; requests a number up front. */
  static final class Recorder implements Flow.Subscriber<ChangeFeedEvent> {
    private final long initial;
    private final BlockingQueue<ChangeFeedEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    final java.util.concurrent.CountDownLatch completed =
        new java.util.concurrent.CountDownLatch(1);
    private volatile Flow.@Nullable Subscription subscription;

    Recorder(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(initial);
    }

    @Override
    public void onNext(ChangeFeedEvent item) {
      events.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
      errors.add(throwable);
    }

    @Override
    public void onComplete() {
      completed.countDown();
    }

    Flow.Subscription subscription() {
      Flow.Subscription s = subscription;
      if (s == null) {
        throw new AssertionError("not subscribed");
      }
      return s;
    }

    void request(long n) {
      subscription().request(n);
    }

    List<Long> positions(int count) throws InterruptedException {
      List<Long> out = new ArrayList<>();
      while (out.size() < count) {
        ChangeFeedEvent e = events.poll(5, TimeUnit.SECONDS);
        if (e == null) {
          throw new AssertionError("only " + out + " arrived; errors " + errors);
        }
        out.add(e.position().value());
      }
      return out;
    }

    Throwable error() throws InterruptedException {
      Throwable t = errors.poll(5, TimeUnit.SECONDS);
      if (t == null) {
        throw new AssertionError("no error arrived; events " + events);
      }
      return t;
    }
  }
}
