package io.github.stoatferret.videorepo.benchmarks.baseline;

import java.util.List;
import java.util.Optional;

/** The queries of the service; one implementation per database. */
interface VideoStore {

  /** Inserts a new row (its version null); fails with Spring's DuplicateKeyException. */
  VideoRow insert(VideoRow row);

  /** Inserts every row or none. */
  List<VideoRow> insertAll(List<VideoRow> rows);

  Optional<VideoRow> find(String id);

  Optional<VideoRow> findByPath(String path);

  /**
   * Replaces a row if it is still at its {@code version}; fails with Spring's
   * OptimisticLockingFailureException if not.
   */
  VideoRow update(VideoRow row);

  /** Deletes a row if it is still at its {@code version}; as {@link #update}. */
  void delete(VideoRow row);

  List<VideoRow> page(long offset, int limit);

  List<VideoRow> search(String query, long offset, int limit);

  long count();
}
