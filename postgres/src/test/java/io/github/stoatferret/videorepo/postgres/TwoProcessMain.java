package io.github.stoatferret.videorepo.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The second process of {@link TwoProcessTest}: it writes the same contested ids and paths as the
 * test's own process, records every change event its listener receives, one per line, and ends when
 * its standard input closes.
 */
public final class TwoProcessMain {

  private TwoProcessMain() {}

  /**
   * Runs the process.
   *
   * @param args the JDBC URL, the schema, the file for the events, and "ready" to print when the
   *     repository is open
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    try (HikariDataSource pool = new HikariDataSource(config);
        PrintWriter events =
            new PrintWriter(
                Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8), true)) {
      VideoChangeEventLog log = new VideoChangeEventLog(events);
      try (PostgresVideoRepository repo =
          PostgresVideoRepository.builder(pool)
              .schema(args[1])
              .listener(log)
              .pollInterval(Duration.ofMillis(50))
              .open()) {
        System.out.println("ready");
        System.out.flush();
        TwoProcessTest.contestedWrites(repo, 1);
        System.in.read(); // until the test closes our input
      }
    }
  }

  /** Writes each event as one line. */
  private record VideoChangeEventLog(PrintWriter out)
      implements io.github.stoatferret.videorepo.VideoChangeListener {
    @Override
    public void onChange(VideoChangeEvent event) {
      out.println(event);
    }
  }

  static void ignoreClashes(Runnable write) {
    try {
      write.run();
    } catch (CompletionException expected) {
      // a clash or an absent id: the other process got there first
    }
  }
}
