package io.github.stoatferret.videorepo.contract.property;

import java.util.List;

/**
 * Writes a counterexample for a failure report: a list one element per numbered line (a list of
 * lists, such as the operations of several threads, one block per inner list), every line and the
 * whole listing bounded, so that a report fits a screen whatever was generated.
 */
final class Listing {

  /** The most characters of one line; a longer element is cut and says by how much. */
  static final int MAX_LINE = 240;

  /** The most lines of one listing; the rest is counted, not printed. */
  static final int MAX_LINES = 60;

  private final StringBuilder out = new StringBuilder();
  private final String indent;
  private int lines;
  private int omitted;

  private Listing(String indent) {
    this.indent = indent;
  }

  /**
   * The value as indented lines, each starting with a line break.
   *
   * @param value the value
   * @param indent what each line starts with
   * @return the listing
   */
  static String of(Object value, String indent) {
    Listing listing = new Listing(indent);
    if (value instanceof List<?> list
        && !list.isEmpty()
        && list.stream().allMatch(List.class::isInstance)) {
      for (int i = 0; i < list.size(); i++) {
        List<?> inner = (List<?>) list.get(i);
        listing.line("[" + (i + 1) + "] (" + count(inner.size(), "item") + ")");
        listing.elements(inner, indent + "    ");
      }
    } else if (value instanceof List<?> list) {
      listing.line("(" + count(list.size(), "item") + ")");
      listing.elements(list, indent + "  ");
    } else {
      listing.line(String.valueOf(value));
    }
    return listing.finish();
  }

  private void elements(List<?> list, String deeper) {
    for (int i = 0; i < list.size(); i++) {
      lineAt(deeper, (i + 1) + ". " + list.get(i));
    }
  }

  private void line(String text) {
    lineAt(indent, text);
  }

  private void lineAt(String prefix, String text) {
    if (lines == MAX_LINES) {
      omitted++;
      return;
    }
    lines++;
    String flat = text.replace("\r", "\\r").replace("\n", "\\n");
    out.append('\n').append(prefix).append(cut(flat, MAX_LINE));
  }

  private String finish() {
    if (omitted > 0) {
      out.append('\n')
          .append(indent)
          .append("... ")
          .append(count(omitted, "more line"))
          .append(" not shown");
    }
    return out.toString();
  }

  /**
   * The text cut to at most {@code max} characters, saying how many were left out.
   *
   * @param text the text
   * @param max the most characters kept
   * @return the text, unchanged when short enough
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
