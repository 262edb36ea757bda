package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.spi.ChangeHub;
import io.github.stoatferret.videorepo.spi.EventDispatcher;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Delivers every change committed to the catalogue, by this process or any other, exactly once and
 * in commit order, to the listener and to the feed's hub: one thread reads the change log after the
 * last sequence number it delivered. It holds one connection on which it {@code LISTEN}s, so that a
 * commit wakes it at once; without a notification it reads again after the poll interval anyway.
 * When the connection fails it takes a new one and catches up from the last number it delivered: a
 * notification lost meanwhile costs latency, never an event.
 */
final class ChangeFeed implements Runnable {

  private static final System.Logger LOG = System.getLogger(ChangeFeed.class.getName());
  private static final int BATCH = 500;

  private final DataSource ds;
  private final Sql sql;
  private final EventDispatcher events;
  private final ChangeHub hub;
  private final int pollMillis;
  private final String catalogue;
  private volatile boolean stopped;
  private long delivered;

  /**
   * Makes the feed; it delivers the changes committed after {@code from}.
   *
   * @param ds the data source
   * @param sql the statements
   * @param events where changes go for the listener
   * @param hub where changes go for the feed's subscribers
   * @param poll how long to wait for a notification before reading anyway
   * @param from the last sequence number not to deliver
   * @param catalogue the catalogue's name, for messages
   */
  ChangeFeed(
      DataSource ds,
      Sql sql,
      EventDispatcher events,
      ChangeHub hub,
      Duration poll,
      long from,
      String catalogue) {
    this.ds = ds;
    this.sql = sql;
    this.events = events;
    this.hub = hub;
    this.pollMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, poll.toMillis()));
    this.delivered = from;
    this.catalogue = catalogue;
  }

  /**
   * Starts reading after a later position than the one at open: for a thread started only when the
   * feed gets its first subscriber, which need not read (nor publish) what nobody followed. Call
   * before the thread starts.
   *
   * @param position the position of the latest change committed
   */
  void skipTo(long position) {
    delivered = Math.max(delivered, position);
  }

  /** Asks the thread to end; it does within one poll interval. */
  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    int failures = 0;
    while (!stopped) {
      try (Connection c = ds.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN " + Sql.quote(sql.channel()));
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        if (failures > 0) {
          LOG.log(
              Level.INFO,
              "videorepo: change feed of "
                  + catalogue
                  + " reconnected;"
                  + " catching up after change "
                  + delivered);
        }
        failures = 0;
        try {
          while (!stopped) {
            deliverNew(c);
            pg.getNotifications(pollMillis);
          }
        } catch (SQLException e) {
          retire(c);
          throw e;
        }
        // Stopped: hand the connection back to the user's pool as it came, listening to
        // nothing (a pool need not reset either, and the server would keep queueing for it).
        try (Statement st = c.createStatement()) {
          st.execute("UNLISTEN " + Sql.quote(sql.channel()));
        }
        c.setAutoCommit(autoCommit);
      } catch (SQLException | RuntimeException e) {
        if (failures++ == 0) {
          LOG.log(
              Level.WARNING,
              "videorepo: change feed of "
                  + catalogue
                  + " lost its"
                  + " connection ("
                  + e.getMessage()
                  + "); retrying, no change will be missed");
        }
        pause(Math.min(5_000, 50L << Math.min(failures, 6)));
      }
    }
  }

  /**
   * Makes a failed connection fail once more through the pool's own wrapper: waiting for
   * notifications goes to the driver directly, so a pool that retires connections on errors has not
   * seen this one, and would hand the dead connection to the next operation.
   */
  private static void retire(Connection c) {
    try (Statement st = c.createStatement()) {
      st.execute("SELECT 1");
    } catch (SQLException expected) {
      // that is the point
    }
  }

  private void deliverNew(Connection c) throws SQLException {
    while (true) {
      List<ChangeLog.Numbered> batch = ChangeLog.read(c, sql, delivered, BATCH);
      for (ChangeLog.Numbered n : batch) {
        events.publish(n.event());
        hub.publish(new ChangeFeedEvent(new ChangePosition(n.seq()), n.event()));
        delivered = n.seq();
      }
      events.deliver();
      hub.deliver();
      if (batch.size() < BATCH) {
        return;
      }
    }
  }

  /**
   * Reads what was committed since the thread last read, once, on a connection of its own: close
   * calls it after the thread ended and the last writes committed, so that listener and subscribers
   * get the changes of the writes close waited for.
   *
   * @throws SQLException if reading fails
   */
  void catchUp() throws SQLException {
    try (Connection c = ds.getConnection()) {
      Transactions.autoCommitted(
          c,
          conn -> {
            deliverNew(conn);
            return true;
          });
    }
  }

  private void pause(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (!stopped && System.nanoTime() < end) {
      try {
        Thread.sleep(Math.min(50, millis));
      } catch (InterruptedException e) {
        return; // only stop() ends the feed; close() interrupts to hurry it
      }
    }
  }
}
