package io.github.stoatferret.videorepo;

import io.github.stoatferret.videorepo.internal.FieldChecks;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The one definition of "case-insensitive" that {@link VideoRepository#search} uses, shared by
 * every backend so that they all return the same videos for the same query.
 *
 * <p>A video matches a query when {@code fold(query)} is a substring of {@code fold(filename)} or
 * of {@code fold(path)}. {@link #fold} is:
 *
 * <ol>
 *   <li>Unicode NFKC normalisation, so that canonically equivalent text matches (an "é" typed as
 *       one code point matches an "é" stored as "e" and a combining accent, as macOS file systems
 *       write it) and compatibility forms fold to their plain letters (the ligature "ﬁ" is "fi",
 *       full-width "Ａ" is "A");
 *   <li>full case mapping of each code point on its own, upper case then lower case, in {@link
 *       Locale#ROOT}: "ß" and "SS" both fold to "ss", Greek final "ς" to "σ", the Kelvin sign to
 *       "k", and so on. One exception: "İ" (U+0130) folds to a plain "i", as Turkish folds it,
 *       rather than to "i" with a combining dot, so that "istanbul" finds "İstanbul"; the dotless
 *       "ı" folds to "i" as well. Mapping each code point on its own, rather than the whole string,
 *       keeps the result free of context, so that a query folds the same way as the same text
 *       inside a longer file name;
 *   <li>NFKC again. The three steps repeat until the text no longer changes (the capital sharp "ẞ"
 *       needs two rounds: to "ß", then to "ss"), so that folding folded text changes nothing.
 * </ol>
 *
 * <p>Text without case (digits, punctuation, emoji, CJK) is unchanged. Folding is not
 * locale-sensitive: a Turkish dotless "ı" folds to "i" like its upper case "I".
 *
 * <p>The empty query matches every video. A query is always taken literally: quotes, {@code %},
 * {@code _}, {@code *}, backslashes and SQL or full-text syntax are plain characters. A query that
 * contains a NUL character or an unpaired surrogate matches no video, because no stored text can
 * contain either.
 */
public final class SearchText {

  /** U+0130, whose default lower case is "i" plus a combining dot above. */
  private static final int CAPITAL_I_WITH_DOT = 0x130;

  private SearchText() {}

  /**
   * Folds text for case-insensitive comparison, as the class documentation defines.
   *
   * @param text any text
   * @return the folded text
   */
  public static String fold(String text) {
    Objects.requireNonNull(text, "text");
    if (isAscii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    // A few letters need two rounds: the capital sharp s maps to "ß", which maps to "ss".
    String folded = foldOnce(text);
    for (int round = 0; round < 3; round++) {
      String again = foldOnce(folded);
      if (again.equals(folded)) {
        break;
      }
      folded = again;
    }
    return folded;
  }

  private static String foldOnce(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(normal.length());
    for (int i = 0; i < normal.length(); ) {
      int cp = normal.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp < 0x80) {
        out.append((char) Character.toLowerCase(cp));
      } else if (cp == CAPITAL_I_WITH_DOT) {
        out.append('i');
      } else {
        String one = normal.substring(i, next);
        out.append(one.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
      }
      i = next;
    }
    return Normalizer.normalize(out, Normalizer.Form.NFKC);
  }

  /**
   * Whether a query can match any stored text at all: it cannot when it contains a NUL character or
   * an unpaired surrogate.
   *
   * @param query the query
   * @return {@code false} when the query matches no video
   */
  public static boolean isMatchable(String query) {
    return FieldChecks.firstInvalidChar(query) < 0;
  }

  /**
   * Whether a video matches a query.
   *
   * @param video the video
   * @param query the query, not yet folded
   * @return {@code true} when the folded query is in the folded file name or path
   */
  public static boolean matches(Video video, String query) {
    if (!isMatchable(query)) {
      return false;
    }
    String q = fold(query);
    return fold(video.filename()).contains(q) || fold(video.path()).contains(q);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
