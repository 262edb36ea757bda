package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two repositories in two JVMs write one new file at once: the schema is created once, every write
 * lands, ids stay unique across processes, the change log numbers both processes' changes in one
 * sequence, and no "database is locked" escapes within the busy timeout.
 */
@Tag("slow") // starts other processes, kills them or a server: skip with -DexcludedGroups=slow
class TwoProcessTest {

  @TempDir Path dir;

  @Test
  void twoProcessesWriteOneFile() throws Exception {
    Path file = dir.resolve("shared.db");
    int count = 2_000;
    Process a =
        ChildProcess.start(ConcurrentWriterMain.class, file.toString(), "a", String.valueOf(count));
    Process b =
        ChildProcess.start(ConcurrentWriterMain.class, file.toString(), "b", String.valueOf(count));
    Map<String, Integer> ra = results(a);
    Map<String, Integer> rb = results(b);
    assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, a.exitValue());
    assertEquals(0, b.exitValue());
    assertEquals(0, ra.get("failed") + rb.get("failed"), "failures: " + ra + " " + rb);
    assertEquals(count, ra.get("own"));
    assertEquals(count, rb.get("own"));
    int shared = count / 10;
    assertEquals(shared, ra.get("won") + rb.get("won"), "each shared id won once");
    assertEquals(shared, ra.get("lost") + rb.get("lost"), "each shared id lost once");
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
      assertEquals(2L * count + shared, repo.count().toCompletableFuture().join());
      // Both writers numbered their changes under the write lock: one log, no gap, no clash.
      int changes = 2 * count + shared;
      List<ChangeFeedEvent> log =
          FeedCollector.first(
              repo.changesAfter(ChangePosition.START), changes, Duration.ofSeconds(30));
      assertEquals(changes, log.size());
      for (int i = 0; i < changes; i++) {
        assertEquals(i + 1, log.get(i).position().value());
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      assertEquals("ok", rs.getString(1));
    }
  }

  private static Map<String, Integer> results(Process p) throws Exception {
    Map<String, Integer> out = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] parts = line.split(" ");
        out.put(parts[0], Integer.parseInt(parts[1]));
      }
    }
    return out;
  }
}
