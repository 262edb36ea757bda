package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema the library owns: migration at open, its lock, and refusals. */
class SchemaTest {

  private static HikariDataSource pool;

  @BeforeAll
  static void start() {
    pool = TestServer.pool(TestServer.newDatabase(), 20);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  private static int version(String schema) throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM " + schema + ".videorepo_schema")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void processesOpeningAnEmptyDatabaseAtOnceMigrateItOnce() throws Exception {
    // Eight openers, each with a pool of its own as separate processes would have.
    int openers = 8;
    List<HikariDataSource> pools = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(openers);
    CountDownLatch go = new CountDownLatch(1);
    String database = TestServer.newDatabase();
    try {
      List<Future<Long>> counts = new ArrayList<>();
      for (int i = 0; i < openers; i++) {
        HikariDataSource own = TestServer.pool(database, 2);
        pools.add(own);
        int n = i;
        Callable<Long> open =
            () -> {
              go.await();
              try (PostgresVideoRepository repo =
                  PostgresVideoRepository.builder(own).schema("race").open()) {
                repo.add(Samples.video("v" + n)).toCompletableFuture().join();
                return repo.count().toCompletableFuture().join();
              }
            };
        counts.add(threads.submit(open));
      }
      go.countDown();
      for (Future<Long> count : counts) {
        assertTrue(count.get() >= 1); // every opener could use the catalogue at once
      }
      try (PostgresVideoRepository repo =
          PostgresVideoRepository.builder(pools.get(0))
              .schema("race")
              .schemaMode(SchemaMode.VALIDATE)
              .open()) {
        assertEquals((long) openers, repo.count().toCompletableFuture().join());
      }
    } finally {
      threads.shutdownNow();
      pools.forEach(HikariDataSource::close);
    }
  }

  @Test
  void aNewerSchemaIsRefusedNamingBothVersionsAndLeftUnchanged() throws Exception {
    PostgresVideoRepository.builder(pool).schema("newer").open().close();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("UPDATE newer.videorepo_schema SET version = 99");
    }
    for (SchemaMode mode : List.of(SchemaMode.MIGRATE, SchemaMode.VALIDATE)) {
      StorageException e =
          assertThrows(
              StorageException.class,
              () -> PostgresVideoRepository.builder(pool).schema("newer").schemaMode(mode).open());
      assertTrue(e.getMessage().contains("version 99"), e.getMessage());
      assertTrue(e.getMessage().contains("this library's version 3"), e.getMessage());
      assertTrue(e.getMessage().contains("\"newer\""), e.getMessage());
    }
    assertEquals(99, version("newer"));
  }

  @Test
  void validateOnAMissingSchemaFailsClearlyAndCreatesNothing() throws Exception {
    StorageException e =
        assertThrows(
            StorageException.class,
            () ->
                PostgresVideoRepository.builder(pool)
                    .schema("absent")
                    .schemaMode(SchemaMode.VALIDATE)
                    .open());
    assertTrue(
        e.getMessage().contains("schema \"absent\" holds no videorepo catalogue"), e.getMessage());
    assertTrue(e.getMessage().contains("SchemaMode.MIGRATE"), e.getMessage());
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'absent'")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void twoCataloguesLiveInOneDatabase() {
    try (PostgresVideoRepository a = PostgresVideoRepository.builder(pool).schema("one").open();
        PostgresVideoRepository b = PostgresVideoRepository.builder(pool).schema("two").open()) {
      a.add(Samples.video("x")).toCompletableFuture().join();
      assertEquals(1L, a.count().toCompletableFuture().join());
      assertEquals(0L, b.count().toCompletableFuture().join());
      b.add(Samples.video("x")).toCompletableFuture().join(); // same id, other catalogue
      assertTrue(a.usesTrigramIndexes());
    }
  }

  private static String script(String name) throws Exception {
    try (var in =
        PostgresVideoRepository.class.getResourceAsStream(
            "/io/github/stoatferret/videorepo/postgres/schema/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void theShippedScriptsAppliedByHandServeSchemaModeNone() throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA by_hand");
      for (String name : List.of("V1__videos.sql", "V2__video_count.sql")) {
        s.execute(script(name).replace("{schema}", "\"by_hand\""));
      }
    }
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(pool)
            .schema("by_hand")
            .schemaMode(SchemaMode.NONE)
            .open()) {
      repo.add(Samples.video("a")).toCompletableFuture().join();
      assertEquals(1L, repo.count().toCompletableFuture().join());
      assertTrue(!repo.usesTrigramIndexes(), "no trigram indexes: the search scans");
      assertEquals(1, repo.search("A.MP4").toCompletableFuture().join().size());
    }
  }

  @Test
  void aVersionOneCatalogueIsMigratedWithItsCountAndVersions() throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA old");
      // The script alone makes a version-1 catalogue, its version table included.
      s.execute(script("V1__videos.sql").replace("{schema}", "\"old\""));
      s.execute(
          "INSERT INTO old.videos (id, path, filename, duration_frames,"
              + " frame_rate_numerator, frame_rate_denominator, width, height, video_codec,"
              + " file_size, created_at_us, updated_at_us, list_key, search_filename, search_path)"
              + " SELECT 'v' || g, '/v/' || g || '.mp4', g || '.mp4', 100, 25, 1, 1920, 1080, 'h264',"
              + " 1000, g, g, -g, g || '.mp4', '/v/' || g || '.mp4' FROM generate_series(1, 3) g");
    }
    assertEquals(1, version("old"));
    try (PostgresVideoRepository repo =
        PostgresVideoRepository.builder(pool).schema("old").open()) {
      assertEquals(3L, repo.count().toCompletableFuture().join());
      repo.add(Samples.video("new")).toCompletableFuture().join();
      repo.delete("v1").toCompletableFuture().join();
      assertEquals(3L, repo.count().toCompletableFuture().join());
      // Rows older than versions (V3) are at the first version; conditional writes work.
      VersionedVideo v2 = repo.getVersioned("v2").toCompletableFuture().join().orElseThrow();
      assertEquals(1, v2.version());
      Video bigger = v2.video().toBuilder().fileSize(2000).build();
      assertEquals(
          new VersionedVideo(bigger, 2), repo.update(bigger, 1).toCompletableFuture().join());
    }
    assertEquals(3, version("old"));
  }
}
