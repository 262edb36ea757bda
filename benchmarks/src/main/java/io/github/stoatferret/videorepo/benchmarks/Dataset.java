package io.github.stoatferret.videorepo.benchmarks;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic library every benchmark reads: video {@code i} is a pure function of {@code i}, and
 * the search terms have known frequencies: {@link #OFTEN} is in 10% of the videos, {@link #RARELY}
 * in 0.1%, {@link #NEVER} in none, and the two-letter {@link #TWO_LETTERS} in the same 10% as
 * {@link #OFTEN}.
 *
 * <p>Databases of a given size are built once, by the repository's own {@code addAll}, and kept in
 * {@code videorepo.bench.dir} (default {@code target/bench-data}) for later runs.
 */
final class Dataset {

  static final String OFTEN = "sunset";
  static final String RARELY = "zeppelin";
  static final String NEVER = "quixotic";
  static final String TWO_LETTERS = "su";

  private static final String[] FOLDERS = {
    "holiday", "family", "drone", "archive", "raw", "edits", "interviews", "timelapse"
  };
  private static final String[] WORDS = {
    "beach", "city", "forest", "harbor", "meadow", "canyon", "river", "desert", "glacier", "market"
  };
  private static final String[] CODECS = {"h264", "hevc", "av1", "prores", "vp9"};
  private static final Instant BASE = Instant.parse("2020-01-01T00:00:00Z");

  /**
   * Bump when {@link #video} or the SQLite schema changes, so that cached databases are rebuilt
   * rather than measured as they were, or migrated in place (which an older build could not open).
   */
  static final int VERSION = 6;

  private Dataset() {}

  /** A deterministic, bijective scramble, so that ids are unique but not in insertion order. */
  private static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  static String id(long i) {
    return String.format("%016x", mix(i));
  }

  static Video video(long i) {
    String tag = i % 10 == 3 ? OFTEN : i % 1000 == 7 ? RARELY : WORDS[(int) (i / 7 % WORDS.length)];
    String filename = "clip-" + i + "-" + tag + ".mp4";
    String path =
        "/library/" + FOLDERS[(int) (i % FOLDERS.length)] + "/" + (i % 97) + "/" + filename;
    return Video.builder()
        .id(id(i))
        .path(path)
        .filename(filename)
        .durationFrames(1_000 + i % 100_000)
        .frameRate(i % 3 == 0 ? 24000 : 30, i % 3 == 0 ? 1001 : 1)
        .resolution(1920, 1080)
        .videoCodec(CODECS[(int) (i % CODECS.length)])
        .audioCodec(i % 5 == 0 ? null : "aac")
        .fileSize(10_000_000L + i * 1_000)
        .timestamps(BASE.plusSeconds(i / 2))
        .build();
  }

  static List<Video> videos(long from, int count) {
    List<Video> out = new ArrayList<>(count);
    for (long i = from; i < from + count; i++) {
      out.add(video(i));
    }
    return out;
  }

  /**
   * Videos {@code from} to {@code from + count - 1} with createdAt scattered over ten years in no
   * order, as an import of files by modification time in directory order would have them.
   *
   * @param from the first video's number
   * @param count how many
   * @return the videos
   */
  static List<Video> videosAtScatteredTimes(long from, int count) {
    List<Video> out = new ArrayList<>(count);
    for (long i = from; i < from + count; i++) {
      out.add(
          video(i).toBuilder()
              .timestamps(BASE.plusSeconds(Math.floorMod(mix(i), 315_360_000L)))
              .build());
    }
    return out;
  }

  /**
   * Videos {@code from} to {@code from + count - 1}, each created half a second before the previous
   * one: a copy of a library, which streams out newest first.
   *
   * @param from the first video's number
   * @param count how many
   * @return the videos
   */
  static List<Video> videosNewestFirst(long from, int count) {
    List<Video> out = new ArrayList<>(count);
    for (long i = from; i < from + count; i++) {
      out.add(video(i).toBuilder().timestamps(BASE.minusSeconds(i / 2)).build());
    }
    return out;
  }

  static Path dir() {
    Path dir = Path.of(System.getProperty("videorepo.bench.dir", "target/bench-data"));
    try {
      return Files.createDirectories(dir).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A database file holding videos 0 to {@code size - 1}, built on first use.
   *
   * @param size how many videos
   * @return the file
   */
  static Path database(int size) {
    Path file = dir().resolve("dataset-" + size + "-v" + VERSION + ".db");
    if (Files.exists(file)) {
      return file;
    }
    Path building = dir().resolve("building-" + size + "-" + ProcessHandle.current().pid() + ".db");
    try (SqliteVideoRepository repo = SqliteVideoRepository.open(building)) {
      for (int from = 0; from < size; from += 1000) {
        repo.addAll(videos(from, Math.min(1000, size - from))).toCompletableFuture().join();
      }
      // As a batch import leaves it: every run measures a merged index, file fresh or cached.
      repo.optimize().toCompletableFuture().join();
    }
    try {
      // Closing checkpointed the WAL into the file and removed it: the file is whole.
      Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * A fresh, empty database file for write benchmarks.
   *
   * @param name a name for the file
   * @return the path, not yet existing
   */
  static Path fresh(String name) {
    try {
      Path file = Files.createTempFile(dir(), name + "-", ".db");
      Files.delete(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteWithSidecars(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Path.of(file + "-wal"));
      Files.deleteIfExists(Path.of(file + "-shm"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
