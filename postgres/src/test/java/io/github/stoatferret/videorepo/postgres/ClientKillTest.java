package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client JVM killed with SIGKILL in the middle of its writes loses no acknowledged write: the
 * acknowledgement comes after the commit, and the server keeps what it committed. At most the
 * writes in flight (one per lane) may be stored without having been acknowledged.
 */
@Tag("slow") // starts other processes, kills them or a server: skip with -DexcludedGroups=slow
class ClientKillTest {

  @TempDir Path dir;

  @Test
  void noAcknowledgedWriteIsLostWhenTheClientIsKilled() throws Exception {
    String database = TestServer.newDatabase();
    long seed = Long.getLong("videorepo.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    int rounds = Math.max(1, Integer.getInteger("videorepo.crash.rounds", 20) / 5);
    try (HikariDataSource pool = TestServer.pool(database, 4)) {
      for (int round = 0; round < rounds; round++) {
        String schema = "killed_" + round;
        PostgresVideoRepository.builder(pool).schema(schema).open().close();
        Path acks = dir.resolve("acks-" + round);
        Files.createFile(acks);
        int killAfter = 20 + random.nextInt(200);
        Process child =
            TwoProcessTest.start(
                ClientKillMain.class, TestServer.url(database), schema, acks.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.readAllLines(acks).size() < killAfter
            && child.isAlive()
            && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the client died by itself (seed " + seed + ")");
        child.destroyForcibly(); // SIGKILL
        child.waitFor();
        List<String> acked = Files.readAllLines(acks);
        try (PostgresVideoRepository repo =
            PostgresVideoRepository.builder(pool)
                .schema(schema)
                .schemaMode(SchemaMode.VALIDATE)
                .open()) {
          List<Video> stored = repo.list(100_000, 0).toCompletableFuture().join();
          List<String> storedIds = new ArrayList<>(stored.stream().map(Video::id).toList());
          for (String id : acked) {
            assertTrue(
                storedIds.contains(id),
                id + " was acknowledged and lost (seed " + seed + ", round " + round + ")");
          }
          assertEquals(
              (long) stored.size(),
              repo.count().toCompletableFuture().join(),
              "the stored count (schema V2) is exact after the kill (seed " + seed + ")");
          assertTrue(
              stored.size() <= acked.size() + 8,
              stored.size()
                  + " stored, "
                  + acked.size()
                  + " acknowledged: more than the 8 in flight (seed "
                  + seed
                  + ")");
          for (Video v : stored) {
            String[] parts = v.id().substring("lane".length()).split("-");
            assertEquals(
                Samples.video(v.id(), "/kill/" + v.id() + ".mp4", Integer.parseInt(parts[1])),
                v,
                "intact");
          }
          checkChangeLog(repo, stored, "seed " + seed + ", round " + round);
        }
      }
    }
  }

  /**
   * The change log holds exactly one change per stored video, the video as stored, numbered 1, 2,
   * 3... without a gap, each lane's in the order the lane wrote them: a change's position is
   * committed with it, and a write the kill cut off left no change behind.
   */
  private static void checkChangeLog(
      PostgresVideoRepository repo, List<Video> stored, String context)
      throws InterruptedException {
    List<ChangeFeedEvent> log = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    repo.changesAfter(ChangePosition.START)
        .subscribe(
            new Flow.Subscriber<>() {
              @Override
              public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
                if (stored.isEmpty()) {
                  done.countDown();
                }
              }

              @Override
              public void onNext(ChangeFeedEvent e) {
                synchronized (log) {
                  log.add(e);
                  if (log.size() == stored.size()) {
                    done.countDown();
                  }
                }
              }

              @Override
              public void onError(Throwable t) {
                done.countDown();
              }

              @Override
              public void onComplete() {
                done.countDown();
              }
            });
    assertTrue(done.await(30, TimeUnit.SECONDS), context + ": the log was not read in time");
    List<ChangeFeedEvent> read;
    synchronized (log) {
      read = List.copyOf(log);
    }
    assertEquals(stored.size(), read.size(), context + ": changes in the log");
    Map<String, Integer> lastOfLane = new HashMap<>();
    for (int i = 0; i < read.size(); i++) {
      ChangeFeedEvent e = read.get(i);
      assertEquals(i + 1, e.position().value(), context + ": position of change " + i);
      Video added = ((VideoChangeEvent.Added) e.change()).video();
      assertTrue(stored.contains(added), context + ": logged " + added.id() + " as stored");
      String[] parts = added.id().substring("lane".length()).split("-");
      int k = Integer.parseInt(parts[1]);
      Integer before = lastOfLane.put(parts[0], k);
      assertTrue(
          before == null || before < k,
          context + ": lane " + parts[0] + " logged " + k + " after " + before);
    }
  }
}
