package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * How operations use the user's {@link DataSource}: a read borrows a connection for one statement;
 * a write runs in one transaction that ends with its change-log entries.
 *
 * <p>Failures that trying again can cure are tried again, with growing pauses, until the retry
 * budget runs out: a serialization failure or a deadlock (PostgreSQL aborted one of two
 * transactions), a lost connection or a server that is restarting or failing over (the pool drops
 * the broken connection; the next one may reach the server, or its successor), and, a few times, a
 * unique key that a concurrent writer took after this one's checks (the next attempt reports the
 * clash). So a restart or a failover that completes within the budget costs callers latency, not
 * failures, and no stage waits much longer than the budget.
 *
 * <p>A write whose connection is lost while it commits may or may not have committed. Its
 * transaction id, read with the change counter it updates anyway, tells: after reconnecting, {@code
 * pg_xact_status} says committed (the stage succeeds with the write's result), aborted (it is run
 * again, as it never happened), or nothing certain (the stage fails as "outcome unknown").
 * Connections are left as they were found: auto-commit is restored after a write, and set for a
 * read only if the pool handed the connection out without it.
 */
final class Transactions {

  /** Reads on a connection. */
  @FunctionalInterface
  interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  /** Writes on a connection inside a transaction, reporting the changes it makes. */
  @FunctionalInterface
  interface Write<T> {
    T run(Connection c, Consumer<VideoChangeEvent> events) throws SQLException;
  }

  /**
   * Writes on a connection inside a transaction and appends its changes to the log itself, in its
   * last statement (one round trip for both: {@link Writes#add}).
   */
  @FunctionalInterface
  interface LoggedWrite<T> {
    Logged<T> run(Connection c) throws SQLException;
  }

  /**
   * A write's result and what it appended to the log.
   *
   * @param result the result
   * @param appended the log rows' transaction id and last position; {@code null} if the write
   *     changed nothing
   * @param <T> the result type
   */
  record Logged<T>(T result, ChangeLog.@Nullable Appended appended) {}

  /** How many times a write whose unique key a concurrent writer took is tried. */
  static final int UNIQUE_ATTEMPTS = 4;

  /** The first pause between attempts; each next one is twice as long, up to the cap. */
  private static final long FIRST_PAUSE_NANOS = 2_000_000;

  private static final long MAX_PAUSE_NANOS = 500_000_000;

  private final DataSource ds;
  private final Sql sql;
  private final String catalogue;
  private final ChangeLog.Retention retention;
  private final long budgetNanos;
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong resolved = new AtomicLong();
  private final AtomicLong lastCommitted = new AtomicLong();

  Transactions(
      DataSource ds,
      Sql sql,
      String catalogue,
      ChangeLog.Retention retention,
      Duration retryBudget) {
    this.ds = ds;
    this.sql = sql;
    this.catalogue = catalogue;
    this.retention = retention;
    this.budgetNanos = retryBudget.toNanos();
  }

  Sql sql() {
    return sql;
  }

  /** How many commits whose connection was lost were resolved by asking the server. */
  long resolvedCommits() {
    return resolved.get();
  }

  <T> T read(String operation, Read<T> work) {
    long deadline = System.nanoTime() + budgetNanos;
    for (int attempt = 1; ; attempt++) {
      try (Connection c = ds.getConnection()) {
        return autoCommitted(c, work);
      } catch (SQLException e) {
        if (!SqlErrors.connectionLost(e) || !pause(attempt, deadline)) {
          throw SqlErrors.storage(operation + " on " + catalogue, e);
        }
      }
    }
  }

  <T> T write(String operation, Write<T> work) {
    return writeLogged(
        operation,
        c -> {
          List<VideoChangeEvent> events = new ArrayList<>(1);
          T result = work.run(c, events::add);
          return new Logged<>(result, ChangeLog.append(c, sql, events));
        });
  }

  <T> T writeLogged(String operation, LoggedWrite<T> work) {
    long deadline = System.nanoTime() + budgetNanos;
    for (int attempt = 1; ; attempt++) {
      try (Connection c = ds.getConnection()) {
        return once(c, operation, work, deadline);
      } catch (SQLException e) {
        boolean again =
            SqlErrors.retryAtOnce(e)
                || SqlErrors.connectionLost(e)
                || (SqlErrors.of(e).equals(SqlErrors.UNIQUE_VIOLATION)
                    && attempt < UNIQUE_ATTEMPTS);
        if (!again || !pause(attempt, deadline)) {
          throw SqlErrors.storage(operation + " on " + catalogue, e);
        }
      }
    }
  }

  /**
   * Waits before the next attempt: 2 ms, then twice as long each time up to half a second (time for
   * a conflicting writer to finish, a pool to replace a dead connection, a server to come back),
   * never past the deadline.
   *
   * @return false if the budget is spent: report the failure instead
   */
  private static boolean pause(int attempt, long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    long pause = Math.min(MAX_PAUSE_NANOS, FIRST_PAUSE_NANOS << Math.min(attempt - 1, 20));
    LockSupport.parkNanos(Math.min(pause, left));
    return true;
  }

