package io.github.stoatferret.videorepo.engine;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.StorageException;
import io.github.stoatferret.videorepo.Video;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Video} as the columns of both engines' {@code videos} table: one list of columns, in the
 * order of {@code Video}'s components, then the derived ones. Each engine builds its statements
 * from these names and binds and reads rows here, so a column is added or renamed in one place.
 *
 * <p>Reading is strict: a row that another program altered so that it no longer holds a valid video
 * (a number out of range, a year past 9999, a zero frame rate, a NULL where text is required) fails
 * with a non-retryable {@link StorageException} naming the video's id and the column, never with
 * the {@link InvalidArgumentException} the specification keeps for callers' input, and never by
 * reading back as some other value. The column is found from the failed component's name ({@link
 * InvalidArgumentException#parameter()}), not from the message's text.
 */
public final class VideoColumns {

  /** How a column's value is stored, and so how it is read and checked. */
  public enum Kind {
    /** Required text. */
    TEXT,
    /** Text or NULL. */
    OPTIONAL_TEXT,
    /** A 64-bit integer. */
    INT64,
    /** A 64-bit integer column holding a Java {@code int}: read with a range check. */
    INT32,
    /** An instant as microseconds since the epoch ({@link Micros}). */
    MICROS
  }

  /**
   * One column of the table.
   *
   * @param name the SQL name
   * @param field the {@link Video} component it holds, or {@code null} for a derived column
   * @param kind how it is stored
   */
  public record Column(String name, @Nullable String field, Kind kind) {

    /**
     * Whether the column holds text.
     *
     * @return {@code true} for text, required or not
     */
    public boolean isText() {
      return kind == Kind.TEXT || kind == Kind.OPTIONAL_TEXT;
    }
  }

  /** Reads a text column; engines differ in the fastest way their driver has. */
  @FunctionalInterface
  public interface TextReader {
    /**
     * Reads a text column of the current row.
     *
     * @param rs the result set
     * @param index the column's index
     * @return the text, or {@code null} for NULL
     * @throws SQLException if the driver fails
     */
    @Nullable String read(ResultSet rs, int index) throws SQLException;
  }

  /** The columns a video is read from: its components, in the order of {@link Video}'s. */
  public static final List<Column> VIDEO =
      List.of(
          new Column("id", "id", Kind.TEXT),
          new Column("path", "path", Kind.TEXT),
          new Column("filename", "filename", Kind.TEXT),
          new Column("duration_frames", "durationFrames", Kind.INT64),
          new Column("frame_rate_numerator", "frameRateNumerator", Kind.INT32),
          new Column("frame_rate_denominator", "frameRateDenominator", Kind.INT32),
          new Column("width", "width", Kind.INT32),
          new Column("height", "height", Kind.INT32),
          new Column("video_codec", "videoCodec", Kind.TEXT),
          new Column("audio_codec", "audioCodec", Kind.OPTIONAL_TEXT),
          new Column("file_size", "fileSize", Kind.INT64),
          new Column("thumbnail_path", "thumbnailPath", Kind.OPTIONAL_TEXT),
          new Column("created_at_us", "createdAt", Kind.MICROS),
          new Column("updated_at_us", "updatedAt", Kind.MICROS));

  /**
   * The columns derived from a video, written with it and never read back into it: {@code list_key}
   * (minus {@code createdAt} in microseconds, so that ascending is list order's first key) and the
   * folded search text ({@link io.github.stoatferret.videorepo.SearchText#fold}).
   */
  public static final List<Column> DERIVED =
      List.of(
          new Column("list_key", null, Kind.INT64),
          new Column("search_filename", null, Kind.TEXT),
          new Column("search_path", null, Kind.TEXT));

  /**
   * Every column written, in the order {@link #bind} binds them: {@link #VIDEO}, {@link #DERIVED}.
   */
  public static final List<Column> WRITTEN = concat(VIDEO, DERIVED);

  private VideoColumns() {}

  /**
   * The columns' names, each followed by a suffix, comma-separated.
   *
   * @param columns the columns
   * @param suffix e.g. {@code ""} for a select list, {@code " = ?"} for an update
   * @return the list
   */
  public static String names(List<Column> columns, String suffix) {
    return columns.stream().map(c -> c.name() + suffix).collect(Collectors.joining(", "));
  }

