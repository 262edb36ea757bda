package io.github.stoatferret.videorepo.benchmarks.baseline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The Spring Data JDBC repository (PostgreSQL). */
interface VideoRows extends ListCrudRepository<VideoRow, String> {

  Optional<VideoRow> findByPath(String path);

  @Query("SELECT * FROM videos ORDER BY created_at, id LIMIT :limit OFFSET :offset")
  List<VideoRow> page(long offset, int limit);

  @Query(
      "SELECT * FROM videos WHERE filename ILIKE :pattern OR path ILIKE :pattern"
          + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
  List<VideoRow> search(String pattern, long offset, int limit);
}
