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
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber that requests in fixed batches and records what it receives, and every breach of the
 * Reactive Streams rules it can see: more items than requested, signals after the end, signals from
 * two threads at once (rule 1.3), and unbounded recursion (rule 3.3).
 *
 * <p>A publisher may deliver synchronously from inside {@code request} (rule 3.2), so a signal may
 * arrive on the same thread while this subscriber's own {@code onSubscribe} or {@code onNext} is
 * still running: that is re-entry, not a breach of rule 1.3, and it is allowed up to {@value
 * #MAX_DEPTH} signals deep. Only a signal on another thread while one is running is a breach of
 * 1.3. After {@code cancel}, items already requested may still arrive (rule 1.8 asks only that
 * signals stop eventually); they are counted, not recorded.
 */
public final class RecordingSubscriber implements Flow.Subscriber<Video> {

  private final int batch;
  private final int cancelAfter;
  private final boolean manual;
  // Synchronized lists rather than synchronized signals, which would hide overlapping signals.
  private final List<Video> items = Collections.synchronizedList(new ArrayList<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch done = new CountDownLatch(1);

  /** How deep same-thread re-entry may go before it counts as unbounded recursion. */
  public static final int MAX_DEPTH = 16;

  private final AtomicInteger inside = new AtomicInteger();
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private volatile boolean cancelled;
  private final AtomicInteger lateItems = new AtomicInteger();
  private Flow.@Nullable Subscription subscription;
  private final AtomicLong outstanding = new AtomicLong();
  private volatile boolean completed;
  private volatile @Nullable Throwable error;

  /**
   * Makes a subscriber.
   *
   * @param batch how many items to request at a time, after the previous batch arrived
   * @param cancelAfter cancel once this many items arrived ({@code Integer.MAX_VALUE}: never)
   */
  public RecordingSubscriber(int batch, int cancelAfter) {
    this(batch, cancelAfter, false);
  }

  /**
   * Makes a subscriber that requests {@code batch} items in {@code onSubscribe} and then only when
   * the test calls {@link #request}: a publisher that emits beyond demand is caught for certain,
   * since nothing else is requested when its extra items arrive.
   *
   * @param batch how many items to request at first
   * @return the subscriber
   */
  public static RecordingSubscriber requestingOnlyWhenAsked(int batch) {
    return new RecordingSubscriber(batch, Integer.MAX_VALUE, true);
  }

  private RecordingSubscriber(int batch, int cancelAfter, boolean manual) {
    this.batch = batch;
    this.cancelAfter = cancelAfter;
    this.manual = manual;
  }

  /**
   * Requests more items, from the calling thread (for {@link #requestingOnlyWhenAsked}).
   *
   * @param n how many
   */
  public void request(long n) {
    Flow.Subscription s = Objects.requireNonNull(subscription, "request before onSubscribe");
    outstanding.getAndUpdate(o -> o + n < 0 ? Long.MAX_VALUE : o + n); // demand saturates (3.17)
    s.request(n);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    enter("onSubscribe");
    if (subscription != null) {
      violations.add("onSubscribe called twice");
    }
    subscription = s;
    outstanding.set(batch);
    s.request(batch);
    exit();
  }

  @Override
  public void onNext(Video item) {
    enter("onNext");
    if (outstanding.get() == 0) {
      violations.add(
          "onNext beyond demand: item "
              + (items.size() + lateItems.get() + 1)
              + " with nothing requested (batch "
              + batch
              + ")");
    }
    outstanding.decrementAndGet();
    if (cancelled) {
      lateItems.incrementAndGet(); // requested before the cancel: allowed (rule 1.8)
      exit();
      return;
    }
    if (done.getCount() == 0) {
      violations.add("onNext after the end");
    }
    items.add(item);
    Flow.Subscription s = Objects.requireNonNull(subscription, "onNext before onSubscribe");
    if (items.size() == cancelAfter) {
      cancelled = true;
      s.cancel();
      done.countDown();
    } else if (outstanding.get() == 0 && !manual) {
      outstanding.set(batch);
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
    int[] mine = depth.get();
    mine[0]++;
    if (inside.incrementAndGet() > mine[0]) {
      violations.add(
          signal
              + " on "
              + Thread.currentThread().getName()
              + " while another"
              + " thread was inside a signal (rule 1.3: signals must not overlap)");
    }
    if (mine[0] == MAX_DEPTH + 1) {
      violations.add(
          signal
              + " nested "
              + mine[0]
              + " deep inside the subscriber's own calls"
              + " to request on one thread: unbounded recursion (rule 3.3)");
    }
  }

  private void exit() {
    depth.get()[0]--;
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
   * Waits until at least {@code n} items arrived, or the stream ended, or the timeout passed.
   *
   * @param n how many items
   * @param timeout how long at most
   * @return whether that many arrived
   * @throws InterruptedException if interrupted
   */
  public boolean awaitItems(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (items.size() < n && done.getCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    return items.size() >= n;
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