  /**
   * Binds every {@link #WRITTEN} column of a video, in order, from parameter {@code at} on.
   *
   * @param ps the statement
   * @param at the first parameter
   * @param v the video
   * @param foldedFilename the folded file name
   * @param foldedPath the folded path
   * @param withId whether to bind the id; {@code false} for an update that finds the row by it
   * @return the next parameter index
   * @throws SQLException if binding fails
   */
  public static int bind(
      PreparedStatement ps,
      int at,
      Video v,
      String foldedFilename,
      String foldedPath,
      boolean withId)
      throws SQLException {
    int i = at;
    if (withId) {
      ps.setString(i++, v.id());
    }
    long created = Micros.of(v.createdAt());
    ps.setString(i++, v.path());
    ps.setString(i++, v.filename());
    ps.setLong(i++, v.durationFrames());
    ps.setInt(i++, v.frameRateNumerator());
    ps.setInt(i++, v.frameRateDenominator());
    ps.setInt(i++, v.width());
    ps.setInt(i++, v.height());
    ps.setString(i++, v.videoCodec());
    setNullable(ps, i++, v.audioCodec());
    ps.setLong(i++, v.fileSize());
    setNullable(ps, i++, v.thumbnailPath());
    ps.setLong(i++, created);
    ps.setLong(i++, Micros.of(v.updatedAt()));
    ps.setLong(i++, -created);
    ps.setString(i++, foldedFilename);
    ps.setString(i++, foldedPath);
    return i;
  }

  /**
   * Reads a video from the current row, whose columns from {@code at} on are {@link #VIDEO}'s.
   *
   * @param rs the result set
   * @param at the index of the first column
   * @param text how to read a text column
   * @param repairHint appended to the message of a row that does not hold a valid video, e.g. where
   *     to repair it
   * @return the video
   * @throws SQLException if the driver fails
   * @throws StorageException if the row does not hold a valid video
   */
  // A damaged row may hold NULL where Video needs text: Video's constructor checks every field,
  // and what it throws is reported as a StorageException naming the column.
  @SuppressWarnings("NullAway")
  public static Video read(ResultSet rs, int at, TextReader text, String repairHint)
      throws SQLException {
    @Nullable Object[] values = new Object[VIDEO.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = value(rs, at + k, VIDEO.get(k), values[0], text, repairHint);
    }
    try {
      return new Video(
          (String) values[0],
          (String) values[1],
          (String) values[2],
          (Long) values[3],
          (Integer) values[4],
          (Integer) values[5],
          (Integer) values[6],
          (Integer) values[7],
          (String) values[8],
          (String) values[9],
          (Long) values[10],
          (String) values[11],
          (Instant) values[12],
          (Instant) values[13]);
    } catch (InvalidArgumentException e) {
      Column column =
          VIDEO.stream()
              .filter(c -> e.parameter().equals(c.field()))
              .findFirst()
              .orElse(VIDEO.get(0));
      throw undecodable(values[0], column, String.valueOf(e.getMessage()), e, repairHint);
    }
  }

  /**
   * Reads one column with the typed getter of its kind; what is left to check is an int's range.
   */
  private static @Nullable Object value(
      ResultSet rs, int index, Column column, @Nullable Object id, TextReader text, String hint)
      throws SQLException {
    switch (column.kind()) {
      case TEXT, OPTIONAL_TEXT -> {
        return text.read(rs, index);
      }
      case INT64 -> {
        return rs.getLong(index);
      }
      case MICROS -> {
        return Micros.toInstant(rs.getLong(index));
      }
      default -> {
        long n = rs.getLong(index);
        if (n != (int) n) {
          throw undecodable(id, column, "holds " + n + ", beyond the range of an int", null, hint);
        }
        return (int) n;
      }
    }
  }

  /**
   * The failure of a stored row that does not hold a valid video.
   *
   * @param id the row's id, if it could be read as text
   * @param column the offending column
   * @param why what is wrong with its value
   * @param cause the exception that found it, if any
   * @param repairHint appended to the message, e.g. where to repair the row
   * @return a non-retryable storage exception naming the id and the column
   */
  public static StorageException undecodable(
      @Nullable Object id,
      Column column,
      String why,
      @Nullable Throwable cause,
      String repairHint) {
    String who = id instanceof String s ? "stored video with id \"" + s + "\"" : "a stored row";
    return new StorageException(
        who
            + " cannot be read: column "
            + column.name()
            + " "
            + why
            + "; repair that column of the row"
            + repairHint,
        cause,
        false);
  }

  private static void setNullable(PreparedStatement ps, int i, @Nullable String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }

  private static List<Column> concat(List<Column> a, List<Column> b) {
    List<Column> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
