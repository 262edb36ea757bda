package io.github.stoatferret.videorepo.sqlite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned schema: plain SQL scripts, applied in order, with the version kept in {@code PRAGMA
 * user_version}. Script {@code Vn__name.sql} takes the schema from version n-1 to n.
 */
final class Schema {

  /** The scripts, in order; the position of a script (from 1) is the version it makes. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__videos.sql",
          "V2__video_count.sql",
          "V3__list_slot.sql",
          "V4__strict_types.sql",
          "V5__versions.sql",
          "V6__change_log.sql");

  /** The version whose step types the columns, and so refuses a value of the wrong type. */
  static final int STRICT_TYPES = 4;

  /** The schema version this library writes. */
  static final int LATEST = SCRIPTS.size();

  private Schema() {}

  /**
   * Reads the schema version of a database.
   *
   * @param c a connection
   * @return the version, 0 for a new database
   * @throws SQLException if the database cannot be read
   */
  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Brings a database from its version to {@link #LATEST}, in one transaction that takes the write
   * lock first, so that two processes opening a new file at once migrate it once.
   *
   * @param c the writer connection, in auto-commit mode
   * @throws SQLException if a script fails; nothing is changed then
   */
  static void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        int from = version(c);
        for (int v = from + 1; v <= LATEST; v++) {
          for (String sql : statements(SCRIPTS.get(v - 1))) {
            s.execute(sql);
          }
        }
        if (from < LATEST) {
          s.execute("PRAGMA user_version = " + LATEST);
        }
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /**
   * Splits a script into statements: each ends with a semicolon at the end of a line; lines that
   * start with {@code --} are comments.
   */
  static List<String> statements(String script) {
    String text;
    try (InputStream in =
        Schema.class.getResourceAsStream(
            "/io/github/stoatferret/videorepo/sqlite/migrations/" + script)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + script + " is missing");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration script " + script, e);
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
