package io.github.stoatferret.videorepo.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The client JVM of {@link ClientKillTest}: eight lanes add videos one after another, and after
 * each acknowledgement write the id to a file (a file, not stdout, whose last lines a killed
 * process can lose). It runs until it is killed.
 */
public final class ClientKillMain {

  private ClientKillMain() {}

  /**
   * Runs the client.
   *
   * @param args the JDBC URL, the schema, the acknowledgement file
   * @throws Exception if the client fails before it is killed
   */
  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    HikariDataSource pool = new HikariDataSource(config);
    PostgresVideoRepository repo = PostgresVideoRepository.builder(pool).schema(args[1]).open();
    try (OutputStream acks = new FileOutputStream(Path.of(args[2]).toFile(), true)) {
      List<Thread> lanes = new ArrayList<>();
      for (int lane = 0; lane < 8; lane++) {
        int l = lane;
        lanes.add(
            new Thread(
                () -> {
                  for (int i = 0; ; i++) {
                    String id = "lane" + l + "-" + i;
                    repo.add(Samples.video(id, "/kill/" + id + ".mp4", i))
                        .toCompletableFuture()
                        .join();
                    synchronized (acks) {
                      try {
                        acks.write((id + "\n").getBytes(StandardCharsets.UTF_8));
                        acks.flush();
                      } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    }
                  }
                }));
      }
      lanes.forEach(Thread::start);
      for (Thread t : lanes) {
        t.join();
      }
    }
  }
}
