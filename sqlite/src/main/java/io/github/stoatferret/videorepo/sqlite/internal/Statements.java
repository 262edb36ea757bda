package io.github.stoatferret.videorepo.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection and its prepared statements, kept for reuse. Owned by one thread: never shared.
 */
final class Statements implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> cache = new HashMap<>();
  private final Statement plain;

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

  /** Runs a statement without parameters (transaction control). */
  void execute(String sql) throws SQLException {
    plain.execute(sql);
  }

  @Override
  public void close() {
    for (PreparedStatement ps : cache.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    try {
      plain.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
    Database.closeQuietly(connection);
  }
}
