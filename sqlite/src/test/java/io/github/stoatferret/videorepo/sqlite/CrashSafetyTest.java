package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of writes, with durability NORMAL: a child JVM writes through the
 * repository on many lanes and reports each completed stage; the test kills it at a random moment,
 * reopens the file and checks that every acknowledged write is there, intact; that no write is half
 * there; that the change log holds exactly the stored writes' changes, in order; that {@code PRAGMA
 * integrity_check} is {@code ok}; and that the repository keeps working. Rounds: {@code
 * videorepo.crash.rounds} (default 20).
 */
@Tag("slow") // starts other processes, kills them or a server: skip with -DexcludedGroups=slow
class CrashSafetyTest {

  private static final int LANES = 24;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
    int rounds = Integer.getInteger("videorepo.crash.rounds", 20);
    long seed = Long.getLong("videorepo.crash.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < rounds; round++) {
      Path file = dir.resolve("crash-" + round + ".db");
      int killAfterAcks = 1 + random.nextInt(3_000);
      String context =
          "round " + round + " (seed " + seed + ", kill after " + killAfterAcks + " acks)";
      AtomicLongArray acked = runAndKill(file, killAfterAcks);
      try (SqliteVideoRepository repo = SqliteVideoRepository.open(file)) {
        long[] applied = new long[LANES]; // how many of a lane's operations are stored
        for (int lane = 0; lane < LANES; lane++) {
          long a = acked.get(lane); // last acknowledged op, -1 for none
          Optional<Video> stored = repo.get(CrashWorkload.id(lane)).toCompletableFuture().join();
          Optional<Video> afterAcked = CrashWorkload.state(lane, a + 1);
          Optional<Video> afterNext = CrashWorkload.state(lane, a + 2); // in flight when killed
          assertTrue(
              stored.equals(afterAcked) || stored.equals(afterNext),
              context
                  + ": lane "
                  + lane
                  + " acked op "
                  + a
                  + ", stored "
                  + stored
                  + ", expected "
                  + afterAcked
                  + " or "
                  + afterNext);
          applied[lane] = stored.equals(afterAcked) ? a + 1 : a + 2;
          if (stored.isPresent()) {
            List<Video> found = repo.search("/lane-" + lane + "/", 10).toCompletableFuture().join();
            assertEquals(List.of(stored.get()), found, context + ": search index of lane " + lane);
          }
        }
        checkChangeLog(repo, applied, context);
        repo.add(Samples.video("after-crash")).toCompletableFuture().join();
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
          assertEquals("ok", rs.getString(1), context);
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT n FROM video_count)," + " (SELECT count(*) FROM videos)")) {
          assertEquals(rs.getLong(2), rs.getLong(1), context + ": the stored count");
        }
      }
    }
  }

  /**
   * The change log after the crash holds exactly the changes of the stored writes (every operation
   * of the workload changes its lane's video, so one change each), numbered 1, 2, 3... with no gap,
   * each lane's in its operation order: a position is as durable as its write.
   */
  private static void checkChangeLog(SqliteVideoRepository repo, long[] applied, String context)
      throws InterruptedException {
    long total = 0;
    for (long n : applied) {
      total += n;
    }
    List<ChangeFeedEvent> log =
        FeedCollector.first(
            repo.changesAfter(ChangePosition.START), (int) total, Duration.ofSeconds(30));
    assertEquals(total, log.size(), context + ": changes in the log");
    Map<String, List<VideoChangeEvent>> byLane = new HashMap<>();
    for (int i = 0; i < log.size(); i++) {
      assertEquals(i + 1, log.get(i).position().value(), context + ": position of change " + i);
      byLane.computeIfAbsent(log.get(i).id(), k -> new ArrayList<>()).add(log.get(i).change());
    }
    for (int lane = 0; lane < applied.length; lane++) {
      List<VideoChangeEvent> expected = new ArrayList<>();
      for (long k = 0; k < applied[lane]; k++) {
        Optional<Video> before = CrashWorkload.state(lane, k);
        Optional<Video> after = CrashWorkload.state(lane, k + 1);
        expected.add(
            after.isEmpty()
                ? new VideoChangeEvent.Deleted(before.orElseThrow())
                : before.isEmpty()
                    ? new VideoChangeEvent.Added(after.get())
                    : VideoChangeEvent.Updated.of(before.get(), after.get()));
      }
      assertEquals(
          expected,
          byLane.getOrDefault(CrashWorkload.id(lane), List.of()),
          context + ": logged changes of lane " + lane);
    }
  }

  /**
   * Runs the child until it has acknowledged enough writes, kills it, and returns each lane's last
   * acknowledged operation (-1 for none). The child's output goes to a file, not a pipe: every
   * acknowledgement it wrote before dying is in the file, whereas a pipe's last bytes can be lost
   * when the JDK closes it as the process exits.
   */
  private AtomicLongArray runAndKill(Path file, int killAfterAcks) throws Exception {
    Path acks = Path.of(file + ".acks");
    Process child =
        ChildProcess.start(acks, CrashWorkerMain.class, file.toString(), String.valueOf(LANES));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (completeLines(acks).size() < killAfterAcks
        && child.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    child.destroyForcibly(); // SIGKILL
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
    List<String> lines = completeLines(acks);
    assertTrue(
        lines.size() >= killAfterAcks,
        "the child acknowledged too few writes (" + lines.size() + ") before the deadline");
    AtomicLongArray acked = new AtomicLongArray(LANES);
    for (int i = 0; i < LANES; i++) {
      acked.set(i, -1);
    }
    for (String line : lines) {
      String[] p = line.split(" ");
      if (p.length == 3 && p[0].equals("ack")) {
        acked.set(Integer.parseInt(p[1]), Long.parseLong(p[2]));
      }
    }
    return acked;
  }

  /** The lines of a file that end with a newline: a line cut by the kill is not counted. */
  private static List<String> completeLines(Path path) throws IOException {
    if (!Files.exists(path)) {
      return List.of();
    }
    String text = Files.readString(path, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }
}
