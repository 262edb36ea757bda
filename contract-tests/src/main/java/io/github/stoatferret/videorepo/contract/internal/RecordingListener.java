package io.github.stoatferret.videorepo.contract.internal;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoChangeListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A listener that records events, and notices when it is called from two threads at once. */
public final class RecordingListener implements VideoChangeListener {

  private final List<VideoChangeEvent> events = new ArrayList<>();
  private final @Nullable RuntimeException toThrow;
  private int inside;
  private boolean overlapped;

  /**
   * Makes a listener.
   *
   * @param toThrow thrown after recording each event, or {@code null}
   */
  public RecordingListener(@Nullable RuntimeException toThrow) {
    this.toThrow = toThrow;
  }

  @Override
  public void onChange(VideoChangeEvent event) {
    synchronized (this) {
      if (inside++ > 0) {
        overlapped = true;
      }
      events.add(event);
      notifyAll();
    }
    synchronized (this) {
      inside--;
    }
    if (toThrow != null) {
      throw toThrow;
    }
  }

  /**
   * Waits until at least {@code n} events arrived, then for the quiet period (to catch extras).
   *
   * @param n how many events
   * @param timeout the longest wait for them
   * @param quiet how long to wait for more
   * @return the events
   * @throws InterruptedException if interrupted
   */
  public synchronized List<VideoChangeEvent> await(int n, Duration timeout, Duration quiet)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.size() < n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    long quietEnd = System.nanoTime() + quiet.toNanos(); // any later event is an extra one
    for (long left; (left = quietEnd - System.nanoTime()) > 0; ) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return new ArrayList<>(events);
  }

  /**
   * Whether two calls overlapped.
   *
   * @return true if the listener was called concurrently
   */
  public synchronized boolean overlapped() {
    return overlapped;
  }
}
