package io.github.stoatferret.videorepo.examples.catalog;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of an import or a copy: on a terminal a bar redrawn in place with rate and ETA;
 * otherwise (a pipe, a log file) a plain line every few seconds, so that logs stay readable. The
 * work is measured in any unit (bytes of the input file, videos of the source); the rate is always
 * in videos.
 */
final class Progress {

  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
  private static final long BAR_EVERY_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private final long total;
  private final long start = System.nanoTime();
  private long lastShown;

  /**
   * Whether the tool runs on a terminal, where a progress line that redraws itself is welcome. On
   * JDK 22 and later {@code System.console()} is never null, so there it says yes when the output
   * is piped too; the line then goes to a pipe's stderr, which is harmless. ({@code
   * Console.isTerminal()}, the exact answer, is JDK 22's and this tool runs on 17.)
   *
   * @return whether a console is attached
   */
  @SuppressWarnings("SystemConsoleNull") // the best JDK 17 offers; see above
  static boolean interactive() {
    return System.console() != null;
  }

  Progress(PrintWriter err, boolean terminal, long total) {
    this.err = err;
    this.terminal = terminal;
    this.total = Math.max(1, total);
  }

  void update(long records, long done) {
    long now = System.nanoTime();
    if (now - lastShown < (terminal ? BAR_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
      return;
    }
    lastShown = now;
    double seconds = (now - start) / 1e9;
    double fraction = Math.min(1.0, (double) done / total);
    double rate = records / Math.max(seconds, 1e-3);
    long eta = fraction > 0 ? Math.round(seconds / fraction - seconds) : 0;
    if (terminal) {
      int width = 30;
      int filled = (int) (fraction * width);
      err.printf(
          Locale.ROOT,
          "\r[%s%s] %3.0f%%  %,d videos  %,.0f/s  ETA %ds ",
          "#".repeat(filled),
          " ".repeat(width - filled),
          fraction * 100,
          records,
          rate,
          eta);
    } else {
      err.printf(
          Locale.ROOT,
          "progress: %.0f%%, %d videos, %.0f/s, ETA %ds%n",
          fraction * 100,
          records,
          rate,
          eta);
    }
    err.flush();
  }

  void finish() {
    if (terminal) {
      err.print("\r" + " ".repeat(79) + "\r");
      err.flush();
    }
  }
}
