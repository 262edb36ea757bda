package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.Video;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Aligned text tables for people, and the human forms of sizes and durations. */
final class Table {

  private static final int MAX_WIDTH = 48;

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  static Table of(List<Video> videos) {
    Table t = new Table("ID", "FILE", "RESOLUTION", "DURATION", "SIZE", "CREATED");
    for (Video v : videos) {
      t.row(
          v.id(),
          v.filename(),
          v.width() + "x" + v.height(),
          duration(v.durationSeconds()),
          bytes(v.fileSize()),
          v.createdAt().toString().substring(0, 19).replace('T', ' '));
    }
    return t;
  }

  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < r.size(); i++) {
        widths[i] =
            Math.max(widths[i], shorten(r.get(i)).codePointCount(0, shorten(r.get(i)).length()));
      }
    }
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        String cell = shorten(r.get(i));
        line.append(cell);
        if (i < r.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  private static String shorten(String s) {
    String flat = s.replace('\n', ' ').replace('\t', ' ');
    if (flat.codePointCount(0, flat.length()) <= MAX_WIDTH) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, MAX_WIDTH - 1)) + "…";
  }

  static String bytes(long n) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
    double v = n;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
