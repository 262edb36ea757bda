package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A child process for {@link TwoProcessTest}: adds its own videos and races the other process for a
 * set of shared ids, then prints one line per outcome kind: {@code own N}, {@code won N}, {@code
 * lost N}, {@code failed N}.
 */
public final class ConcurrentWriterMain {

  private ConcurrentWriterMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    int won = 0;
    int lost = 0;
    int failed = 0;
    int own = 0;
    try (SqliteVideoRepository repo =
        SqliteVideoRepository.builder().file(file).busyTimeout(Duration.ofSeconds(30)).open()) {
      List<CompletableFuture<?>> mine = new ArrayList<>();
      List<CompletableFuture<?>> shared = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        mine.add(
            repo.add(Samples.video(prefix + i, "/" + prefix + "/" + i, i)).toCompletableFuture());
        if (i % 10 == 0) {
          int j = i / 10;
          shared.add(
              repo.add(Samples.video("shared" + j, "/shared/" + prefix + j, j))
                  .toCompletableFuture());
        }
      }
      for (CompletableFuture<?> f : mine) {
        try {
          f.join();
          own++;
        } catch (CompletionException e) {
          failed++;
          System.err.println(prefix + ": " + e.getCause());
        }
      }
      for (CompletableFuture<?> f : shared) {
        try {
          f.join();
          won++;
        } catch (CompletionException e) {
          if (e.getCause() instanceof DuplicateVideoException) {
            lost++;
          } else {
            failed++;
            System.err.println(prefix + ": " + e.getCause());
          }
        }
      }
    }
    System.out.println("own " + own);
    System.out.println("won " + won);
    System.out.println("lost " + lost);
    System.out.println("failed " + failed);
  }
}
