package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code copy --from SRC --to DST}: every video of one catalogue into another, SQLite or PostgreSQL
 * either way: the source streamed in list order, the destination written in {@code addAll} chunks.
 *
 * <p>Safe to rerun: a video the destination already holds (same id, equal in every field) is
 * skipped, so an interrupted copy resumes where it stopped. A destination holding a different video
 * under a source video's id or path is refused, naming both, before anything is written (a
 * destination that is empty needs no such check). At the end the counts are compared and a random
 * sample of the source is read back from the destination and compared field by field.
 */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description =
        "Copy every video of one catalogue into another"
            + " (SQLite or PostgreSQL, either way): resumable, verified.")
final class CopyCommand extends CatalogCommand implements Callable<Integer> {

  @Option(
      names = "--from",
      required = true,
      paramLabel = "FILE|URL",
      description = "The source: a SQLite file or a jdbc:postgresql:// URL.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "FILE|URL",
      description = "The destination, created if need be.")
  String to;

  @Option(
      names = "--chunk",
      defaultValue = "1000",
      description = "Videos per addAll (default: ${DEFAULT-VALUE}).")
  int chunk;

  @Option(
      names = "--sample",
      defaultValue = "1000",
      description = "Videos read back and compared at the end (default: ${DEFAULT-VALUE}).")
  int sampleSize;

  private long copied;
  private long present;

  @Override
  public Integer call() throws Exception {
    if (from.equals(to)) {
      throw new ParameterException(
          spec.commandLine(), "--from and --to name the same catalogue: " + from);
    }
    if (chunk < 1 || sampleSize < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--chunk must be at least 1 and"
              + " --sample at least 0, were "
              + chunk
              + " and "
              + sampleSize);
    }
    long start = System.nanoTime();
    try (OpenCatalog source = catalog.open(from);
        OpenCatalog target = catalog.open(to)) {
      BlockingVideoRepository src = source.repo();
      BlockingVideoRepository dst = target.repo();
      long total = src.count();
      long before = dst.count();
      if (before > 0) {
        String conflict = firstConflict(src, dst);
        if (conflict != null) {
          err().println("video-catalog: copy refused: " + conflict + "; nothing was copied");
          return VideoCatalog.REFUSED;
        }
      }
      List<Video> sample = new ArrayList<>(sampleSize);
      long streamed = 0;
      Progress progress = new Progress(err(), Progress.interactive(), total);
      try (Stream<Video> videos = src.stream(chunk)) {
        Iterator<Video> it = videos.iterator();
        SplittableRandom random = new SplittableRandom();
        List<Video> batch = new ArrayList<>(chunk);
        while (it.hasNext()) {
          Video v = it.next();
          streamed++;
          keep(sample, v, streamed, random);
          batch.add(v);
          if (batch.size() == chunk || !it.hasNext()) {
            String conflict = store(dst, batch);
            if (conflict != null) { // written to the destination since the check
              err()
                  .printf(
                      Locale.ROOT,
                      "video-catalog: copy stopped: %s; %d videos copied"
                          + " before it: resolve it and run the copy again to resume%n",
                      conflict,
                      copied);
              return VideoCatalog.REFUSED;
            }
            batch.clear();
            progress.update(copied + present, streamed);
          }
        }
      }
      progress.finish();
      if (copied > 0) {
        target.optimizeAfterBulkWrite(err());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out()
          .printf(
              Locale.ROOT,
              "copied %d videos (%d already there) from %s to %s in %.1f s" + " (%.0f videos/s)%n",
              copied,
              present,
              source.name(),
              target.name(),
              seconds,
              copied / Math.max(seconds, 1e-3));
      return verify(src, dst, total, streamed, before, sample);
    }
  }

  /** Checks every source video against the destination; the first conflict, or null. */
  private @Nullable String firstConflict(BlockingVideoRepository src, BlockingVideoRepository dst) {
    try (Stream<Video> videos = src.stream(chunk)) {
      Iterator<Video> it = videos.iterator();
      List<Video> batch = new ArrayList<>(chunk);
      while (it.hasNext()) {
        batch.add(it.next());
        if (batch.size() == chunk || !it.hasNext()) {
          String conflict = Destination.check(dst.async(), batch).conflict();
          if (conflict != null) {
            return conflict;
          }
          batch.clear();
        }
      }
    }
    return null;
  }

  /**
   * Writes a chunk in one {@code addAll}. Refused (some of it is there already: a resumed copy), it
   * looks the chunk up and writes what is missing.
   */
  private @Nullable String store(BlockingVideoRepository dst, List<Video> batch) {
    try {
      dst.addAll(batch);
      copied += batch.size();
      return null;
    } catch (DuplicateVideoException e) {
      Destination.Verdict verdict = Destination.check(dst.async(), batch);
      if (verdict.conflict() != null) {
        return verdict.conflict();
      }
      if (!verdict.missing().isEmpty()) {
        dst.addAll(verdict.missing());
      }
      copied += verdict.missing().size();
      present += verdict.present();
      return null;
    }
  }

  /** Reservoir sampling: every video streamed so far is in the sample with equal chance. */
  private void keep(List<Video> sample, Video v, long seen, SplittableRandom random) {
    if (sample.size() < sampleSize) {
      sample.add(v);
    } else if (sampleSize > 0) {
      long slot = random.nextLong(seen);
      if (slot < sampleSize) {
        sample.set((int) slot, v);
      }
    }
  }

  private int verify(
      BlockingVideoRepository src,
      BlockingVideoRepository dst,
      long total,
      long streamed,
      long before,
      List<Video> sample) {
    long sourceNow = src.count();
    long destinationNow = dst.count();
    Destination.Verdict read = Destination.check(dst.async(), sample);
    List<String> problems = new ArrayList<>();
    if (destinationNow != before + copied) {
      problems.add(
          "the destination holds "
              + destinationNow
              + " videos, expected "
              + before
              + " held before plus "
              + copied
              + " copied");
    }
    if (read.present() != sample.size()) {
      problems.add(
          read.conflict() != null
              ? read.conflict()
              : read.missing().size()
                  + " of "
                  + sample.size()
                  + " sampled videos are missing from"
                  + " the destination, such as \""
                  + read.missing().get(0).id()
                  + "\"");
    }
    if (!problems.isEmpty()) {
      err().println("video-catalog: verification failed: " + String.join("; ", problems));
      return VideoCatalog.FAILED;
    }
    if (sourceNow != total || streamed != total) {
      err()
          .printf(
              Locale.ROOT,
              "video-catalog: the source changed during the copy (%d videos"
                  + " at the start, %d streamed, %d now): run the copy again to bring over what was"
                  + " added%n",
              total,
              streamed,
              sourceNow);
    }
    out()
        .printf(
            Locale.ROOT,
            "verified: the source holds %d videos, the destination %d (%d"
                + " before the copy); %d sampled videos are identical in both%n",
            sourceNow,
            destinationNow,
            before,
            sample.size());
    return 0;
  }
}
