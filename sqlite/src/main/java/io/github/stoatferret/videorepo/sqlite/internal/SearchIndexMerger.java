package io.github.stoatferret.videorepo.sqlite.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Merges the trigram index into one segment, in small steps, while the writer is idle or when a
 * caller asks ({@code SqliteVideoRepository.optimize}).
 *
 * <p>Why: FTS5 writes each transaction's index changes as a new segment and merges segments only
 * level by level (its automerge), so a library built by many commits keeps a dozen or more (14 at
 * 1M videos), and every search looks each of its trigrams up in every segment. Measured on the 1M
 * benchmark file, one connection, p50 of 1,500 calls: an absent term 280 us with the index as
 * built, 47 us merged into one segment; reading 110 hits of a frequent term 1,018 us against 816
 * us.
 *
 * <p>A merge of every segment rewrites the whole index (5.7 s at 1M on the benchmark machine), so
 * it is not run after every write: only once the writes since the last full merge reach a quarter
 * of the library (at least {@link #MIN_CHANGES}), which bounds how often each entry is rewritten,
 * and at open, when what earlier sessions left is unknown (a merged index answers the first step
 * with no work). FTS5's {@code 'merge'} command does a bounded amount of work per call ({@link
 * #STEP_PAGES} pages), so a write that arrives waits at most one step; each step is its own
 * transaction, and a crash mid-way leaves a valid index.
 *
 * <p>The first step of a merge passes a negative page count, which gathers every segment into one
 * merge across levels; the later steps pass a positive one, which goes on with the merge in
 * progress. A negative count on every step would start the merge over whenever a write had added a
 * segment between two steps, merging again what was already merged, so with writes coming between
 * steps a large index would never be done. Segments that writes add meanwhile stay small and are
 * left to FTS5's own merging; the merge is done when a step finds no work.
 */
final class SearchIndexMerger {

  /**
   * Pages merged per step, which sets the longest a write arriving meanwhile waits: measured at 1M
   * videos, 14 to 25 ms a step, at times 70 ms (284 steps, 6.3 s in all).
   */
  static final int STEP_PAGES = 64;

  /** The fewest index changes that make a full merge due again. */
  static final long MIN_CHANGES = 1_000;

  private static final String START =
      "INSERT INTO videos_search (videos_search, rank)" + " VALUES ('merge', " + -STEP_PAGES + ")";
  private static final String GO_ON =
      "INSERT INTO videos_search (videos_search, rank)" + " VALUES ('merge', " + STEP_PAGES + ")";
  private static final String TOTAL_CHANGES = "SELECT total_changes()";
  private static final String LIBRARY_SIZE = "SELECT n FROM video_count";

  private boolean due = true; // at open: unknown, so find out
  private boolean started; // a merge is in progress: go on with it rather than start over
  private long changesSinceMerge;
  private long changesForNextMerge = MIN_CHANGES;

  /** Whether a full merge is due: the writer runs steps whenever it is idle. */
  boolean due() {
    return due;
  }

  /**
   * Counts index changes that a commit made.
   *
   * @param changes how many rows' index entries were added or removed
   */
  void committed(long changes) {
    changesSinceMerge += changes;
    if (changesSinceMerge >= changesForNextMerge) {
      due = true;
    }
  }

  /** Makes a full merge due now, however few writes came since the last: a caller asked. */
  void request() {
    due = true;
  }

  /** Stops merging until more writes make it due again: after a step failed. */
  void postpone() {
    due = false;
    started = false;
    changesSinceMerge = 0;
  }

  /**
   * Runs one step in a transaction of its own. When the step finds nothing left to merge (it
   * changes at most the one row that records the index's structure), the merge is done.
   *
   * @param s the writer's statements, outside a transaction
   * @throws SQLException if the step fails; it is rolled back, and nothing is lost
   */
  void step(Statements s) throws SQLException {
    long before = totalChanges(s);
    s.execute("BEGIN IMMEDIATE");
    try {
      s.get(started ? GO_ON : START).executeUpdate();
      s.execute("COMMIT");
    } catch (SQLException | RuntimeException e) {
      try {
        s.execute("ROLLBACK");
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    started = true;
    if (totalChanges(s) - before < 2) {
      due = false;
      started = false;
      changesSinceMerge = 0;
      changesForNextMerge = Math.max(MIN_CHANGES, librarySize(s) / 4);
    }
  }

  private static long totalChanges(Statements s) throws SQLException {
    try (ResultSet rs = s.get(TOTAL_CHANGES).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long librarySize(Statements s) throws SQLException {
    try (ResultSet rs = s.get(LIBRARY_SIZE).executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
