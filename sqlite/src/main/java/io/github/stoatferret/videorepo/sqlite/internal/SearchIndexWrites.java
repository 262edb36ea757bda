package io.github.stoatferret.videorepo.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trigram index's changes of one write transaction, held until just before its commit and then
 * made in ascending index rowid order.
 *
 * <p>Why wait: FTS5 keeps a transaction's changes in memory and writes them as one new segment at
 * commit, but a change whose rowid is not above the previous one's makes it write what it holds
 * first, as a segment of its own. The index's rowids run against the order in which a library grows
 * (see {@link #indexRowid}), so made as they come, nearly every add would write a segment; sorted,
 * a transaction writes one, whatever order its videos arrive in.
 *
 * <p>The index's rowid of a row is {@code ~list_slot}: ascending index order is list order (bucket
 * by bucket), the order FTS5 reads fastest (measured: reading backwards took twice as long), while
 * the table's keys grow with createdAt, so that a growing library appends to it.
 */
final class SearchIndexWrites {

  private static final String INSERT =
      "INSERT INTO videos_search (rowid, path_text," + " filename_text) VALUES (?, ?, ?)";
  private static final String DELETE = "DELETE FROM videos_search WHERE rowid = ?";

  /** One change: a row's text added, or removed ({@code path} null). */
  private record Change(long indexRowid, String path, String filename, boolean delete) {}

  private final List<Change> pending = new ArrayList<>();

  /** The index's rowid for a table rowid: bitwise not, so that the order reverses. */
  static long indexRowid(long listSlot) {
    return ~listSlot;
  }

  /** Indexes a row's folded text (the file name's empty when the path holds it). */
  void add(long listSlot, String path, String filenameNotInPath) {
    pending.add(new Change(indexRowid(listSlot), path, filenameNotInPath, false));
  }

  /** Removes a row from the index. */
  void remove(long listSlot) {
    pending.add(new Change(indexRowid(listSlot), "", "", true));
  }

  /**
   * Makes the held changes, in ascending index rowid order; changes to one row keep the order they
   * were made in (the sort is stable), so an update's removal comes before its new text.
   *
   * @param s the writer's statements, inside the transaction
   * @throws SQLException if the index cannot be written; the caller rolls back
   */
  void flush(Statements s) throws SQLException {
    pending.sort(Comparator.comparingLong(Change::indexRowid));
    try {
      for (Change c : pending) {
        PreparedStatement ps = s.get(c.delete() ? DELETE : INSERT);
        ps.setLong(1, c.indexRowid());
        if (!c.delete()) {
          ps.setString(2, c.path());
          ps.setString(3, c.filename());
        }
        ps.executeUpdate();
      }
    } finally {
      pending.clear();
    }
  }

  /** Drops the held changes, after a rollback. */
  void clear() {
    pending.clear();
  }
}
