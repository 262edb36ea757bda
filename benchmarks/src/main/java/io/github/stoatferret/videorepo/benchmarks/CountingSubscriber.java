package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** A feed subscriber with unbounded demand that counts what it receives. */
final class CountingSubscriber implements Flow.Subscriber<ChangeFeedEvent> {

  private final AtomicLong received;
  private volatile Flow.Subscription subscription;
  private volatile Throwable error;

  /** Counts into a counter of its own. */
  CountingSubscriber() {
    this(new AtomicLong());
  }

  /** Counts into a counter shared with other subscribers. */
  CountingSubscriber(AtomicLong received) {
    this.received = received;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(ChangeFeedEvent item) {
    received.incrementAndGet();
  }

  @Override
  public void onError(Throwable throwable) {
    error = throwable;
  }

  @Override
  public void onComplete() {}

  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  /** Waits until the counter reaches {@code n}; fails after a minute or on the feed's error. */
  void awaitAtLeast(long n) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (received.get() < n) {
      if (error != null) {
        throw new IllegalStateException("the feed failed", error);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + received.get() + " of " + n + " changes");
      }
      LockSupport.parkNanos(20_000);
    }
  }
}
