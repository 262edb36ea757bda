package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.engine.EngineHealth;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Point reads ({@code get}, {@code getByPath}, {@code count}) on the caller's own thread, on a
 * read-only connection borrowed from a small pool. Such a read takes a few microseconds of SQLite;
 * handing it to a reader thread and back costs two thread wake-ups, which on a small VM cost more
 * than the read (measured in docs/benchmarks.md). A connection is still used by one thread at a
 * time: it is taken out of the pool for the read and put back after.
 *
 * <p>When every pooled connection is in use, the read goes to the reader threads as any other read,
 * so a burst of callers never opens more connections than the pool's bound. Connections are opened
 * on first need, on the thread that needs one.
 */
final class PointReads {

  private final ConcurrentLinkedQueue<Statements> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final int max;
  private final Supplier<Statements> connections;
  private final String database;
  private final EngineHealth health;

  /**
   * A pool.
   *
   * @param max the most connections it opens
   * @param connections opens a read-only connection
   * @param database the database's name, for messages
   * @param health the engine's health, which a failed read may change
   */
  PointReads(int max, Supplier<Statements> connections, String database, EngineHealth health) {
    this.max = max;
    this.connections = connections;
    this.database = database;
    this.health = health;
  }

  /**
   * Runs a read on this thread and completes its future, if a connection is free or may be opened.
   *
   * @param task the read
   * @return false if every connection is busy (or none could be opened): queue it elsewhere
   */
  boolean tryRun(Task<?> task) {
    Statements s = idle.poll();
    if (s == null) {
      if (opened.incrementAndGet() > max) {
        opened.decrementAndGet();
        return false;
      }
      try {
        s = connections.get();
      } catch (RuntimeException e) { // the reader threads' connections may still serve it
        opened.decrementAndGet();
        return false;
      }
    }
    try {
      Readers.runRead(task, s, database, health);
    } finally {
      idle.add(s);
    }
    return true;
  }

  /** Closes the connections; call it once no read can be running (after admission drained). */
  void close() {
    for (Statements s = idle.poll(); s != null; s = idle.poll()) {
      s.close();
    }
  }
}
