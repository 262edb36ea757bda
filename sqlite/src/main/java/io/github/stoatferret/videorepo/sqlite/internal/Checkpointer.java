package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.engine.EngineThreads;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Copies committed pages from the WAL into the database file on a thread and connection of its own,
 * so that the writer's commits do not pay for it.
 *
 * <p>Left to SQLite, the connection whose commit takes the WAL past its threshold runs the
 * checkpoint inside that commit: it copies every page and syncs the file while a whole group of
 * callers waits (measured: about 60% of the writer's commit time under 64 concurrent adds). Here
 * each commit only signals this thread, which runs a {@code PASSIVE} checkpoint: it copies what is
 * committed without taking any lock a reader or the writer waits for, and stops short of frames a
 * reader still needs. Once it has copied everything, the writer's next transaction starts the WAL
 * over. Under a long stream of writes it never gets there (the writer commits again while it
 * copies), so the WAL then starts over at the writer's own checkpoint, which SQLite keeps as a
 * backstop ({@link Database#openWriter}): if this thread falls behind or fails, the WAL is still
 * bounded.
 *
 * <p>Nothing here decides durability: a checkpoint copies pages that are already committed, and a
 * failed one leaves them in the WAL, where SQLite reads and recovers them.
 */
final class Checkpointer {

  private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());

  /**
   * Rest between two checkpoints while writes go on: a page that many commits rewrite (an index
   * page, the count) is copied once per rest, not once per commit, and the file is synced at most
   * this often.
   */
  static final long REST_MILLIS = 50;

  private final Connection connection;
  private final String database;
  private final Thread thread;
  private final Object lock = new Object();
  private boolean committed; // guarded by lock
  private boolean stopping; // guarded by lock
  private @Nullable String lastFailure;

  private Checkpointer(Connection connection, String database, String threadName) {
    this.connection = connection;
    this.database = database;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  /**
   * Starts a checkpointer on its own connection and thread.
   *
   * @param connection a read-write connection to the database, which this takes over and closes
   * @param database the database's name, for messages
   * @param threadName the thread's name
   * @return the running checkpointer
   */
  static Checkpointer start(Connection connection, String database, String threadName) {
    Checkpointer c = new Checkpointer(connection, database, threadName);
    c.thread.start();
    return c;
  }

  /** Tells the thread that a commit added to the WAL; never blocks the caller for long. */
  void committed() {
    synchronized (lock) {
      if (!committed) {
        committed = true;
        lock.notifyAll();
      }
    }
  }

  /**
   * Stops the thread and waits until it has closed its connection; a checkpoint under way ends
   * first.
   */
  void close() {
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
    }
    EngineThreads.joinUninterruptibly(thread);
  }

  private void run() {
    try {
      while (awaitCommit()) {
        checkpoint();
        rest();
      }
    } finally {
      Database.closeQuietly(connection);
    }
  }

  /** Waits for a commit not yet checkpointed; false once asked to stop. */
  private boolean awaitCommit() {
    synchronized (lock) {
      while (!committed && !stopping) {
        waitUninterruptibly(0);
      }
      committed = false;
      return !stopping;
    }
  }

  private void rest() {
    long until = System.nanoTime() + REST_MILLIS * 1_000_000;
    synchronized (lock) {
      long left;
      while (!stopping && (left = until - System.nanoTime()) > 0) {
        waitUninterruptibly(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Waits on the lock; only {@link #close} ends this thread, so an interrupt is not a stop. */
  @SuppressWarnings("WaitNotInLoop") // its callers loop on their own condition
  private void waitUninterruptibly(long millis) {
    try {
      lock.wait(millis);
    } catch (InterruptedException e) {
      // ignored on purpose: see above
    }
  }

  /**
   * Runs one checkpoint. A failure is logged, once while it repeats, and the thread goes on: the
   * writer's own checkpoints still bound the WAL, and no committed page is lost by a checkpoint
   * that did not happen.
   */
  private void checkpoint() {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      rs.next();
      lastFailure = null;
    } catch (SQLException | RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (!Objects.equals(message, lastFailure)) {
        LOG.log(
            Level.WARNING,
            "background checkpoint of "
                + database
                + " failed; the writer's"
                + " own checkpoints go on",
            e);
      }
      lastFailure = message;
    }
  }
}
