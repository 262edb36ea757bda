package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.engine.CloseDeadline;
import io.github.stoatferret.videorepo.spi.BackendFuture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The stages of the operations under way, so that close can wait for them (up to its timeout) and
 * then fail the ones still running rather than leave them pending (VR-12.2). Reads run on an
 * executor that may be the user's, so unlike the SQLite engine's queues there is no queue to drain:
 * the stages themselves are what close waits for. Waiting is on a monitor that the last operation
 * out signals, never a poll. Thread-safe.
 */
final class InFlight {

  private final Map<BackendFuture.Completer<?>, String> running = new ConcurrentHashMap<>();
  private final Object emptied = new Object();
  private volatile boolean awaited;

  /** Registers an operation's stage before it starts. */
  void add(BackendFuture.Completer<?> result, String operation) {
    running.put(result, operation);
  }

  /** Unregisters a stage once it is complete. */
  void remove(BackendFuture.Completer<?> result) {
    // The removal first, then the flag: awaitEmpty sets the flag first, then looks at the map
    // under the monitor, so one of the two sees the other.
    if (running.remove(result) != null && awaited && running.isEmpty()) {
      synchronized (emptied) {
        emptied.notifyAll();
      }
    }
  }

  /** How many operations are under way, for statistics. */
  int size() {
    return running.size();
  }

  /** Waits until no operation is under way or the deadline passes; keeps an interrupt. */
  void awaitEmpty(CloseDeadline deadline) {
    awaited = true;
    boolean interrupted = false;
    synchronized (emptied) {
      long left;
      while (!running.isEmpty() && (left = deadline.nanosLeft()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(emptied, left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Fails every operation still under way: their threads' later completion changes nothing. */
  void failAll(Function<String, ? extends Throwable> failure) {
    running.forEach((result, operation) -> result.fail(failure.apply(operation)));
    running.clear();
  }
}
