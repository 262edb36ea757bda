package io.github.stoatferret.videorepo.engine;

import io.github.stoatferret.videorepo.Video;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A video as one line of text, for a change log's before and after images: its fields in component
 * order, separated by tabs, with backslash, tab and line breaks escaped and a missing optional
 * field written as {@code \N}, instants as microseconds. Kept in text rather than in 28 more
 * columns so that a log stays one narrow table whatever the video gains later; both SQL engines
 * write it.
 */
public final class VideoImage {

  private static final String NULL = "\\N";

  private VideoImage() {}

  /**
   * Encodes a video.
   *
   * @param v the video
   * @return the line
   */
  public static String encode(Video v) {
    List<@Nullable String> fields =
        java.util.Arrays.asList(
            v.id(),
            v.path(),
            v.filename(),
            Long.toString(v.durationFrames()),
            Integer.toString(v.frameRateNumerator()),
            Integer.toString(v.frameRateDenominator()),
            Integer.toString(v.width()),
            Integer.toString(v.height()),
            v.videoCodec(),
            v.audioCodec(),
            Long.toString(v.fileSize()),
            v.thumbnailPath(),
            Long.toString(Micros.of(v.createdAt())),
            Long.toString(Micros.of(v.updatedAt())));
    StringBuilder out = new StringBuilder(128);
    for (String f : fields) {
      if (out.length() > 0) {
        out.append('\t');
      }
      out.append(f == null ? NULL : escape(f));
    }
    return out.toString();
  }

  /**
   * Decodes a line made by {@link #encode}.
   *
   * @param line the line
   * @return the video
   * @throws IllegalArgumentException if the line is not an image (a {@link Video} field's own
   *     check, or a number that does not parse)
   */
  // Video's constructor checks the decoded fields, nulls of required ones included.
  @SuppressWarnings("NullAway")
  public static Video decode(String line) {
    List<@Nullable String> f = new ArrayList<>(14);
    StringBuilder cur = new StringBuilder();
    boolean escaped = false;
    boolean isNull = false;
    for (int i = 0; i <= line.length(); i++) {
      char c = i < line.length() ? line.charAt(i) : '\t';
      if (escaped) {
        switch (c) {
          case 't' -> cur.append('\t');
          case 'n' -> cur.append('\n');
          case 'r' -> cur.append('\r');
          case 'N' -> isNull = true;
          default -> cur.append(c);
        }
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '\t') {
        f.add(isNull ? null : cur.toString());
        cur.setLength(0);
        isNull = false;
      } else {
        cur.append(c);
      }
    }
    if (f.size() != 14) {
      throw new IllegalArgumentException("a video image has 14 fields, this one " + f.size());
    }
    return new Video(
        f.get(0),
        f.get(1),
        f.get(2),
        Long.parseLong(f.get(3)),
        Integer.parseInt(f.get(4)),
        Integer.parseInt(f.get(5)),
        Integer.parseInt(f.get(6)),
        Integer.parseInt(f.get(7)),
        f.get(8),
        f.get(9),
        Long.parseLong(f.get(10)),
        f.get(11),
        Micros.toInstant(Long.parseLong(f.get(12))),
        Micros.toInstant(Long.parseLong(f.get(13))));
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
