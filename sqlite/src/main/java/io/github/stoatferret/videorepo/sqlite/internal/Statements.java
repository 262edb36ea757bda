package io.github.stoatferret.videorepo.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection and its prepared statements, kept for reuse, and (used on the writer's only) the
 * search-index changes its open transaction holds until commit. Owned by one thread: never shared.
 */
final class Statements implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> cache = new HashMap<>();
  private final Statement plain;
  private final SearchIndexWrites searchIndex = new SearchIndexWrites();

  Statements(Connection connection) throws SQLException {
    this.connection = connection;
    this.plain = connection.createStatement();
  }

  /** The prepared statement for an SQL text, prepared on first use. */
  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement ps = cache.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      cache.put(sql, ps);
    }
    return ps;
  }

  /**
   * Drops every prepared statement, to be prepared again on next use. Called after an SQL error:
   * sqlite-jdbc may have closed the statement that failed (it does on a full disk), and a closed
   * statement in the cache would fail every later call.
   */
  void reset() {
    closeAll();
  }

  /** The search-index changes held for the open write transaction. */
  SearchIndexWrites searchIndex() {
    return searchIndex;
  }

  /** Runs a statement without parameters (transaction control). */
  void execute(String sql) throws SQLException {
    plain.execute(sql);
  }

  private void closeAll() {
    for (PreparedStatement ps : cache.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    cache.clear();
  }

  @Override
  public void close() {
    closeAll();
    try {
      plain.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
    Database.closeQuietly(connection);
  }
}
