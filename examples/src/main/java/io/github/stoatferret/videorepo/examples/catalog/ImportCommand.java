package io.github.stoatferret.videorepo.examples.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE}: bulk import through {@code addAll} in chunks. A bad record (unreadable,
 * invalid, or clashing with a stored video) is reported with its line number and skipped; the rest
 * of its chunk is still stored, and no record is ever half imported.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import videos from JSON Lines or CSV (with a header).")
final class ImportCommand extends CatalogCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "A .jsonl or .csv file.")
  Path file;

  @Option(
      names = "--chunk",
      defaultValue = "1000",
      description = "Videos per addAll (default:" + " ${DEFAULT-VALUE}).")
  int chunk;

  @Option(names = "--format", description = "jsonl or csv (default: from the file name).")
  String format;

  private @Nullable PrintWriter err;
  private long stored;
  private long skipped;

  /** A parsed record and the line it came from. */
  private record Line(long number, Video video) {}

  @Override
  public Integer call() throws Exception {
    err = err();
    boolean csv =
        "csv".equalsIgnoreCase(format)
            || (format == null && file.toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
    long start = System.nanoTime();
    Progress progress = new Progress(err, Progress.interactive(), Files.size(file));
    try (OpenCatalog opened = catalog.open();
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      BlockingVideoRepository repo = opened.repo();
      @Nullable CsvVideos header = csv ? new CsvVideos(in.readLine()) : null;
      long lineNumber = csv ? 1 : 0;
      long bytes = 0;
      List<Line> batch = new ArrayList<>(chunk);
      String text;
      while ((text = in.readLine()) != null) {
        lineNumber++;
        bytes += text.length() + 1;
        if (text.isBlank()) {
          continue;
        }
        try {
          Video v =
              VideoJson.fromJson(
                  header != null ? header.toJson(text) : VideoJson.MAPPER.readTree(text));
          batch.add(new Line(lineNumber, v));
        } catch (JsonProcessingException e) {
          bad(lineNumber, "not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
          bad(lineNumber, e.getMessage());
        }
        if (batch.size() == chunk) {
          store(repo, batch);
          progress.update(stored, bytes);
        }
      }
      store(repo, batch);
      progress.finish();
      if (stored > 0) {
        opened.optimizeAfterBulkWrite(Objects.requireNonNull(err));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out()
        .printf(
            Locale.ROOT,
            "imported %d videos, skipped %d bad records, in %.1f s (%.0f videos/s)%n",
            stored,
            skipped,
            seconds,
            stored / Math.max(seconds, 1e-3));
    return skipped == 0 ? 0 : VideoCatalog.PARTIAL;
  }

  /** Stores a chunk in one addAll; on a clash, falls back to one add per video. */
  private void store(BlockingVideoRepository repo, List<Line> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Video> videos = batch.stream().map(Line::video).toList();
    try {
      repo.addAll(videos);
      stored += videos.size();
    } catch (DuplicateVideoException e) {
      for (Line line : batch) { // the chunk was refused whole: find the clashing records
        try {
          repo.add(line.video());
          stored++;
        } catch (DuplicateVideoException clash) {
          bad(line.number(), clash.getMessage());
        }
      }
    }
    batch.clear();
  }

  private void bad(long line, @Nullable String why) {
    skipped++;
    Objects.requireNonNull(err).println(file + ":" + line + ": skipped: " + why);
  }
}
