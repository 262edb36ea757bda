package io.github.stoatferret.videorepo.spring.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * The change feeds handed out by one repository bean, which the application's shutdown ends.
 *
 * <p>A Server-Sent Events response that relays a feed is a request that never finishes on its own,
 * and a web server's graceful shutdown waits for every request: without this, each shutdown would
 * wait out its whole timeout and then cut the streams. {@link #endAll()} completes every feed
 * (after the event it is delivering, if any) and cancels it upstream, so the responses end cleanly
 * and the clients resume with their last position elsewhere or after the restart.
 */
public final class EndableFeeds {

  private final Set<Relay<?>> open = ConcurrentHashMap.newKeySet();
  private volatile boolean ended;

  /**
   * Wraps a feed so that {@link #endAll()} completes its subscribers.
   *
   * @param feed the repository's feed
   * @param <T> the element type
   * @return the same feed, endable
   */
  public <T> Flow.Publisher<T> endable(Flow.Publisher<T> feed) {
    return subscriber -> {
      Relay<T> relay = new Relay<>(Objects.requireNonNull(subscriber, "subscriber"));
      open.add(relay);
      feed.subscribe(relay);
      if (ended) {
        relay.end();
      }
    };
  }

  /** Completes every feed handed out so far and every one subscribed from now on. */
  public void endAll() {
    ended = true;
    for (Relay<?> relay : open) {
      relay.end();
    }
  }

  /** Lets feeds run again after {@link #endAll()}: for a context that is started again. */
  public void reopen() {
    ended = false;
  }

  /**
   * How many feeds are open now.
   *
   * @return the number of subscriptions neither ended, completed, failed nor cancelled
   */
  public int openCount() {
    return open.size();
  }

  /**
   * Passes one subscription through, and can complete it from outside. Every signal to the
   * subscriber is sent holding this object's monitor, so the completion from {@link #end()} never
   * overlaps an {@code onNext} (Reactive Streams rule 1.3); reentrant calls from the subscriber (a
   * {@code request} inside {@code onNext}) are fine, the monitor being reentrant.
   */
  private final class Relay<T> implements Flow.Subscriber<T>, Flow.Subscription {
    private final Flow.Subscriber<? super T> downstream;
    private volatile Flow.@Nullable Subscription upstream;
    private boolean endRequested;
    private boolean done;

    Relay(Flow.Subscriber<? super T> downstream) {
      this.downstream = downstream;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
      upstream = subscription;
      downstream.onSubscribe(this);
      if (endRequested) {
        end();
      }
    }

    @Override
    public synchronized void onNext(T item) {
      if (!done) {
        downstream.onNext(item);
      }
    }

    @Override
    public synchronized void onError(Throwable failure) {
      if (finish()) {
        downstream.onError(failure);
      }
    }

    @Override
    public synchronized void onComplete() {
      if (finish()) {
        downstream.onComplete();
      }
    }

    synchronized void end() {
      Flow.Subscription subscription = upstream;
      if (subscription == null) {
        endRequested = true; // completed right after onSubscribe reaches the subscriber
        return;
      }
      if (finish()) {
        subscription.cancel();
        downstream.onComplete();
      }
    }

    private boolean finish() {
      open.remove(this);
      if (done) {
        return false;
      }
      done = true;
      return true;
    }

    @Override
    public void request(long n) {
      Flow.Subscription subscription = upstream;
      if (subscription != null) {
        subscription.request(n);
      }
    }

    @Override
    public void cancel() {
      open.remove(this);
      Flow.Subscription subscription = upstream;
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }
}
