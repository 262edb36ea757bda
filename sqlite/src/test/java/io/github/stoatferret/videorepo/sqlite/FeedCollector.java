package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Collects the changes of a feed with unbounded demand, for tests that read a log back. */
final class FeedCollector implements Flow.Subscriber<ChangeFeedEvent> {

  private final List<ChangeFeedEvent> got = new ArrayList<>();
  private Flow.@Nullable Subscription subscription;
  private @Nullable Throwable error;
  private boolean ended;

  private FeedCollector() {}

  /**
   * Subscribes; the feeds of this library register the subscriber before this returns.
   *
   * @param feed the feed
   * @return the collector
   */
  static FeedCollector subscribe(Flow.Publisher<ChangeFeedEvent> feed) {
    FeedCollector c = new FeedCollector();
    feed.subscribe(c);
    return c;
  }

  /**
   * Subscribes, waits for {@code count} changes or the end of the feed, and cancels.
   *
   * @param feed the feed
   * @param count how many changes to wait for
   * @param timeout how long at most
   * @return what arrived, in order
   * @throws InterruptedException if interrupted
   * @throws AssertionError if the feed failed
   */
  static List<ChangeFeedEvent> first(
      Flow.Publisher<ChangeFeedEvent> feed, int count, Duration timeout)
      throws InterruptedException {
    FeedCollector c = subscribe(feed);
    try {
      return c.await(count, timeout);
    } finally {
      c.cancel();
    }
  }

  /**
   * Waits for {@code count} changes or the end of the feed.
   *
   * @param count how many changes
   * @param timeout how long at most
   * @return what arrived so far, in order
   * @throws InterruptedException if interrupted
   * @throws AssertionError if the feed failed
   */
  synchronized List<ChangeFeedEvent> await(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (got.size() < count && !ended) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    if (error != null) {
      throw new AssertionError("the feed failed after " + got.size() + " changes", error);
    }
    return List.copyOf(got);
  }

  synchronized void cancel() {
    if (subscription != null) {
      subscription.cancel();
    }
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public synchronized void onNext(ChangeFeedEvent item) {
    got.add(item);
    notifyAll();
  }

  @Override
  public synchronized void onError(Throwable throwable) {
    error = throwable;
    ended = true;
    notifyAll();
  }

  @Override
  public synchronized void onComplete() {
    ended = true;
    notifyAll();
  }
}
