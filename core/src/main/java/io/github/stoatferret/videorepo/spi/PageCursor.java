package io.github.stoatferret.videorepo.spi;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoOrder;
import io.github.stoatferret.videorepo.internal.FieldChecks;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * A position in list order, and its opaque text form: the cursor of {@link
 * io.github.stoatferret.videorepo.VideoRepository#page}.
 *
 * <p>A cursor names the last video a page returned by its sort key ({@code createdAt}, {@code id}),
 * not by an offset, so that a backend can seek to it with an index and so that it stays valid when
 * that video is deleted. The {@linkplain #START start} is before every video.
 *
 * <p>The text form is URL-safe Base64 of a version byte, the key and a CRC-32, so that a truncated,
 * altered or invented cursor is refused by {@link #decode} with an {@link InvalidArgumentException}
 * rather than silently read as some other position.
 *
 * @param createdAtMicros the position's {@code createdAt} in microseconds since the epoch
 * @param id the position's {@code id}; empty for the start
 */
public record PageCursor(long createdAtMicros, String id) {

  /** The position before every video: where a {@code null} cursor starts. */
  public static final PageCursor START = new PageCursor(Long.MAX_VALUE, "");

  /** Orders positions as list order does: newest first, then ids in code-point order. */
  public static final Comparator<PageCursor> ORDER =
      Comparator.comparingLong(PageCursor::createdAtMicros)
          .reversed()
          .thenComparing(PageCursor::id, VideoOrder.ID_ORDER);

  private static final byte VERSION = 1;

  /**
   * Checks the id is present.
   *
   * @param createdAtMicros the {@linkplain #createdAtMicros() createdAtMicros}
   * @param id the {@linkplain #id() id}
   */
  public PageCursor {
    Objects.requireNonNull(id, "id");
  }

  /**
   * The position of a video.
   *
   * @param video the video
   * @return the position just at that video; a page from here starts after it
   */
  public static PageCursor at(Video video) {
    Instant t = video.createdAt(); // microsecond precision: Video truncates
    return new PageCursor(
        Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000),
        video.id());
  }

  /**
   * Whether this is the {@link #START} position.
   *
   * @return {@code true} for the start
   */
  public boolean isStart() {
    return equals(START);
  }

  /**
   * Whether a video comes after this position in list order, and so belongs on the next page.
   *
   * @param video the video
   * @return {@code true} if the video sorts after the position
   */
  public boolean precedes(Video video) {
    return ORDER.compare(this, at(video)) < 0;
  }

  /**
   * The position's {@code createdAt}.
   *
   * @return the instant; {@link Instant#MAX}-like for the start
   */
  public Instant createdAt() {
    return Instant.EPOCH.plus(createdAtMicros, ChronoUnit.MICROS);
  }

  /**
   * The opaque text form.
   *
   * @return the cursor text
   */
  public String encode() {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(1 + Long.BYTES + idBytes.length + Integer.BYTES);
    buf.put(VERSION).putLong(createdAtMicros).put(idBytes);
    buf.putInt(crc(buf.array(), buf.position()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }

  /**
   * Reads a cursor's text form.
   *
   * @param cursor the text, or {@code null} for the start
   * @return the position
   * @throws InvalidArgumentException if the text is not a cursor this class made
   */
  public static PageCursor decode(@Nullable String cursor) {
    if (cursor == null) {
      return START;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid(cursor, "not URL-safe Base64");
    }
    if (bytes.length < 1 + Long.BYTES + Integer.BYTES) {
      throw invalid(cursor, "too short");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    if (buf.get() != VERSION) {
      throw invalid(cursor, "unknown version");
    }
    int bodyLength = bytes.length - Integer.BYTES;
    if (buf.getInt(bodyLength) != crc(bytes, bodyLength)) {
      throw invalid(cursor, "checksum mismatch");
    }
    long micros = buf.getLong();
    String id;
    try {
      id =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, buf.position(), bodyLength - buf.position()))
              .toString();
    } catch (CharacterCodingException e) {
      throw invalid(cursor, "id is not UTF-8");
    }
    PageCursor decoded = new PageCursor(micros, id);
    if (id.isEmpty() && !decoded.isStart()) {
      throw invalid(cursor, "empty id");
    }
    return decoded;
  }

  private static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  private static InvalidArgumentException invalid(String cursor, String why) {
    return new InvalidArgumentException(
        "cursor",
        FieldChecks.show(cursor),
        "cursor " + FieldChecks.show(cursor) + " is not a page cursor (" + why + ")");
  }
}
