package io.github.stoatferret.videorepo.sqlite;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The child process of {@link CrashSafetyTest}: runs {@link CrashWorkload} on many lanes at once
 * and prints {@code ack <lane> <k>} as soon as operation k of a lane has completed, until killed.
 */
public final class CrashWorkerMain {

  private CrashWorkerMain() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int lanes = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    SqliteVideoRepository repo = SqliteVideoRepository.open(file);
    List<Thread> threads = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      int lane = l;
      Thread t =
          new Thread(
              () -> {
                Optional<?> state = Optional.empty();
                for (long k = 0; ; k++) {
                  if (CrashWorkload.isDelete(k)) {
                    repo.delete(CrashWorkload.id(lane)).toCompletableFuture().join();
                    state = Optional.empty();
                  } else if (state.isEmpty()) {
                    state =
                        Optional.of(
                            repo.add(CrashWorkload.written(lane, k)).toCompletableFuture().join());
                  } else {
                    state =
                        Optional.of(
                            repo.update(CrashWorkload.written(lane, k))
                                .toCompletableFuture()
                                .join());
                  }
                  synchronized (out) {
                    out.println("ack " + lane + " " + k);
                    out.flush();
                  }
                }
              });
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}
