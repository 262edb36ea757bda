package io.github.stoatferret.videorepo.contract.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A change-feed subscriber that records what it receives and every breach of the Reactive Streams
 * rules it can see: more items than requested, signals after the end, two threads signalling at
 * once. It may hold each {@code onNext} until {@link #release()}, to play a subscriber that blocks.
 */
public final class FeedRecorder implements Flow.Subscriber<ChangeFeedEvent> {

  private final List<ChangeFeedEvent> items = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final AtomicInteger inside = new AtomicInteger();
  private final CountDownLatch gate;
  private final CountDownLatch ended = new CountDownLatch(1);
  private Flow.@Nullable Subscription subscription;
  private long outstanding;
  private boolean done;
  private @Nullable Throwable error;

  private FeedRecorder(boolean blocking) {
    gate = new CountDownLatch(blocking ? 1 : 0);
  }

  /**
   * A subscriber that requests only when told to.
   *
   * @return the subscriber
   */
  public static FeedRecorder manual() {
    return new FeedRecorder(false);
  }

  /**
   * A subscriber whose every {@code onNext} waits until {@link #release()}.
   *
   * @return the subscriber
   */
  public static FeedRecorder blocking() {
    return new FeedRecorder(true);
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription s) {
    if (subscription != null) {
      violations.add("onSubscribe called twice (rule 2.5)");
      s.cancel();
      return;
    }
    subscription = s;
  }

  /**
   * Requests more.
   *
   * @param n how many
   */
  public void request(long n) {
    Flow.Subscription s;
    synchronized (this) {
      s = subscription;
      outstanding = outstanding + n < 0 ? Long.MAX_VALUE : outstanding + n;
    }
    if (s == null) {
      throw new IllegalStateException("onSubscribe has not been called");
    }
    s.request(n);
  }

  /** Cancels the subscription. */
  public void cancel() {
    Flow.Subscription s;
    synchronized (this) {
      s = subscription;
    }
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void onNext(ChangeFeedEvent item) {
    enter();
    try {
      synchronized (this) {
        if (done) {
          violations.add("onNext(" + item.position() + ") after the end (rule 1.7)");
        } else if (outstanding == 0) {
          violations.add("onNext(" + item.position() + ") beyond the demand (rule 1.1)");
        } else if (outstanding != Long.MAX_VALUE) {
          outstanding--;
        }
        items.add(item);
        notifyAll();
      }
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inside.decrementAndGet();
    }
  }

  @Override
  public void onError(Throwable throwable) {
    end(throwable);
  }

  @Override
  public void onComplete() {
    end(null);
  }

  private void end(@Nullable Throwable failure) {
    enter();
    try {
      synchronized (this) {
        if (done) {
          violations.add("a second terminal signal (rule 1.7)");
        }
        done = true;
        error = failure;
        notifyAll();
      }
      ended.countDown();
    } finally {
      inside.decrementAndGet();
    }
  }

  private void enter() {
    if (inside.incrementAndGet() > 1) {
      synchronized (this) {
        violations.add("signalled from two threads at once (rule 1.3)");
      }
    }
  }

  /** Lets every held and later {@code onNext} return. */
  public void release() {
    gate.countDown();
  }

  /**
   * Waits until at least {@code count} items arrived or the feed ended, or the timeout passed.
   *
   * @param count how many items
   * @param timeout how long at most
   * @return the items received so far
   * @throws InterruptedException if interrupted
   */
  public synchronized List<ChangeFeedEvent> await(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (items.size() < count && !done) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(items);
  }

  /**
   * Waits for the terminal signal.
   *
   * @param timeout how long at most
   * @return whether it came
   * @throws InterruptedException if interrupted
   */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * What was received so far.
   *
   * @return a copy
   */
  public synchronized List<ChangeFeedEvent> items() {
    return List.copyOf(items);
  }

  /**
   * Whether the feed ended.
   *
   * @return {@code true} after {@code onComplete} or {@code onError}
   */
  public synchronized boolean isDone() {
    return done;
  }

  /**
   * The error it ended with.
   *
   * @return the error, or {@code null} if it completed or is still going
   */
  public synchronized @Nullable Throwable error() {
    return error;
  }

  /**
   * The breaches of the Reactive Streams rules seen.
   *
   * @return a copy, empty if none
   */
  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }
}
