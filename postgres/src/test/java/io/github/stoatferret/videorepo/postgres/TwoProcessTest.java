package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs write the same contested ids and paths to one catalogue at once: each id and each path
 * is won exactly once, and the listeners of both processes receive the same event sequence, whose
 * replay gives the final state.
 */
@Tag("slow") // starts other processes, kills them or a server: skip with -DexcludedGroups=slow
class TwoProcessTest {

  @TempDir Path dir;

  /**
   * The writes both processes make: adds of 60 ids over 40 paths, updates and deletes.
   *
   * @param repo the repository
   * @param process 0 or 1, so the two processes differ in content
   */
  static void contestedWrites(PostgresVideoRepository repo, int process) {
    for (int n = 0; n < 150; n++) {
      int i = n;
      String id = "c" + (i % 60);
      Video v =
          Samples.video(id, "/c/" + (i % 40) + ".mp4", i).toBuilder()
              .fileSize(1000 + process)
              .build();
      TwoProcessMain.ignoreClashes(() -> repo.add(v).toCompletableFuture().join());
      if (i % 3 == 0) {
        TwoProcessMain.ignoreClashes(
            () ->
                repo.update(v.toBuilder().fileSize(i * 10L + process).build())
                    .toCompletableFuture()
                    .join());
      }
      if (i % 11 == 0) {
        TwoProcessMain.ignoreClashes(
            () -> repo.delete("c" + ((i + 7) % 60)).toCompletableFuture().join());
      }
    }
  }

  @Test
  void twoProcessesWinEachKeyOnceAndSeeTheSameEvents() throws Exception {
    String database = TestServer.newDatabase();
    Path childEvents = dir.resolve("child-events");
    List<String> ours = Collections.synchronizedList(new ArrayList<>());
    try (HikariDataSource pool = TestServer.pool(database, 8);
        PostgresVideoRepository repo =
            PostgresVideoRepository.builder(pool)
                .schema("two")
                .listener(e -> ours.add(e.toString()))
                .pollInterval(Duration.ofMillis(50))
                .open()) {
      Process child =
          start(TwoProcessMain.class, TestServer.url(database), "two", childEvents.toString());
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        assertEquals("ready", out.readLine());
        contestedWrites(repo, 0);
        waitForQuiet(ours, childEvents);
        child.getOutputStream().close(); // the child ends
        assertEquals(0, child.waitFor());
      }
      List<String> theirs = Files.readAllLines(childEvents);
      assertTrue(
          addsWonBy(ours, 0) > 0 && addsWonBy(ours, 1) > 0, "both processes won adds: " + ours);
      assertEquals(new ArrayList<>(ours), theirs, "both processes see the same sequence");
      List<Video> stored = repo.list(1000, 0).toCompletableFuture().join();
      Map<String, String> paths = new TreeMap<>();
      for (Video v : stored) {
        assertTrue(paths.put(v.path(), v.id()) == null, "path " + v.path() + " held twice");
      }
      assertEquals(stored.size(), replayedCount(ours), "replaying the events gives the state");
    }
  }

  /**
   * The adds a process won: its adds carry file size 1000 + process. (The total number of events
   * depends on the interleaving, from 98 to 113 in a simulation of this script, so it is not
   * asserted.)
   */
  private static long addsWonBy(List<String> events, int process) {
    String mark = "fileSize=" + (1000 + process) + ",";
    return events.stream()
        .filter(e -> e.startsWith(VideoChangeEvent.Added.class.getSimpleName()))
        .filter(e -> e.contains(mark))
        .count();
  }

  /** The number of videos left after replaying the events (adds minus deletes). */
  private static long replayedCount(List<String> events) {
    long n = 0;
    for (String e : events) {
      if (e.startsWith(VideoChangeEvent.Added.class.getSimpleName())) {
        n++;
      } else if (e.startsWith(VideoChangeEvent.Deleted.class.getSimpleName())) {
        n--;
      }
    }
    return n;
  }

  private static void waitForQuiet(List<String> ours, Path theirs) throws Exception {
    long last = -1;
    long stableSince = System.nanoTime();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      long now =
          ours.size() * 1_000_000L + (Files.exists(theirs) ? Files.readAllLines(theirs).size() : 0);
      if (now != last) {
        last = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos()
          && ours.size() == Files.readAllLines(theirs).size()) {
        return;
      }
      Thread.sleep(50);
    }
  }

  /** Starts a JVM on this test run's class and module paths, all on its class path. */
  static Process start(Class<?> main, String... args) throws Exception {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String path =
        System.getProperty("java.class.path")
            + File.pathSeparator
            + System.getProperty("jdk.module.path", "");
    List<String> command = new ArrayList<>(List.of(java, "-cp", path, main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
