package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * How operations use the user's {@link DataSource}: a read borrows a connection for one
 * statement; a write runs in one transaction that ends with its change-log entries, and is run
 * again from the start, a bounded number of times, when PostgreSQL aborts it for a
 * serialization failure or a deadlock, or when a concurrent writer's unique key beat its checks
 * (the retry then reports the clash). An operation whose connection was lost before it
 * committed (a pooled connection the server has since closed, a restart) is run again on a fresh
 * connection; one lost while committing is reported as an unknown outcome, never retried.
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

  /** How many times a write is tried before its failure is reported. */
  static final int ATTEMPTS = 4;
  /** Every this many writes, one also prunes the change log. */
  private static final long PRUNE_EVERY = 1024;

  private final DataSource ds;
  private final Sql sql;
  private final String catalogue;
  private final long retentionSeconds;
  private final AtomicLong writes = new AtomicLong();

  Transactions(DataSource ds, Sql sql, String catalogue, long retentionSeconds) {
    this.ds = ds;
    this.sql = sql;
    this.catalogue = catalogue;
    this.retentionSeconds = retentionSeconds;
  }

  Sql sql() {
    return sql;
  }

  <T> T read(String operation, Read<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = ds.getConnection()) {
        return work.run(c);
      } catch (SQLException e) {
        if (!SqlStates.connectionLost(e) || attempt == ATTEMPTS) {
          throw SqlStates.storage(operation + " on " + catalogue, e);
        }
        pause(attempt);
      }
    }
  }

  <T> T write(String operation, Write<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = ds.getConnection()) {
        return once(c, operation, work);
      } catch (SQLException e) {
        boolean again = SqlStates.retryAtOnce(e) || SqlStates.connectionLost(e)
            || SqlStates.of(e).equals(SqlStates.UNIQUE_VIOLATION);
        if (!again || attempt == ATTEMPTS) {
          throw SqlStates.storage(operation + " on " + catalogue, e);
        }
        pause(attempt);
      }
    }
  }

  /** 2, 4, 8 ms: lets a conflicting writer finish, or a pool replace a dead connection. */
  private static void pause(int attempt) {
    LockSupport.parkNanos(1_000_000L << attempt);
  }

  private <T> T once(Connection c, String operation, Write<T> work) throws SQLException {
    c.setAutoCommit(false);
    T result;
    try {
      List<VideoChangeEvent> events = new ArrayList<>(1);
      result = work.run(c, events::add);
      ChangeLog.append(c, sql, events);
      if (writes.incrementAndGet() % PRUNE_EVERY == 0) {
        ChangeLog.prune(c, sql, retentionSeconds);
      }
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c);
      throw e;
    }
    try {
      c.commit();
    } catch (SQLException e) {
      // Lost (08xxx), or ended by a server shutting down (57P01-57P03, which a backend may
      // report after it has committed): the commit may have happened. Never retried.
      if (SqlStates.connectionLost(e)) {
        throw SqlStates.outcomeUnknown(operation + " on " + catalogue, e);
      }
      rollbackQuietly(c);
      throw e;
    }
    return result;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the server has rolled the transaction back
    }
  }
}
