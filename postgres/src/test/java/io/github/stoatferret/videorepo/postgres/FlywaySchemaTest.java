package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.Video;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users whose schema changes go through their own tool: Flyway applies the scripts shipped in the
 * jar, as they are, and the repository opens the result with {@link SchemaMode#VALIDATE} (which
 * changes nothing and checks the version) and serves. The scripts are complete, the version table
 * included, so the library's own migration and the tool's leave the same schema.
 */
class FlywaySchemaTest {

  private static HikariDataSource pool;

  @BeforeAll
  static void start() {
    pool = TestServer.pool(TestServer.newDatabase(), 4);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  private static Flyway flyway(String schema) {
    return Flyway.configure()
        .dataSource(pool)
        .schemas(schema)
        .locations("classpath:io/github/stoatferret/videorepo/postgres/schema")
        .placeholderPrefix("{")
        .placeholderSuffix("}")
        .placeholders(Map.of("schema", "\"" + schema + "\""))
        .load();
  }

  @Test
  void flywayAppliesTheShippedScriptsAndTheRepositoryValidatesAndServes() {
    MigrateResult result = flyway("flyway_catalogue").migrate();
    assertEquals(SCRIPTS, result.migrationsExecuted);
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(pool)
            .schema("flyway_catalogue")
            .schemaMode(SchemaMode.VALIDATE)
            .open()) {
      Video a = Samples.video("a");
      repo.add(a).toCompletableFuture().join();
      assertEquals(
          2,
          repo.update(a.toBuilder().fileSize(5).build(), 1).toCompletableFuture().join().version());
      assertEquals(1L, repo.count().toCompletableFuture().join());
      assertEquals(1, repo.search("a.mp4").toCompletableFuture().join().size());
    }
    assertEquals(
        0, flyway("flyway_catalogue").migrate().migrationsExecuted, "nothing left to apply");
  }

  /**
   * The tables, columns, types, constraints and indexes a schema holds, but the tool's own history
   * table and the trigram indexes, which the library adds beside the scripts when the pg_trgm
   * extension can be created.
   */
  private static List<String> shape(String schema) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = pool.getConnection()) {
      for (String sql :
          List.of(
              "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
                  + " || ' ' || coalesce(column_default, '') FROM information_schema.columns"
                  + " WHERE table_schema = ? AND table_name <> 'flyway_schema_history'",
              "SELECT conname || ' ' || pg_get_constraintdef(oid, true) FROM pg_constraint"
                  + " WHERE connamespace = ?::regnamespace AND conname NOT LIKE 'flyway%'",
              "SELECT replace(indexdef, ?, 'S') FROM pg_indexes WHERE schemaname = ?"
                  + " AND indexname NOT LIKE '%trgm%' AND indexname NOT LIKE 'flyway%'")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, schema);
          if (sql.startsWith("SELECT replace")) {
            ps.setString(2, schema); // the index definitions name their schema: compare without
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  @Test
  void theScriptsAloneMakeTheSchemaTheLibraryMakes() throws SQLException {
    flyway("by_tool").migrate();
    PostgresVideoRepository.builder(pool).schema("by_library").open().close();
    List<String> byTool = shape("by_tool");
    assertEquals(shape("by_library"), byTool);
    assertTrue(byTool.size() > 20, "the shapes compared hold the tables: " + byTool);
  }

  /** The number of scripts shipped: the schema version this library writes. */
  private static final int SCRIPTS = 3;
}
