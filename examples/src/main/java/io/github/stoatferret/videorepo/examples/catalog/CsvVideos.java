package io.github.stoatferret.videorepo.examples.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records (RFC 4180: comma-separated, fields optionally in double quotes, quotes doubled
 * inside), with a header line naming the same fields as {@link VideoJson}. An empty field is a
 * missing value.
 */
final class CsvVideos {

  private final List<String> header;

  CsvVideos(String headerLine) {
    this.header = split(headerLine);
  }

  /** Turns one record into the JSON object {@link VideoJson#fromJson} reads. */
  ObjectNode toJson(String line) {
    List<String> values = split(line);
    if (values.size() != header.size()) {
      throw new IllegalArgumentException(
          "expected " + header.size() + " fields, found " + values.size());
    }
    ObjectNode o = VideoJson.MAPPER.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      String value = values.get(i);
      if (value.isEmpty()) {
        o.putNull(name);
      } else if (isNumeric(name)) {
        try {
          o.put(name, Long.parseLong(value));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " must be a whole number, was " + value);
        }
      } else {
        o.put(name, value);
      }
    }
    return o;
  }

  private static boolean isNumeric(String field) {
    return switch (field) {
      case "durationFrames",
          "frameRateNumerator",
          "frameRateDenominator",
          "width",
          "height",
          "fileSize" ->
          true;
      default -> false;
    };
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    out.add(field.toString());
    return out;
  }

  static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
