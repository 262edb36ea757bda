package io.github.stoatferret.videorepo.contract.internal;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.contract.property.Gen;
import java.time.Instant;
import java.util.List;

/**
 * Generates operations over small pools of ids, paths and instants, so that random sequences
 * collide: duplicate ids and paths, updates of absent videos, ties in list order, queries that hit
 * some videos and miss others.
 */
public final class OpGens {

  private static final List<String> IDS = List.of("a", "b", "c", "A", "é", "😀");
  private static final List<String> PATHS =
      List.of("/v/1.mp4", "/v/2.mp4", "/V/1.MP4", "/v/Straße.mkv", "/v/100%_x.mp4", "/w/ÄRGER.mp4");

  /** File names unrelated to the paths, so that a search can hit the path and miss the name. */
  private static final List<String> FILENAMES = List.of("Clip.mp4", "holiday 2.MKV", "ärger.mp4");

  /**
   * Instants a microsecond apart (ties and near-ties in list order), one a microsecond before a
   * whole second (so that a conversion that gets the fraction wrong sorts it after the second), and
   * one far away.
   */
  private static final List<Instant> INSTANTS =
      List.of(
          Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00.000001Z"),
          Instant.parse("2023-12-31T23:59:59.999999Z"), Instant.parse("2023-06-15T08:30:00.5Z"));

  private static final List<String> QUERIES =
      List.of(
          "", "1", "MP4", "v/", "STRASSE", "ß", "%", "_", "%_", "ärger", "x", "/V/1", "zzz", "clip",
          "HOLIDAY", "/w/");

  /**
   * Expected versions: small ones, so that conditional writes often hit the stored version and
   * often miss it; 0 now and then, which is refused as bad input.
   */
  private static final Gen<Long> VERSIONS = Gen.longs(0, 4);

  private OpGens() {}

  /**
   * A video from the pools.
   *
   * @return the generator
   */
  public static Gen<Video> videos() {
    return c -> {
      String path = Gen.element(PATHS).generate(c);
      String filename =
          Gen.booleans().generate(c)
              ? path.substring(path.lastIndexOf('/') + 1)
              : Gen.element(FILENAMES).generate(c);
      return Video.builder()
          .id(Gen.element(IDS).generate(c))
          .path(path)
          .filename(filename)
          .durationFrames(Gen.longs(0, 3).generate(c))
          .frameRate(25, 1)
          .resolution(640, 480)
          .videoCodec("h264")
          .audioCodec(Gen.booleans().generate(c) ? null : "aac")
          .fileSize(Gen.longs(0, 3).generate(c))
          .createdAt(Gen.element(INSTANTS).generate(c))
          .updatedAt(Gen.element(INSTANTS).generate(c))
          .build();
    };
  }

  /**
   * Any operation, writes and reads alike.
   *
   * @return the generator
   */
  public static Gen<Op> ops() {
    Gen<String> ids = Gen.element(IDS);
    Gen<Integer> limits = Gen.ints(0, 4);
    return Gen.<Op>frequency(
        Gen.<Op>weighted(4, videos().map(Op.Add::new)),
        Gen.<Op>weighted(1, Gen.lists(videos(), 3).map(Op.AddAll::new)),
        Gen.<Op>weighted(2, ids.map(Op.Get::new)),
        Gen.<Op>weighted(1, Gen.element(PATHS).map(Op.GetByPath::new)),
        Gen.<Op>weighted(1, c -> new Op.ListOp(limits.generate(c), Gen.ints(0, 3).generate(c))),
        Gen.<Op>weighted(
            2, c -> new Op.Search(Gen.element(QUERIES).generate(c), limits.generate(c))),
        Gen.<Op>weighted(3, videos().map(Op.Update::new)),
        Gen.<Op>weighted(2, ids.map(Op.Delete::new)),
        Gen.<Op>weighted(1, Gen.constant(new Op.Count())),
        Gen.<Op>weighted(2, ids.map(Op.GetVersioned::new)),
        Gen.<Op>weighted(
            2, c -> new Op.UpdateIfVersion(videos().generate(c), VERSIONS.generate(c))),
        Gen.<Op>weighted(1, c -> new Op.DeleteIfVersion(ids.generate(c), VERSIONS.generate(c))));
  }

  /**
   * Operations for concurrent histories: full-state reads ({@code list(100, 0)}) instead of partial
   * ones, so that a history pins down more.
   *
   * @return the generator
   */
  public static Gen<Op> concurrentOps() {
    Gen<String> ids = Gen.element(IDS);
    return Gen.<Op>frequency(
        Gen.<Op>weighted(4, videos().map(Op.Add::new)),
        Gen.<Op>weighted(1, Gen.lists(videos(), 2).map(Op.AddAll::new)),
        Gen.<Op>weighted(2, ids.map(Op.Get::new)),
        Gen.<Op>weighted(1, Gen.element(PATHS).map(Op.GetByPath::new)),
        Gen.<Op>weighted(1, Gen.constant(new Op.ListOp(100, 0))),
        Gen.<Op>weighted(3, videos().map(Op.Update::new)),
        Gen.<Op>weighted(2, ids.map(Op.Delete::new)),
        Gen.<Op>weighted(1, Gen.constant(new Op.Count())),
        Gen.<Op>weighted(1, ids.map(Op.GetVersioned::new)),
        Gen.<Op>weighted(
            2, c -> new Op.UpdateIfVersion(videos().generate(c), VERSIONS.generate(c))),
        Gen.<Op>weighted(1, c -> new Op.DeleteIfVersion(ids.generate(c), VERSIONS.generate(c))));
  }
}
