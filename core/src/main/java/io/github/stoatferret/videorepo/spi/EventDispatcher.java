package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoChangeListener;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers change events to a {@link VideoChangeListener} one at a time, in the order they were
 * {@linkplain #publish published}, and shields the repository from the listener: an exception it
 * throws is logged and dropped.
 *
 * <p>A backend publishes each committed change while it still holds whatever orders its commits (a
 * lock, the writer thread), and the dispatcher delivers them outside it: on the given executor, or,
 * with {@link #callerRuns}, on whichever publishing thread finds the dispatcher idle. Either way at
 * most one thread calls the listener at a time.
 */
public final class EventDispatcher {

  private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

  private final VideoChangeListener listener;
  private final Executor executor;
  private final Queue<VideoChangeEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();

  /**
   * Makes a dispatcher that delivers on an executor.
   *
   * @param listener the listener
   * @param executor where delivery runs; it need not be single-threaded
   */
  public EventDispatcher(VideoChangeListener listener, Executor executor) {
    this.listener = Objects.requireNonNull(listener, "listener");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Makes a dispatcher that delivers on the publishing threads, for a backend without threads.
   *
   * @param listener the listener
   * @return the dispatcher
   */
  public static EventDispatcher callerRuns(VideoChangeListener listener) {
    return new EventDispatcher(listener, Runnable::run);
  }

  /**
   * Queues an event for delivery. Call in commit order.
   *
   * @param event the event
   */
  public void publish(VideoChangeEvent event) {
    Objects.requireNonNull(event, "event");
    if (listener != VideoChangeListener.NONE) { // no listener: nothing to queue or deliver
      queue.add(event);
    }
  }

  /** Delivers what was published, unless another thread is delivering already. */
  public void deliver() {
    if (listener != VideoChangeListener.NONE && pending.getAndIncrement() == 0) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    int missed = 1;
    do {
      VideoChangeEvent event;
      while ((event = queue.poll()) != null) {
        try {
          listener.onChange(event);
        } catch (RuntimeException | LinkageError | AssertionError e) {
          LOG.log(Level.WARNING, "change listener failed on " + event + "; ignored", e);
        }
      }
      missed = pending.addAndGet(-missed);
    } while (missed != 0);
  }
}
