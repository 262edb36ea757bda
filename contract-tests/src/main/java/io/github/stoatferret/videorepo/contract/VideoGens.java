package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.contract.property.Gen;
import java.time.Instant;
import java.util.List;

/**
 * Generators of the values a video repository sees, biased towards the values that break backends:
 * boundary numbers, instants at the ends of the allowed range and below a microsecond, and text
 * full of case-folding traps, combining marks, astral and right-to-left characters, and SQL, LIKE
 * and full-text syntax. Use them in your own properties too.
 */
public final class VideoGens {

  /**
   * Code points chosen to break text handling; the first ones are plain and so the simplest.
   * Includes letters whose case mapping changes length or is not reversible (ß, İ, ı, ς), astral
   * letters with case (Deseret), compatibility forms (ﬁ, Ａ), combining marks, right-to-left text,
   * emoji, and the metacharacters of LIKE, GLOB, FTS5 and SQL string literals.
   */
  private static final List<Integer> TRICKY =
      List.of(
          (int) 'a',
          (int) 'B',
          (int) '1',
          (int) '.',
          (int) '/',
          (int) ' ',
          (int) '-',
          (int) '%',
          (int) '_',
          (int) '*',
          (int) '\'',
          (int) '"',
          (int) '\\',
          (int) '[',
          (int) ']',
          (int) '^',
          (int) ':',
          (int) '(',
          (int) ')',
          (int) '?',
          (int) '\t',
          0xDF /* ß */,
          0x130 /* İ */,
          0x131 /* ı */,
          0x3C2 /* ς */,
          0x3A3 /* Σ */,
          0xFB01 /* ﬁ */,
          0xFF21 /* Ａ */,
          0xC4 /* Ä */,
          0xE4 /* ä */,
          0x301 /* combining acute */,
          0x5D0 /* א */,
          0x627 /* ا */,
          0x200F /* RLM */,
          0x65E5 /* 日 */,
          0xFFFD,
          0xE000 /* private use */,
          0x1F600 /* 😀 */,
          0x10400 /* Deseret Ѐ, has a lower case */,
          0x1F1EB /* regional F */,
          0x2126 /* Ohm, folds to ω */,
          0x212A /* Kelvin, folds to k */);

  private VideoGens() {}

  /**
   * Code points: mostly plain ASCII, often tricky, sometimes any valid Unicode scalar value.
   *
   * @return the generator
   */
  public static Gen<Integer> codePoints() {
    Gen<Integer> plain = Gen.ints('a', 'z');
    Gen<Integer> tricky = Gen.element(TRICKY);
    Gen<Integer> any =
        Gen.ints(1, 0x10FFFF)
            .map(cp -> Character.isSurrogate((char) (int) cp) && cp <= 0xFFFF ? 'x' : cp);
    return Gen.frequency(Gen.weighted(4, plain), Gen.weighted(4, tricky), Gen.weighted(1, any));
  }

  /**
   * Text that is valid in any video field (not blank, no NUL, no unpaired surrogate), up to a
   * length in code points (and never longer than {@code maxChars} UTF-16 units).
   *
   * @param maxChars the most UTF-16 code units
   * @return the generator
   */
  public static Gen<String> text(int maxChars) {
    Gen<String> body = Gen.strings(codePoints(), Math.min(maxChars, 24));
    Gen<String> longText = Gen.ints(1, maxChars).map(n -> "x".repeat(n));
    return Gen.frequency(Gen.weighted(9, body), Gen.weighted(1, longText))
        .map(s -> fit(s.isBlank() ? "v" + s : s, maxChars));
  }

  /**
   * Any string at all, valid in a field or not: empty, blank, NUL, lone surrogates, huge. For
   * queries and for bad input.
   *
   * @return the generator
   */
  public static Gen<String> anyString() {
    Gen<Integer> raw =
        Gen.frequency(
            Gen.weighted(6, codePoints()),
            Gen.weighted(1, Gen.element(0, 0xD800, 0xDC00, 0xDBFF)),
            Gen.weighted(1, Gen.element((int) ' ', (int) '\n')));
    return Gen.frequency(
        Gen.weighted(8, Gen.strings(raw, 12)),
        Gen.weighted(1, Gen.constant("")),
        Gen.weighted(1, Gen.ints(0, 70_000).map(n -> "a".repeat(n))));
  }

  /**
   * Instants in the allowed range, biased to its ends, to the epoch and to sub-microsecond parts
   * that a backend must truncate exactly as {@link Video} does.
   *
   * @return the generator
   */
  public static Gen<Instant> instants() {
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    Gen<Long> seconds = Gen.longs(min, max);
    Gen<Integer> nanos =
        Gen.frequency(
            Gen.weighted(2, Gen.constant(0)),
            Gen.weighted(2, Gen.element(999_999_999, 1, 999)),
            Gen.weighted(3, Gen.ints(0, 999_999_999)));
    Gen<Instant> base = c -> Instant.ofEpochSecond(seconds.generate(c), nanos.generate(c));
    return Gen.frequency(
        Gen.weighted(1, Gen.constant(Instant.parse("2024-01-01T00:00:00Z"))),
        Gen.weighted(6, base));
  }

  /**
   * Valid videos with every field drawn from the generators above.
   *
   * @return the generator
   */
  @SuppressWarnings("NullAway") // the optional fields are drawn null too
  public static Gen<Video> videos() {
    Gen<String> nullableCodec =
        Gen.frequency(
            Gen.weighted(3, text(Video.MAX_CODEC_LENGTH)),
            Gen.weighted(1, Gen.<String>constant(null)));
    Gen<String> nullablePath =
        Gen.frequency(
            Gen.weighted(3, text(Video.MAX_PATH_LENGTH)),
            Gen.weighted(1, Gen.<String>constant(null)));
    return c ->
        Video.builder()
            .id(text(Video.MAX_ID_LENGTH).generate(c))
            .path(text(Video.MAX_PATH_LENGTH).generate(c))
            .filename(text(Video.MAX_FILENAME_LENGTH).generate(c))
            .durationFrames(Gen.longs(0, Long.MAX_VALUE).generate(c))
            .frameRate(
                Gen.ints(1, Integer.MAX_VALUE).generate(c),
                Gen.ints(1, Integer.MAX_VALUE).generate(c))
            .resolution(
                Gen.ints(0, Integer.MAX_VALUE).generate(c),
                Gen.ints(0, Integer.MAX_VALUE).generate(c))
            .videoCodec(text(Video.MAX_CODEC_LENGTH).generate(c))
            .audioCodec(nullableCodec.generate(c))
            .fileSize(Gen.longs(0, Long.MAX_VALUE).generate(c))
            .thumbnailPath(nullablePath.generate(c))
            .createdAt(instants().generate(c))
            .updatedAt(instants().generate(c))
            .build();
  }

  /** Cuts text to a length without splitting a surrogate pair, ending in a letter. */
  private static String fit(String s, int maxChars) {
    if (s.length() <= maxChars) {
      return s;
    }
    String cut = s.substring(0, maxChars - 1);
    if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "v";
  }
}
