package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One subscriber of a {@link ChangeHub}. Every signal comes from {@link #run()}, which one thread
 * at a time runs on the hub's executor (the work-in-progress counter hands a call made meanwhile to
 * the running one), so the fields marked "confined" need no lock.
 */
final class FeedSubscription implements Flow.Subscription, Runnable {

  private final ChangeHub hub;
  private final AtomicLong requested = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private volatile Flow.@Nullable Subscriber<? super ChangeFeedEvent> subscriber;
  private volatile boolean cancelled;
  private volatile @Nullable Throwable failure;
  private volatile long start = -1;

  // Guarded by the hub.
  final ArrayDeque<ChangeFeedEvent> buffered = new ArrayDeque<>();
  boolean live;
  boolean scheduled;

  // A history read's outcome, handed from the reading thread to run().
  private volatile @Nullable List<ChangeFeedEvent> readResult;
  private volatile @Nullable Throwable readFailure;
  private volatile boolean readDone;

  // Confined to run().
  private long position = -1;
  private boolean reading;
  private boolean caughtUp;
  private boolean finished;
  private final ArrayDeque<ChangeFeedEvent> fetched = new ArrayDeque<>();

  FeedSubscription(ChangeHub hub, Flow.Subscriber<? super ChangeFeedEvent> subscriber) {
    this.hub = hub;
    this.subscriber = subscriber;
  }

  /** Starts catching up after a position. */
  void startAt(long after) {
    start = after;
    drain();
  }

  /** Ends the subscription with an error (a bad argument, a closed hub). */
  void fail(Throwable error) {
    failure = error;
    drain();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      failure =
          new IllegalArgumentException(
              "request(" + n + "): Reactive Streams rule 3.9" + " asks for a positive number");
    } else {
      requested.getAndUpdate(r -> r + n < 0 ? Long.MAX_VALUE : r + n);
    }
    drain();
  }

  @Override
  public void cancel() {
    cancelled = true;
    drain();
  }

  /** Has {@link #run()} run on the executor, unless it is running already. */
  void drain() {
    if (wip.getAndIncrement() == 0) {
      try {
        hub.executor().execute(this);
      } catch (RuntimeException rejected) {
        // An executor that refuses (shut down) can never signal again: give up as if cancelled.
        cancelled = true;
        finished = true;
        hub.remove(this);
      }
    }
  }

  @Override
  public void run() {
    int missed = 1;
    do {
      step();
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  /** Does everything that can be done now; drain() runs it again when more can be. */
  private void step() {
    while (!finished) {
      if (cancelled) {
        finish();
        return;
      }
      Throwable error = failure;
      if (error != null) {
        signalError(error);
        return;
      }
      if (position < 0) {
        if (start < 0) {
          return; // not started yet
        }
        position = start;
      }
      ChangeFeedEvent next = fetched.isEmpty() ? peekBuffered() : fetched.peekFirst();
      if (next != null) {
        if (requested.get() == 0) {
          return;
        }
        if (!fetched.isEmpty()) {
          fetched.removeFirst();
        } else {
          pollBuffered();
        }
        emit(next);
      } else if (isLive()) {
        if (hub.isClosed()) {
          signalComplete();
        }
        return;
      } else if (!catchUp()) {
        return;
      }
    }
  }

  /**
   * Moves catching up on: takes a finished read, goes live, or starts the next read.
   *
   * @return whether step() should look again now
   */
  private boolean catchUp() {
    if (reading) {
      if (!readDone) {
        return false;
      }
      reading = false;
      readDone = false;
      Throwable readError = readFailure;
      List<ChangeFeedEvent> batch = readResult;
      readFailure = null;
      readResult = null;
      if (readError != null || batch == null) {
        Throwable cause =
            readError == null
                ? new IllegalStateException(
                    "the change history read nothing, not even an empty list")
                : unwrap(readError);
        signalError(
            hub.isClosed() && !(cause instanceof ChangePositionExpiredException)
                ? closedWhileReading()
                : Stages.specified(cause));
        return false;
      }
      for (ChangeFeedEvent e : batch) {
        if (e.position().value() > position
            && (fetched.isEmpty() || e.position().isAfter(fetched.peekLast().position()))) {
          fetched.addLast(e);
        }
      }
      caughtUp = batch.size() < ChangeHub.BATCH;
      return true;
    }
    if (caughtUp) {
      caughtUp = false;
      if (hub.goLive(this, position)) {
        return true;
      }
      // something was published after the read: read again
    }
    if (requested.get() == 0) {
      if (hub.isClosed()) {
        signalError(closedWhileReading());
      }
      return false; // read only for a subscriber that wants something
    }
    reading = true;
    hub.history()
        .readAfter(new ChangePosition(position), ChangeHub.BATCH)
        .whenComplete(
            (result, error) -> {
              readResult = result;
              readFailure = error;
              readDone = true;
              drain();
            });
    return false;
  }

  private RepositoryClosedException closedWhileReading() {
    return hub.closedFor(
        "the subscriber at position "
            + position
            + ", which was still reading"
            + " the kept changes; it resumes after that position once the repository is open again");
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t.getCause();
    return t instanceof CompletionException && cause != null ? cause : t;
  }

  private @Nullable ChangeFeedEvent peekBuffered() {
    synchronized (hub) {
      ChangeFeedEvent e;
      while ((e = buffered.peekFirst()) != null && e.position().value() <= position) {
        buffered.removeFirst(); // already read from the history
      }
      return e;
    }
  }

  private void pollBuffered() {
    synchronized (hub) {
      buffered.pollFirst();
    }
  }

  private boolean isLive() {
    synchronized (hub) {
      return live;
    }
  }

  private void emit(ChangeFeedEvent e) {
    position = e.position().value();
    requested.decrementAndGet();
    Flow.Subscriber<? super ChangeFeedEvent> s = subscriber;
    if (s == null) {
      return;
    }
    try {
      s.onNext(e);
    } catch (RuntimeException broken) {
      // Rule 2.13: a subscriber that throws has broken its contract; stop signalling it.
      finish();
    }
  }

  private void signalError(Throwable error) {
    Flow.Subscriber<? super ChangeFeedEvent> s = subscriber;
    finish();
    if (s != null) {
      try {
        s.onError(error);
      } catch (RuntimeException ignored) {
        // rule 2.13: nothing more to do for a subscriber that throws
      }
    }
  }

  private void signalComplete() {
    Flow.Subscriber<? super ChangeFeedEvent> s = subscriber;
    finish();
    if (s != null) {
      try {
        s.onComplete();
      } catch (RuntimeException ignored) {
        // rule 2.13
      }
    }
  }

  /** Stops for good and lets go of the subscriber (rule 3.13). */
  private void finish() {
    finished = true;
    subscriber = null;
    fetched.clear();
    hub.remove(this);
  }
}
