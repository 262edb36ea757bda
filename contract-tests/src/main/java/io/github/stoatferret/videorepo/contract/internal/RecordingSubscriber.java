package io.github.stoatferret.videorepo.contract.internal;

import io.github.stoatferret.videorepo.Video;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber that requests in fixed batches and records what it receives, and every breach of
 * the Reactive Streams rules it can see: more items than requested, signals after the end,
 * signals from two threads at once.
 */
public final class RecordingSubscriber implements Flow.Subscriber<Video> {

  private final int batch;
  private final int cancelAfter;
  // Synchronized lists rather than synchronized signals, which would hide overlapping signals.
  private final List<Video> items = Collections.synchronizedList(new ArrayList<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicInteger inside = new AtomicInteger();
  private Flow.@Nullable Subscription subscription;
  private long outstanding;
  private volatile boolean completed;
  private volatile @Nullable Throwable error;

  /**
   * Makes a subscriber.
   *
   * @param batch how many items to request at a time, after the previous batch arrived
   * @param cancelAfter cancel once this many items arrived ({@code Integer.MAX_VALUE}: never)
   */
  public RecordingSubscriber(int batch, int cancelAfter) {
    this.batch = batch;
    this.cancelAfter = cancelAfter;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    enter("onSubscribe");
    if (subscription != null) {
      violations.add("onSubscribe called twice");
    }
    subscription = s;
    outstanding = batch;
    s.request(batch);
    exit();
  }

  @Override
  public void onNext(Video item) {
    enter("onNext");
    if (done.getCount() == 0) {
      violations.add("onNext after the end");
    }
    if (outstanding == 0) {
      violations.add("onNext beyond demand: item " + (items.size() + 1) + " with nothing"
          + " requested (batch " + batch + ")");
    }
    outstanding--;
    items.add(item);
    Flow.Subscription s = Objects.requireNonNull(subscription, "onNext before onSubscribe");
    if (items.size() == cancelAfter) {
      s.cancel();
      done.countDown();
    } else if (outstanding == 0) {
      outstanding = batch;
      s.request(batch);
    }
    exit();
  }

  @Override
  public void onError(Throwable t) {
    enter("onError");
    error = t;
    done.countDown();
    exit();
  }

  @Override
  public void onComplete() {
    enter("onComplete");
    if (completed) {
      violations.add("onComplete twice");
    }
    completed = true;
    done.countDown();
    exit();
  }

  private void enter(String signal) {
    if (inside.getAndIncrement() != 0) {
      violations.add(signal + " while another signal was running (rule 1.3)");
    }
  }

  private void exit() {
    inside.decrementAndGet();
  }

  /**
   * Waits for completion, an error, or the cancel point.
   *
   * @param timeout how long
   * @return whether it ended in time
   * @throws InterruptedException if interrupted
   */
  public boolean await(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The items received.
   *
   * @return a copy
   */
  public List<Video> items() {
    synchronized (items) {
      return new ArrayList<>(items);
    }
  }

  /**
   * The rule breaches seen.
   *
   * @return a copy
   */
  public List<String> violations() {
    synchronized (violations) {
      return new ArrayList<>(violations);
    }
  }

  /**
   * Whether onComplete arrived.
   *
   * @return true if so
   */
  public boolean completed() {
    return completed;
  }

  /**
   * The error received, if any.
   *
   * @return the error or null
   */
  public @Nullable Throwable error() {
    return error;
  }
}
