package io.github.stoatferret.videorepo.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The repositories a Reactive Streams TCK class opens, one catalogue (schema) each in a database of
 * its own: the TCK makes a publisher per test and never says when it is done with one, so they are
 * closed, with the pool, when the class has run.
 */
final class TckRepositories implements AutoCloseable {

  private final HikariDataSource pool;
  private final String prefix;
  private final List<PostgresVideoRepository> opened = new ArrayList<>();

  /**
   * @param prefix the catalogues' schema names start with it
   * @param connections the pool's size: a repository with a feed subscriber holds one
   */
  TckRepositories(String prefix, int connections) {
    this.pool = TestServer.pool(TestServer.newDatabase(), connections);
    this.prefix = prefix;
  }

  /** Opens a new, empty catalogue. */
  synchronized PostgresVideoRepository open() {
    PostgresVideoRepository repo =
        PostgresVideoRepository.builder(pool).schema(prefix + (opened.size() + 1)).open();
    opened.add(repo);
    return repo;
  }

  @Override
  public synchronized void close() {
    opened.forEach(PostgresVideoRepository::close);
    pool.close();
  }
}
