package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The change feed of one repository (rules VR-17.*): it fans each committed change out to any
 * number of subscribers, each back-pressured on its own, and lets a subscriber start from any kept
 * position.
 *
 * <p>A subscriber is either <em>live</em>, taking changes from a buffer of its own that {@link
 * #publish} fills, or <em>catching up</em>, reading the backend's {@link ChangeHistory} in batches.
 * It starts catching up from the position it asked for, and goes live when a read finds nothing
 * newer than what the hub has published. When a live subscriber's buffer is full (it requests too
 * slowly), the hub drops the buffer instead of waiting or skipping, and the subscriber catches up
 * from the history again: writes never wait for a subscriber, memory per subscriber is bounded by
 * the buffer, and a change is never lost unless the history no longer keeps it, which fails the
 * subscriber with {@link io.github.stoatferret.videorepo.ChangePositionExpiredException}. A
 * subscriber emits a change only if its position is greater than the last it emitted, so that the
 * seam between the history and the buffer can overlap without a duplicate.
 *
 * <p>The backend calls {@link #publish} for each committed change in commit order, while it holds
 * whatever orders its commits, and {@link #deliver} after releasing it. Positions are consecutive
 * numbers: a position more than one after the last published tells the hub that it missed changes
 * (another process wrote the same storage), and its live subscribers read those from the history
 * before they go on. Signals run on the executor, never on the publishing thread, so a slow
 * subscriber cannot slow a writer.
 */
public final class ChangeHub {

  /** How many changes a catching-up subscriber reads at once. */
  static final int BATCH = 256;

  private final String repository;
  private final ChangeHistory history;
  private final Executor executor;
  private final int buffer;
  // Guarded by this.
  private final Set<FeedSubscription> active = new LinkedHashSet<>();
  private final Set<FeedSubscription> live = new LinkedHashSet<>();
  private final List<FeedSubscription> toDeliver = new ArrayList<>();
  private long last;
  private boolean closed;

  /**
   * Makes the feed of a repository.
   *
   * @param repository which repository, for messages
   * @param history the changes the backend keeps
   * @param executor where subscribers are signalled; it must not run tasks on the caller's thread
   *     if the caller may hold a lock of the backend's
   * @param buffer how many undelivered changes a live subscriber may have before it has to read the
   *     history instead, at least 1
   * @param last the position of the latest change committed before the hub was made
   */
  public ChangeHub(
      String repository,
      ChangeHistory history,
      Executor executor,
      int buffer,
      ChangePosition last) {
    if (buffer < 1) {
      throw new IllegalArgumentException("buffer must be at least 1, was " + buffer);
    }
    this.repository = Objects.requireNonNull(repository, "repository");
    this.history = Objects.requireNonNull(history, "history");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.buffer = buffer;
    this.last = last.value();
  }

  /**
   * An executor fit for signalling subscribers: a thread per busy subscription, so that one that
   * blocks in {@code onNext} holds up nobody else (VR-17.3), none while idle. Its daemon threads
   * end after a few idle seconds, so it needs no shutdown (a subscriber may still be draining its
   * buffer after the repository closed).
   *
   * @param threadPrefix the start of its threads' names
   * @return the executor
   */
  public static Executor signallingExecutor(String threadPrefix) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            5,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread t = new Thread(task, threadPrefix + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return pool;
  }

  /**
   * Hands a committed change to the live subscribers. Call in commit order, one call at a time;
   * then {@link #deliver}.
   *
   * @param event the change, at a position after every change published before
   */
  public synchronized void publish(ChangeFeedEvent event) {
    long position = event.position().value();
    if (position <= last) {
      return; // a backend that learns of changes by reading its log may read one twice
    }
    // A jump means changes this hub never saw (another process wrote the storage): the live
    // subscribers read them from the history, as after an overflow.
    boolean gap = position != last + 1;
    last = position;
    for (var it = live.iterator(); it.hasNext(); ) {
      FeedSubscription s = it.next();
      if (s.buffered.size() < buffer && !gap) {
        s.buffered.addLast(event);
      } else {
        s.buffered.clear(); // it reads these from the history instead
        s.live = false;
        it.remove();
      }
      schedule(s);
    }
  }

  /**
   * Tells the hub that the changes up to {@code latest} were committed although they were not
   * published to it: for a backend that reads its log only while someone follows the feed, when the
   * first subscriber comes. Subscriptions of {@link #live()} made from now on start after it; live
   * subscribers, if any, read what they have not had from the history, as after a jump in positions
   * (then call {@link #deliver}); a later {@link #publish} of a position not after it is ignored,
   * as a repeat is.
   *
   * @param latest the position of the latest committed change
   */
  public synchronized void skipTo(ChangePosition latest) {
    if (latest.value() <= last) {
      return;
    }
    last = latest.value();
    for (FeedSubscription s : live) {
      s.buffered.clear();
      s.live = false;
      schedule(s);
    }
    live.clear();
  }

  private void schedule(FeedSubscription s) {
    if (!s.scheduled) {
      s.scheduled = true;
      toDeliver.add(s);
    }
  }

  /** Signals the subscribers that {@link #publish} gave something to. */
  public void deliver() {
    List<FeedSubscription> due;
    synchronized (this) {
      if (toDeliver.isEmpty()) {
        return;
      }
      due = new ArrayList<>(toDeliver);
      toDeliver.clear();
      for (FeedSubscription s : due) {
        s.scheduled = false;
      }
    }
    for (FeedSubscription s : due) {
      s.drain();
    }
  }

  /**
   * The position of the latest change published.
   *
   * @return the position, {@link ChangePosition#START} before any
   */
  public synchronized ChangePosition last() {
    return new ChangePosition(last);
  }

  /**
   * How many subscribers are subscribed and not finished, for statistics.
   *
   * @return the number
   */
  public synchronized int subscribers() {
    return active.size();
  }

  /**
   * The changes after a position: what {@code changesAfter} returns.
   *
   * @param position the position, or {@code null}, which each subscriber is told about with {@link
   *     InvalidArgumentException}
   * @return a publisher that can be subscribed to any number of times
   */
  public Flow.Publisher<ChangeFeedEvent> after(@Nullable ChangePosition position) {
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams rule 1.9
      start(new FeedSubscription(this, subscriber), subscriber, position, false);
    };
  }

  /**
   * The changes committed from now on: what {@code changes} returns.
   *
   * @return a publisher whose each subscriber starts at the latest change published when it
   *     subscribes
   */
  public Flow.Publisher<ChangeFeedEvent> live() {
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      start(new FeedSubscription(this, subscriber), subscriber, null, true);
    };
  }

  /**
   * Signals {@code onSubscribe}, then registers the subscription: live at once, after the latest
   * change published, or catching up after {@code position}.
   */
  private void start(
      FeedSubscription s,
      Flow.Subscriber<? super ChangeFeedEvent> subscriber,
      @Nullable ChangePosition position,
      boolean fromNow) {
    subscriber.onSubscribe(s);
    if (!fromNow && position == null) {
      s.fail(InvalidArgumentException.isNull("position"));
      return;
    }
    long from;
    synchronized (this) {
      if (closed) {
        from = -1;
      } else {
        active.add(s);
        from = fromNow ? last : Objects.requireNonNull(position).value();
        if (fromNow) {
          s.live = true;
          live.add(s);
        }
      }
    }
    if (from < 0) {
      s.fail(closedFor("a new subscriber"));
    } else {
      s.startAt(from);
    }
  }

  /**
   * Ends the feed: a live subscriber gets what its buffer holds, then {@code onComplete}; one still
   * catching up gets {@link RepositoryClosedException} naming its position, from which it resumes
   * on a repository opened again; a later subscriber gets {@code RepositoryClosedException} at
   * once. Call after the last change is published. Idempotent.
   */
  public void close() {
    List<FeedSubscription> all;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      all = new ArrayList<>(active);
    }
    for (FeedSubscription s : all) {
      s.drain();
    }
  }

  // What the subscriptions use.

  ChangeHistory history() {
    return history;
  }

  Executor executor() {
    return executor;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Makes a caught-up subscriber live, if nothing was published after its position. */
  synchronized boolean goLive(FeedSubscription s, long position) {
    if (position < last) {
      return false;
    }
    s.live = true;
    live.add(s);
    return true;
  }

  /** Forgets a subscription that ended or was cancelled. */
  synchronized void remove(FeedSubscription s) {
    active.remove(s);
    live.remove(s);
    s.live = false;
    s.buffered.clear();
  }

  RepositoryClosedException closedFor(String who) {
    return new RepositoryClosedException(repository + " is closed; the change feed refused " + who);
  }
}
