package io.github.stoatferret.videorepo.contract.property;

/**
 * Makes text safe for the places a failure message ends up. Generated values carry characters that
 * XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF, unpaired surrogates); written raw into a
 * message they make a test report such as Surefire's XML file unreadable.
 */
public final class Printable {

  private Printable() {}

  /**
   * Escapes, as {@code \\uXXXX}, every character that XML 1.0 does not allow; keeps tab, line
   * breaks and every valid character, paired surrogates included.
   *
   * @param text the text
   * @return the text, unchanged if it was already safe
   */
  public static String xmlSafe(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      boolean allowed =
          pair
              || c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c));
      if (pair) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (!allowed && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (allowed) {
          out.append(c);
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
