package io.github.stoatferret.videorepo.postgres.internal;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.postgres.SchemaMode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The catalogue's schema: versioned SQL scripts shipped as resources, a one-row version table, and
 * migration serialised across processes by a row lock on that table ({@code SELECT ... FOR
 * UPDATE}), which, unlike an advisory lock, CockroachDB and YugabyteDB also have. The trigram
 * indexes are not in the scripts: they need the {@code pg_trgm} extension, which not every database
 * lets a user create, so they are added after migration where possible, and search works (slower)
 * without them.
 */
final class Schema {

  /** The newest schema version this library knows. */
  static final int LATEST = 3;

  private static final List<String> SCRIPTS =
      List.of("V1__videos.sql", "V2__video_count.sql", "V3__versions.sql");
  private static final String RESOURCES = "/io/github/stoatferret/videorepo/postgres/schema/";
  private static final System.Logger LOG = System.getLogger(Schema.class.getName());

  /** What a concurrent creator of the same object makes the loser of the race see. */
  private static final Set<String> ALREADY_THERE =
      Set.of(
          SqlErrors.UNIQUE_VIOLATION,
          SqlErrors.DUPLICATE_SCHEMA,
          SqlErrors.DUPLICATE_TABLE,
          SqlErrors.DUPLICATE_OBJECT);

  private Schema() {}

  /**
   * Prepares or checks the schema as the mode says.
   *
   * @param ds the data source
   * @param name the schema's name, unquoted
   * @param mode what to do
   * @return whether searches may use trigram indexes
   * @throws StorageException naming the schema and the versions if it cannot be used
   */
  static boolean open(DataSource ds, String name, SchemaMode mode) {
    String s = Sql.quote(name);
    try (Connection c = ds.getConnection()) {
      // Each statement on its own unless migrate says otherwise.
      return Transactions.autoCommitted(c, conn -> open(conn, name, s, mode));
    } catch (SQLException e) {
      throw SqlErrors.storage("opening the videorepo catalogue in schema " + s, e);
    }
  }

  private static boolean open(Connection c, String name, String s, SchemaMode mode)
      throws SQLException {
    warnUnlessUtf8(c);
    switch (mode) {
      case MIGRATE -> {
        migrate(c, s);
        return addTrigramIndexes(c, s);
      }
      case VALIDATE -> {
        validate(c, s);
        return hasTrigramIndexes(c, name, true);
      }
      default -> {
        return hasTrigramIndexes(c, name, false);
      }
    }
  }

  private static void migrate(Connection c, String s) throws SQLException {
    createIfMissing(c, "CREATE SCHEMA IF NOT EXISTS " + s);
    createIfMissing(
        c,
        "CREATE TABLE IF NOT EXISTS "
            + s
            + ".videorepo_schema (one boolean"
            + " PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)");
    execute(
        c,
        "INSERT INTO "
            + s
            + ".videorepo_schema (one, version) VALUES (true, 0)"
            + " ON CONFLICT DO NOTHING");
    c.setAutoCommit(false);
    try {
      int version;
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT version FROM "
                      + s
                      + ".videorepo_schema"
                      + " FOR UPDATE")) { // waits while another process migrates
        rs.next();
        version = rs.getInt(1);
      }
      refuseNewer(s, version);
      for (int v = version + 1; v <= LATEST; v++) {
        execute(c, script(v).replace("{schema}", s));
        LOG.log(Level.INFO, "videorepo: schema " + s + " migrated to version " + v);
      }
      execute(c, "UPDATE " + s + ".videorepo_schema SET version = " + LATEST);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static void validate(Connection c, String s) throws SQLException {
    int version;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM " + s + ".videorepo_schema")) {
      version = rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      if (SqlErrors.of(e).equals(SqlErrors.UNDEFINED_TABLE)
          || SqlErrors.of(e).equals("3F000")) { // no such schema
        throw new StorageException(
            "schema "
                + s
                + " holds no videorepo catalogue (no"
                + " videorepo_schema table); open it with SchemaMode.MIGRATE, or apply the scripts"
                + " shipped in videorepo-postgres ("
                + RESOURCES
                + SCRIPTS.get(0)
                + ")",
            e,
            false);
      }
      throw e;
    }
    refuseNewer(s, version);
    if (version < LATEST) {
      throw new StorageException(
          "schema "
              + s
              + " is at videorepo schema version "
              + version
              + ", older than this library's version "
              + LATEST
              + "; migrate it (SchemaMode.MIGRATE"
              + " or the shipped scripts) before opening it with SchemaMode.VALIDATE",
          null,
          false);
    }
  }

  private static void refuseNewer(String s, int version) {
    if (version > LATEST) {
      throw new StorageException(
          "schema "
              + s
              + " is at videorepo schema version "
              + version
              + ", newer than this library's version "
              + LATEST
              + "; use a newer videorepo-postgres"
              + " (nothing was changed)",
          null,
          false);
    }
  }

  /** Creates the extension and the indexes if allowed; says whether the indexes exist. */
  private static boolean addTrigramIndexes(Connection c, String s) throws SQLException {
    String ops;
    try {
      createIfMissing(c, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
      ops = trigramOperatorClass(c);
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "videorepo: the pg_trgm extension could not be created in this"
              + " database ("
              + e.getMessage()
              + "); search in schema "
              + s
              + " works, but scans"
              + " every row. Ask an administrator to run CREATE EXTENSION pg_trgm.");
      return false;
    }
    for (String column : List.of("search_filename", "search_path")) {
      createIfMissing(
          c,
          "CREATE INDEX IF NOT EXISTS videos_"
              + column
              + "_trgm ON "
              + s
              + ".videos USING gin ("
              + column
              + " "
              + ops
              + ")");
    }
    return true;
  }

  private static boolean hasTrigramIndexes(Connection c, String name, boolean warn)
      throws SQLException {
    try (var ps =
        c.prepareStatement(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = ? AND"
                + " indexname IN ('videos_search_filename_trgm', 'videos_search_path_trgm')")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        boolean present = rs.getInt(1) == 2;
        if (!present && warn) {
          LOG.log(
              Level.WARNING,
              "videorepo: schema \""
                  + name
                  + "\" has no trigram indexes;"
                  + " search works, but scans every row");
        }
        return present;
      }
    }
  }

  private static String trigramOperatorClass(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT n.nspname"
                    + " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                    + " WHERE e.extname = 'pg_trgm'")) {
      if (!rs.next()) {
        throw new SQLException("pg_trgm is not installed", "58P01");
      }
      return Sql.quote(rs.getString(1)) + ".gin_trgm_ops";
    }
  }

  private static void warnUnlessUtf8(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW server_encoding")) {
      rs.next();
      String encoding = rs.getString(1);
      if (!"UTF8".equalsIgnoreCase(encoding)) {
        LOG.log(
            Level.WARNING,
            "videorepo: the database's encoding is "
                + encoding
                + ", not"
                + " UTF8: text outside it cannot be stored, and trigrams of non-ASCII text are lost,"
                + " so searches for it scan every row");
      }
    }
  }

  /** Runs a CREATE that a concurrent process may win: losing that race is success too. */
  private static void createIfMissing(Connection c, String sql) throws SQLException {
    try {
      execute(c, sql);
    } catch (SQLException e) {
      if (!ALREADY_THERE.contains(SqlErrors.of(e))) {
        throw e;
      }
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String script(int version) {
    String file = RESOURCES + SCRIPTS.get(version - 1);
    try (InputStream in = Schema.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("schema script missing from the jar: " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
