package io.github.stoatferret.videorepo.sqlite.internal;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.engine.Micros;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The rowid ({@code list_slot}) a row gets, chosen so that descending rowid order follows list
 * order from one bucket to the next (schema V3, whose script explains the layout). The trigram
 * index holds the same keys inverted ({@link SearchIndexWrites}) and returns candidates in its
 * rowid order, so a search can stop once its page is full and the bucket of its last hit is read,
 * instead of fetching and sorting every candidate. Newer videos get larger rowids, so the usual
 * import, oldest first or as files arrive, appends at the table's end.
 */
final class ListSlots {

  /** A bucket spans 2^12 microseconds of createdAt (about 4 ms). */
  static final int BUCKET_BITS = 12;

  /** A bucket holds 2^16 slots. */
  static final int SLOT_BITS = 16;

  /**
   * Every bucket's slots lie at or above this (createdAt in years 0001 to 9999). Rows whose bucket
   * is full get rowids from {@code Long.MIN_VALUE} up, below it, in no order; a search reads them
   * all.
   */
  static final long ORDERED_START = -(1L << 62);

  private static final String LAST_IN = "SELECT max(rowid) FROM videos WHERE rowid BETWEEN ? AND ?";

  private ListSlots() {}

  /**
   * Picks the rowid for a new row: the next free slot of the video's bucket, or the next spill
   * rowid when the bucket is full. Runs on the writer, so no other writer takes it before the
   * insert; rows inserted earlier in the same transaction are seen.
   *
   * @param s the writer's statements
   * @param v the video to insert
   * @return the rowid to insert it at
   * @throws SQLException if the table cannot be read
   */
  static long next(Statements s, Video v) throws SQLException {
    long first = firstOfBucket(Micros.of(v.createdAt()));
    long last = first + (1L << SLOT_BITS) - 1;
    @Nullable Long taken = lastIn(s, first, last);
    if (taken == null) {
      return first;
    }
    if (taken < last) {
      return taken + 1;
    }
    @Nullable Long spilled = lastIn(s, Long.MIN_VALUE, ORDERED_START - 1);
    return spilled == null ? Long.MIN_VALUE : spilled + 1;
  }

  /**
   * The first slot of the bucket of a createdAt (arithmetic shifts: instants before 1970 round
   * down, as the migration's SQL does).
   */
  static long firstOfBucket(long createdAtMicros) {
    return (createdAtMicros >> BUCKET_BITS) << SLOT_BITS;
  }

  /** The bucket of a rowid from {@link #ORDERED_START} up; rowid order is bucket order. */
  static long bucket(long rowid) {
    return rowid >> SLOT_BITS;
  }

  private static @Nullable Long lastIn(Statements s, long from, long to) throws SQLException {
    PreparedStatement ps = s.get(LAST_IN);
    ps.setLong(1, from);
    ps.setLong(2, to);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      long max = rs.getLong(1);
      return rs.wasNull() ? null : max;
    }
  }
}
