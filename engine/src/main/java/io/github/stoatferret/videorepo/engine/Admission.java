package io.github.stoatferret.videorepo.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gate of a backend with threads: every call passes it to be queued, and {@link #close} shuts
 * it and waits until the calls inside have queued their work, so that each call either is refused
 * or is queued before the backend's close drains its queues (VR-12.2, VR-1.4).
 *
 * <pre>{@code
 * if (!admission.enter()) {
 *   return Stages.failed(new RepositoryClosedException(...));
 * }
 * try {
 *   ... check arguments, queue the task ...
 * } finally {
 *   admission.exit();
 * }
 * }</pre>
 *
 * <p>Entering costs one atomic increment and a volatile read; close waits on a monitor that the
 * last call out signals, instead of spinning. Thread-safe.
 */
public final class Admission {

  private final AtomicInteger inside = new AtomicInteger();
  private final Object drained = new Object();
  private volatile boolean closed;

  /** Makes an open gate. */
  public Admission() {}

  /**
   * Lets a call in, unless the gate is closed; a call let in must {@link #exit()}.
   *
   * @return {@code true} if let in; {@code false} once {@link #close} has begun
   */
  public boolean enter() {
    inside.incrementAndGet();
    if (closed) {
      exit();
      return false;
    }
    return true;
  }

  /** Lets a call out. */
  public void exit() {
    // The count first, then the flag: close sets the flag first, then reads the count, so one of
    // the two sees the other and close never waits for a call that has left.
    if (inside.decrementAndGet() == 0 && closed) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
  }

  /**
   * Whether {@link #close} has begun.
   *
   * @return {@code true} after the first close
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Shuts the gate and waits until every call let in has left. Uninterruptible, as a backend's
   * close is: an interrupt is kept for the caller.
   *
   * @return {@code true} for the call that closed it, {@code false} if it was closed already
   */
  public boolean close() {
    synchronized (drained) {
      if (closed) {
        return false;
      }
      closed = true;
      boolean interrupted = false;
      while (inside.get() != 0) {
        try {
          drained.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return true;
    }
  }
}
