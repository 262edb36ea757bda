package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.property.Gen;
import io.github.stoatferret.videorepo.contract.property.Property;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary input thrown at every method: hostile Unicode, extreme numbers, huge strings, nulls.
 * Each call either succeeds exactly or fails cleanly with the specified exception, and a failed
 * call changes nothing.
 */
interface BadInputRules extends RuleTests {

  /**
   * VR-1.7: a video built from arbitrary field values is either refused by its constructor with a
   * message naming the field, or stored and read back exactly.
   */
  @Test
  @SuppressWarnings("NullAway") // draws null for every field, on purpose
  default void vr1_7_arbitraryFieldsRoundTripOrAreRefusedByName() {
    Gen<String> anyOrNull =
        Gen.frequency(
            Gen.weighted(9, VideoGens.anyString()), Gen.weighted(1, Gen.<String>constant(null)));
    Gen<Long> anyLong = Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE);
    Gen<Integer> anyInt = Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    Gen<Instant> anyInstant =
        Gen.frequency(
            Gen.weighted(4, VideoGens.instants()),
            Gen.weighted(
                1,
                Gen.element(
                    Instant.MIN,
                    Instant.MAX,
                    Instant.parse("-0001-12-31T23:59:59Z"),
                    Instant.parse("+10000-01-01T00:00:00Z"))),
            Gen.weighted(1, Gen.<Instant>constant(null)));
    Property.forAll(
            c ->
                new Object[] {
                  anyOrNull.generate(c),
                  anyOrNull.generate(c),
                  anyOrNull.generate(c),
                  anyLong.generate(c),
                  anyInt.generate(c),
                  anyInt.generate(c),
                  anyInt.generate(c),
                  anyInt.generate(c),
                  anyOrNull.generate(c),
                  anyOrNull.generate(c),
                  anyLong.generate(c),
                  anyOrNull.generate(c),
                  anyInstant.generate(c),
                  anyInstant.generate(c)
                })
        .named("VR-1.7 arbitrary fields round-trip or are refused by name")
        .triesDividedBy(2)
        .check(
            f -> {
              Video v;
              try {
                v =
                    new Video(
                        (String) f[0],
                        (String) f[1],
                        (String) f[2],
                        (Long) f[3],
                        (Integer) f[4],
                        (Integer) f[5],
                        (Integer) f[6],
                        (Integer) f[7],
                        (String) f[8],
                        (String) f[9],
                        (Long) f[10],
                        (String) f[11],
                        (Instant) f[12],
                        (Instant) f[13]);
              } catch (InvalidArgumentException e) {
                String message = String.valueOf(e.getMessage());
                boolean namesAField =
                    List.of(
                                "id",
                                "path",
                                "filename",
                                "durationFrames",
                                "frameRateNumerator",
                                "frameRateDenominator",
                                "width",
                                "height",
                                "videoCodec",
                                "audioCodec",
                                "fileSize",
                                "thumbnailPath",
                                "createdAt",
                                "updatedAt")
                            .contains(e.parameter())
                        && message.startsWith(e.parameter());
                kit()
                    .expectThat(
                        Rule.VR_1_7,
                        "new Video(...)",
                        namesAField,
                        "an InvalidArgumentException whose parameter() is the field, and a message that"
                            + " starts with it",
                        e.parameter() + ": " + message);
                return;
              }
              try (VideoRepository repo = kit().freshRepository()) {
                kit().ok(Rule.VR_1_7, "add(" + v.id() + ")", () -> repo.add(v));
                kit()
                    .expect(
                        Rule.VR_1_7,
                        "get after add",
                        Optional.of(v),
                        kit().ok(Rule.VR_1_7, "get", () -> repo.get(v.id())));
              }
            });
  }

  /**
   * VR-7.3: any string, as a key or a query, never fails a read, and a delete of an absent key
   * changes nothing.
   */
  @Test
  default void vr7_3_arbitraryKeysAndQueriesNeverFail() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/a");
    kit().ok(Rule.VR_7_3, "add(a)", () -> repo.add(a));
    Property.forAll(VideoGens.anyString())
        .named("VR-7.3 arbitrary keys and queries never fail")
        .check(
            s -> {
              String q = s.length() > 40 ? s.substring(0, 40) + "..." : s;
              boolean isA = s.equals("a");
              kit()
                  .expect(
                      Rule.VR_4_1,
                      "get(" + q + ")",
                      isA ? Optional.of(a) : Optional.empty(),
                      kit().ok(Rule.VR_4_1, "get(" + q + ")", () -> repo.get(s)));
              kit()
                  .expect(
                      Rule.VR_4_2,
                      "getByPath(" + q + ")",
                      s.equals("/a") ? Optional.of(a) : Optional.empty(),
                      kit().ok(Rule.VR_4_2, "getByPath(" + q + ")", () -> repo.getByPath(s)));
              kit().ok(Rule.VR_7_3, "search(" + q + ")", () -> repo.search(s, 10));
              if (!isA) {
                kit()
                    .expect(
                        Rule.VR_9_1,
                        "delete(" + q + ")",
                        false,
                        kit().ok(Rule.VR_9_1, "delete(" + q + ")", () -> repo.delete(s)));
              }
              kit()
                  .expect(
                      Rule.VR_1_6,
                      "count after calls with " + q,
                      1L,
                      kit().ok(Rule.VR_1_6, "count()", repo::count));
            });
  }

  /** VR-6.4: forged, truncated or altered cursors are refused with InvalidArgumentException. */
  @Test
  default void vr6_4_forgedCursorsAreRefusedCleanly() {
    VideoRepository repo = kit().repository();
    kit()
        .ok(
            Rule.VR_6_4,
            "addAll",
            () -> repo.addAll(List.of(kit().video("a"), kit().video("b"), kit().video("c"))));
    VideoPage first = kit().ok(Rule.VR_6_4, "page(null, 1)", () -> repo.page(null, 1));
    String next = Objects.requireNonNull(first.nextCursor(), "page(null, 1) of 3: nextCursor");
    byte[] good = Base64.getUrlDecoder().decode(next);
    Gen<String> forged =
        Gen.frequency(
            Gen.weighted(2, VideoGens.anyString()),
            Gen.weighted(
                3,
                c -> { // one bit flipped
                  byte[] b = good.clone();
                  int bit = (int) c.choose(b.length * 8L - 1);
                  b[bit / 8] ^= (byte) (1 << (bit % 8));
                  return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
                }),
            Gen.weighted(2, c -> next.substring(0, (int) c.choose(next.length() - 1))),
            Gen.weighted(
                1,
                c ->
                    Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                            Gen.strings(Gen.ints(0, 255), 40)
                                .generate(c)
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
    Property.forAll(forged)
        .named("VR-6.4 forged cursors are refused")
        .check(
            cursor ->
                kit()
                    .fails(
                        Rule.VR_6_4,
                        "page(" + cursor + ", 10)",
                        InvalidArgumentException.class,
                        () -> repo.page(cursor, 10)));
  }
}
