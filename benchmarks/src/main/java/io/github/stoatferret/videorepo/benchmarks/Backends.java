package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.memory.InMemoryVideoRepository;
import io.github.stoatferret.videorepo.sqlite.Durability;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The backends a benchmark can run against, by name: {@code sqlite} (file-backed repository),
 * {@code memory}, {@code raw} (one sqlite-jdbc connection, synchronous) and {@code handrolled}
 * (supplyAsync over HikariCP).
 */
final class Backends implements AutoCloseable {

  private final String name;
  private final Path file;
  private final boolean ownsFile;
  private VideoRepository repo;
  private RawJdbc raw;
  private HandRolledAsync handRolled;

  /**
   * Opens a backend over a database of videos 0 to {@code size - 1}, or over an empty new file
   * when {@code size} is 0.
   */
  Backends(String name, int size) {
    this(name, size, Durability.NORMAL);
  }

  /** As above, with a durability for the repository and the matching pragma for baselines. */
  Backends(String name, int size, Durability durability) {
    this.name = name;
    this.ownsFile = size == 0;
    this.file = size == 0 ? Dataset.fresh(name) : Dataset.database(size);
    switch (name) {
      case "sqlite" -> repo = SqliteVideoRepository.builder().file(file).durability(durability)
          .open();
      case "memory" -> {
        repo = InMemoryVideoRepository.create();
        for (int from = 0; from < size; from += 1000) {
          repo.addAll(Dataset.videos(from, Math.min(1000, size - from))).toCompletableFuture()
              .join();
        }
      }
      case "raw", "like" -> SqliteVideoRepository.open(file).close(); // creates the schema
      case "handrolled" -> {
        SqliteVideoRepository.open(file).close();
        handRolled = new HandRolledAsync(file, durability);
      }
      default -> throw new IllegalArgumentException("unknown backend " + name);
    }
    if (name.equals("raw") || name.equals("like")) {
      try {
        raw = new RawJdbc(file, durability);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  VideoRepository repository() {
    return repo;
  }

  /** The one raw connection; callers on several threads take turns. */
  RawJdbc raw() {
    return raw;
  }

  Video add(Video v) throws SQLException {
    switch (name) {
      case "raw" -> {
        synchronized (raw) {
          raw.add(v);
        }
      }
      case "handrolled" -> handRolled.add(v).join();
      default -> repo.add(v).toCompletableFuture().join();
    }
    return v;
  }

  Video get(String id) throws SQLException {
    return switch (name) {
      case "raw" -> {
        synchronized (raw) {
          yield raw.get(id);
        }
      }
      case "handrolled" -> handRolled.get(id).join();
      default -> repo.get(id).toCompletableFuture().join().orElse(null);
    };
  }

  Optional<Video> getByPath(String path) {
    return repo.getByPath(path).toCompletableFuture().join();
  }

  @Override
  public void close() throws SQLException {
    if (repo != null) {
      repo.close();
    }
    if (handRolled != null) {
      handRolled.close();
    }
    if (raw != null) {
      raw.close();
    }
    if (ownsFile) {
      Dataset.deleteWithSidecars(file);
    }
  }
}