  /**
   * Runs work with the connection in auto-commit mode (each statement its own transaction), and
   * hands it back as it came: not every pool resets a connection it is given back.
   *
   * @param c the connection
   * @param work the work
   * @param <T> its result
   * @return the work's result
   * @throws SQLException if the work or the driver fails
   */
  static <T> T autoCommitted(Connection c, Read<T> work) throws SQLException {
    if (c.getAutoCommit()) {
      return work.run(c);
    }
    c.setAutoCommit(true); // a pool that hands out manual-commit connections: one statement
    try {
      return work.run(c);
    } finally {
      c.setAutoCommit(false);
    }
  }

  private <T> T once(Connection c, String operation, LoggedWrite<T> work, long deadline)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      return transaction(c, operation, work, deadline);
    } finally {
      if (autoCommit) {
        restoreAutoCommit(c);
      }
    }
  }

  private <T> T transaction(Connection c, String operation, LoggedWrite<T> work, long deadline)
      throws SQLException {
    T result;
    ChangeLog.@Nullable Appended appended;
    try {
      Logged<T> logged = work.run(c);
      result = logged.result();
      appended = logged.appended();
      // Every so many writes of this process, one also prunes the change log.
      if (writes.incrementAndGet() % retention.pruneEvery() == 0) {
        ChangeLog.prune(c, sql, retention);
      }
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      throw e;
    }
    try {
      c.commit();
    } catch (SQLException e) {
      // Lost (08xxx), or ended by a server shutting down (57P01-57P03, which a backend may
      // report after it has committed): the commit may have happened.
      if (SqlErrors.connectionLost(e)) {
        if (appended == null) {
          return result; // it wrote nothing: committed or not, the outcome is the same
        }
        T committed = committedOrThrow(operation, appended, result, e, deadline);
        lastCommitted.accumulateAndGet(appended.last(), Math::max);
        return committed;
      }
      rollbackQuietly(c);
      throw e;
    }
    if (appended != null) {
      lastCommitted.accumulateAndGet(appended.last(), Math::max);
    }
    return result;
  }

  /**
   * The position of the latest change this process committed (or 0), recorded before the write's
   * stage completes: a change feed subscribed after a stage completed starts after its change.
   *
   * @return the position
   */
  long lastCommitted() {
    return lastCommitted.get();
  }

  /**
   * Asks the server, on a new connection, what became of a transaction whose commit was cut off,
   * until it answers or the budget is spent.
   *
   * <p>The transaction id alone is not proof after a failover: a promoted standby that never
   * received any of the transaction's WAL hands its id out again, and that other transaction may
   * have committed by the time this one asks (seen in {@code FailoverTest}: an add reported as
   * committed that the new primary did not have). So "committed" counts only if the log row at the
   * transaction's last position is the one it wrote, or if that row was pruned since (the counter
   * went past it).
   *
   * @return the write's result, if it committed
   * @throws SQLException a lost-connection failure, to run the write again, if it did not
   */
  private <T> T committedOrThrow(
      String operation, ChangeLog.Appended appended, T result, SQLException lost, long deadline)
      throws SQLException {
    String xid = appended.xid();
    for (int attempt = 1; ; attempt++) {
      String status;
      boolean ours;
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement(sql.commitStatus())) {
        ChangeLog.Change change = appended.lastChange();
        ps.setString(1, xid);
        ps.setString(2, change.kind());
        ps.setString(3, change.beforeImage());
        ps.setString(4, change.afterImage());
        ps.setLong(5, appended.last());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          status = rs.getString(1);
          Object sameRow = rs.getObject(2);
          ours = sameRow == null ? rs.getLong(3) >= appended.last() : (Boolean) sameRow;
        }
      } catch (SQLException e) {
        if (SqlErrors.of(e).equals(SqlErrors.INVALID_PARAMETER)) {
          // "transaction ID ... is in the future": a promoted standby never saw it, so it did
          // not commit on the timeline that now serves.
          throw new SQLException(
              "transaction "
                  + xid
                  + " is unknown to the server now"
                  + " serving; running "
                  + operation
                  + " again",
              "08006",
              lost);
        }
        if (!SqlErrors.connectionLost(e) || !pause(attempt, deadline)) {
          throw SqlErrors.outcomeUnknown(operation + " on " + catalogue, lost);
        }
        continue;
      }
      if ("committed".equals(status) && ours) {
        resolved.incrementAndGet();
        return result;
      }
      if ("committed".equals(status)) {
        resolved.incrementAndGet();
        throw new SQLException(
            "transaction "
                + xid
                + " is another one on the server now serving (its log row at "
                + appended.last()
                + " differs); running "
                + operation
                + " again",
            "08006",
            lost);
      }
      if ("aborted".equals(status)) {
        resolved.incrementAndGet();
        throw new SQLException(
            "transaction " + xid + " did not commit; running " + operation + " again",
            "08006",
            lost);
      }
      // "in progress": the server has not yet seen that the connection is gone; null: too old
      // to tell.
      if (status == null || !pause(attempt, deadline)) {
        throw SqlErrors.outcomeUnknown(operation + " on " + catalogue, lost);
      }
    }
  }

  private static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is broken; the pool discards it
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the server has rolled the transaction back
    }
  }
}
