package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/schema.md shows the SQLite schema as the scripts leave it; this test migrates a new file and
 * compares, so the page cannot fall behind a new script. When it fails, it prints the schema to
 * paste into the page.
 */
class SchemaDocTest {

  private static final String START = "<!-- sqlite schema: checked by SchemaDocTest -->";

  @TempDir Path dir;

  @Test
  void docsSchemaMdShowsTheSchemaOfANewFile() throws Exception {
    Path file = dir.resolve("schema.db");
    SqliteVideoRepository.open(file).close();
    List<String> statements = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        // FTS5's shadow tables are its own business; the virtual table says what it is.
        ResultSet rs =
            s.executeQuery(
                "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL"
                    + " AND name NOT LIKE 'videos_search_%' ORDER BY type DESC, name")) {
      while (rs.next()) {
        statements.add(rs.getString(1).strip() + ";");
      }
    }
    String actual = String.join("\n\n", statements);
    Path page = Path.of("..", "docs", "schema.md");
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int at = text.indexOf(START);
    assertTrue(at >= 0, page + " lacks the marker " + START);
    int from = text.indexOf("```sql\n", at) + "```sql\n".length();
    int to = text.indexOf("```", from);
    assertEquals(
        normalize(actual),
        normalize(text.substring(from, to)),
        "docs/schema.md is behind the scripts; the schema of a new file is:\n" + actual);
  }

  private static String normalize(String sql) {
    return sql.replaceAll("\\s+", " ").strip();
  }
}
