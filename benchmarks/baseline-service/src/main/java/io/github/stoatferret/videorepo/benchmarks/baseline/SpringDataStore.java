package io.github.stoatferret.videorepo.benchmarks.baseline;

import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** PostgreSQL through Spring Data JDBC: the repository does the SQL. */
@Component
@Profile("postgres")
class SpringDataStore implements VideoStore {

  private final VideoRows rows;

  SpringDataStore(VideoRows rows) {
    this.rows = rows;
  }

  @Override
  public VideoRow insert(VideoRow row) {
    return rows.save(row);
  }

  @Override
  @Transactional
  public List<VideoRow> insertAll(List<VideoRow> batch) {
    return rows.saveAll(batch);
  }

  @Override
  public Optional<VideoRow> find(String id) {
    return rows.findById(id);
  }

  @Override
  public Optional<VideoRow> findByPath(String path) {
    return rows.findByPath(path);
  }

  @Override
  public VideoRow update(VideoRow row) {
    return rows.save(row);
  }

  @Override
  public void delete(VideoRow row) {
    rows.delete(row);
  }

  @Override
  public List<VideoRow> page(long offset, int limit) {
    return rows.page(offset, limit);
  }

  @Override
  public List<VideoRow> search(String query, long offset, int limit) {
    return rows.search("%" + query + "%", offset, limit);
  }

  @Override
  public long count() {
    return rows.count();
  }
}
