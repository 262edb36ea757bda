package io.github.stoatferret.videorepo;

import java.util.Comparator;

/**
 * List order, the one order in which {@code list}, {@code page}, {@code search} and {@code stream}
 * return videos: newest first by {@link Video#createdAt()}, ties broken by {@link Video#id()}
 * ascending in Unicode code-point order.
 *
 * <p>Code-point order is not {@link String#compareTo}'s order, which compares UTF-16 code units and
 * so puts astral characters (emoji) before U+E000..U+FFFF. Code-point order is the order of the
 * ids' UTF-8 bytes, which is how most databases compare binary text.
 */
public final class VideoOrder {

  /** Compares ids in Unicode code-point order. */
  public static final Comparator<String> ID_ORDER = VideoOrder::compareIds;

  /** Compares videos in list order. */
  public static final Comparator<Video> LIST_ORDER =
      Comparator.comparing(Video::createdAt).reversed().thenComparing(Video::id, ID_ORDER);

  private VideoOrder() {}

  /**
   * Compares two strings in Unicode code-point order.
   *
   * @param a one string
   * @param b another
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  public static int compareIds(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // Only when both are surrogates or neither is does UTF-16 order equal code-point order;
        // otherwise the surrogate (an astral character) is the larger.
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx == sy) {
          return x - y;
        }
        return sx ? 1 : -1;
      }
    }
    return a.length() - b.length();
  }
}
