package io.github.stoatferret.videorepo.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.Video;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a health endpoint and a metrics registry read from the SQLite engine. */
class StatisticsTest {

  @TempDir Path dir;

  @Test
  void commitsGroupsAndFileSizesAreCountedAndHealthFollowsClose() {
    SqliteVideoRepository repo = SqliteVideoRepository.open(dir.resolve("v.db"));
    List<CompletableFuture<Video>> adds = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      adds.add(repo.add(Samples.video("v" + i)).toCompletableFuture());
    }
    adds.forEach(CompletableFuture::join);
    Map<String, Long> figures = repo.statistics();
    assertEquals(200L, figures.get("writes.committed"), figures::toString);
    long commits = figures.get("commits");
    assertTrue(commits >= 1 && commits <= 200, figures::toString);
    assertTrue(figures.get("database.bytes") > 0, figures::toString);
    assertTrue(
        figures.get("wal.bytes") > 0, "WAL mode, writes not yet checkpointed away: " + figures);
    assertEquals(0L, figures.get("writes.queued"), figures::toString);
    assertTrue(repo.health().toCompletableFuture().join().up());
    repo.close();
    RepositoryHealth closed = repo.health().toCompletableFuture().join();
    assertFalse(closed.up());
    assertEquals("closed", closed.detail());
    assertEquals(200L, repo.statistics().get("writes.committed"), "figures stay readable");
  }
}
