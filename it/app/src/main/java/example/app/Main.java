package example.app;

import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.postgres.PostgresVideoRepository;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens the SQLite backend, stores three videos, searches them; then opens the PostgreSQL backend
 * against a port where no server listens, which must fail cleanly with a retryable
 * StorageException. Exits 1 on a wrong answer.
 */
public final class Main {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("videorepo-app");
    try (VideoRepository repo = SqliteVideoRepository.open(dir.resolve("videos.db"))) {
      for (String name : List.of("Beach.mp4", "Straße bei Nacht.mkv", "city.mov")) {
        repo.add(Video.builder().id(Video.newId()).path("/videos/" + name).filename(name)
            .durationFrames(240).frameRate(24, 1).resolution(1280, 720).videoCodec("h264")
            .fileSize(1000).timestamps(Instant.now()).build()).toCompletableFuture().join();
      }
      List<Video> found = repo.search("STRASSE").toCompletableFuture().join();
      long count = repo.count().toCompletableFuture().join();
      String where = Main.class.getModule().isNamed() ? "module path" : "class path";
      System.out.println("app on the " + where + ": " + count + " stored, search found "
          + found.size() + " (" + (found.isEmpty() ? "-" : found.get(0).filename()) + ")");
      if (count != 3 || found.size() != 1) {
        System.exit(1);
      }
    }
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://localhost:1/videos");
    try {
      PostgresVideoRepository.builder(nowhere).open().close();
      System.out.println("postgres: opened without a server?");
      System.exit(1);
    } catch (StorageException e) {
      System.out.println("postgres backend: no server, refused cleanly (retryable: "
          + e.isRetryable() + ")");
      if (!e.isRetryable()) {
        System.exit(1);
      }
    }
  }
}
