package io.github.stoatferret.videorepo.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repositories a Reactive Streams TCK class opens, one file each in a directory of its own: the
 * TCK makes a publisher per test and never says when it is done with one, so they are closed, and
 * their files removed, when the class has run.
 */
final class TckRepositories implements AutoCloseable {

  private final List<SqliteVideoRepository> opened = new ArrayList<>();
  private final Path dir;

  TckRepositories(String prefix) {
    try {
      dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a new, empty repository with two reader threads. */
  synchronized SqliteVideoRepository open() {
    SqliteVideoRepository repo =
        SqliteVideoRepository.builder()
            .file(dir.resolve("tck-" + opened.size() + ".db"))
            .readers(2)
            .open();
    opened.add(repo);
    return repo;
  }

  @Override
  public synchronized void close() throws IOException {
    opened.forEach(SqliteVideoRepository::close);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
