package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.VideoRepositoryException;
import io.github.stoatferret.videorepo.contract.internal.BadCall;
import io.github.stoatferret.videorepo.contract.internal.Op;
import io.github.stoatferret.videorepo.contract.property.Gen;
import io.github.stoatferret.videorepo.contract.property.Property;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Rules VR-1.1 to VR-1.4 and VR-1.6 to VR-1.8: rules every operation keeps. */
interface GeneralRules extends RuleTests {

  /**
   * Calls with bad arguments, each of which must fail its stage, by name.
   *
   * @return the calls
   */
  @SuppressWarnings("NullAway") // passes null where it may not go, on purpose: rule VR-1.2
  private static Map<String, BadCall> badCalls() {
    Map<String, BadCall> calls = new LinkedHashMap<>();
    calls.put("add(null)", new BadCall("video", r -> r.add(null)));
    calls.put("addAll(null)", new BadCall("videos", r -> r.addAll(null)));
    calls.put(
        "addAll([null])", new BadCall("videos[0]", r -> r.addAll(Arrays.asList((Video) null))));
    calls.put("get(null)", new BadCall("id", r -> r.get(null)));
    calls.put("getByPath(null)", new BadCall("path", r -> r.getByPath(null)));
    calls.put("list(-1, 0)", new BadCall("limit", r -> r.list(-1, 0)));
    calls.put("list(1, -1)", new BadCall("offset", r -> r.list(1, -1)));
    calls.put("page(null, -1)", new BadCall("limit", r -> r.page(null, -1)));
    calls.put("page(\"garbage\", 1)", new BadCall("cursor", r -> r.page("garbage", 1)));
    calls.put("search(null, 1)", new BadCall("query", r -> r.search(null, 1)));
    calls.put("search(null)", new BadCall("query", r -> r.search(null)));
    calls.put("search(\"a\", -1)", new BadCall("limit", r -> r.search("a", -1)));
    calls.put("update(null)", new BadCall("video", r -> r.update(null)));
    calls.put("delete(null)", new BadCall("id", r -> r.delete(null)));
    return calls;
  }

  /**
   * Checks that a bad call fails with {@link InvalidArgumentException} naming the parameter.
   *
   * @param rule the rule the call breaks
   * @param name the call as text
   * @param bad the call
   * @param repo the repository
   */
  private void expectRejected(Rule rule, String name, BadCall bad, VideoRepository repo) {
    InvalidArgumentException e =
        kit().fails(rule, name, InvalidArgumentException.class, () -> bad.call().apply(repo));
    kit().expect(rule, name + ": the failure's parameter()", bad.parameter(), e.parameter());
    kit()
        .expectThat(
            rule,
            name + ": the failure's message",
            String.valueOf(e.getMessage()).startsWith(bad.parameter()),
            "a message that starts with " + bad.parameter(),
            e.getMessage());
  }

  /** VR-1.1: bad arguments never make a method throw. */
  @Test
  default void vr1_1_noMethodThrows() {
    VideoRepository repo = kit().repository();
    for (var call : badCalls().entrySet()) {
      CompletionStage<?> stage;
      try {
        stage = call.getValue().call().apply(repo);
      } catch (RuntimeException | Error e) {
        throw ContractKit.failure(Rule.VR_1_1, call.getKey(), "a failed stage", "it threw " + e, e);
      }
      kit().expectThat(Rule.VR_1_1, call.getKey(), stage != null, "a stage", "null");
      kit()
          .expectThat(
              Rule.VR_1_1,
              call.getKey(),
              !kit().outcome(Rule.VR_1_1, call.getKey(), () -> stage).isOk(),
              "a failed stage",
              "success");
    }
  }

  /** VR-1.2: nulls fail with InvalidArgumentException naming the parameter. */
  @Test
  default void vr1_2_nullArgumentsFailWithInvalidArgumentException() {
    VideoRepository repo = kit().repository();
    for (var call : badCalls().entrySet()) {
      if (call.getKey().contains("null") && !call.getKey().startsWith("page(null")) {
        expectRejected(Rule.VR_1_2, call.getKey(), call.getValue(), repo);
      }
    }
  }

  /** VR-1.3: negative limits and offsets fail with InvalidArgumentException naming them. */
  @Test
  default void vr1_3_negativeLimitOrOffsetFails() {
    VideoRepository repo = kit().repository();
    for (var call : badCalls().entrySet()) {
      if (call.getKey().contains("-1")) {
        expectRejected(Rule.VR_1_3, call.getKey(), call.getValue(), repo);
      }
    }
  }

  /** VR-1.3: limit 0 gives an empty result everywhere. */
  @Test
  default void vr1_3_limitZeroGivesAnEmptyResult() {
    VideoRepository repo = kit().repository();
    kit().ok(Rule.VR_1_3, "add(a)", () -> repo.add(kit().video("a")));
    kit()
        .expect(
            Rule.VR_1_3,
            "list(0, 0)",
            List.of(),
            kit().ok(Rule.VR_1_3, "list(0, 0)", () -> repo.list(0, 0)));
    kit()
        .expect(
            Rule.VR_1_3,
            "search(\"\", 0)",
            List.of(),
            kit().ok(Rule.VR_1_3, "search(\"\", 0)", () -> repo.search("", 0)));
    kit()
        .expect(
            Rule.VR_1_3,
            "page(null, 0).items()",
            List.of(),
            kit().ok(Rule.VR_1_3, "page(null, 0)", () -> repo.page(null, 0)).items());
  }

  /** VR-1.4: on a closed repository, RepositoryClosedException wins over argument errors. */
  @Test
  default void vr1_4_closedWinsOverBadArguments() {
    VideoRepository repo = kit().repository();
    repo.close();
    for (var call : badCalls().entrySet()) {
      kit()
          .fails(
              Rule.VR_1_4,
              call.getKey() + " after close",
              RepositoryClosedException.class,
              () -> call.getValue().call().apply(repo));
    }
  }

  /**
   * VR-1.6: failed operations, of every kind, leave the state exactly as it was.
   *
   * @throws Exception if a check fails
   */
  @Test
  default void vr1_6_failedOperationsChangeNothing() throws Exception {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/a");
    Video b = kit().video("b", "/b");
    // Every call below fails by another rule (VR-2.2, VR-3.2, VR-8.2, VR-8.3): when one succeeds
    // instead, the sequential diagnosis names that rule rather than this one.
    List<Op> failingOps =
        List.of(
            new Op.Add(a),
            new Op.Add(kit().video("c", "/b")),
            new Op.AddAll(List.of(kit().video("d"), kit().video("e", "/a"))),
            new Op.Update(kit().video("absent")),
            new Op.Update(a.toBuilder().path("/b").build()));
    Map<String, Function<VideoRepository, CompletionStage<?>>> failing = new LinkedHashMap<>();
    for (Op op : failingOps) {
      failing.put(op.toString(), op::invoke);
    }
    failing.put("addAll([f, null])", r -> r.addAll(Arrays.asList(kit().video("f"), null)));
    badCalls().forEach((name, bad) -> failing.put(name, bad.call()));
    List<Op> oneAtATime = new ArrayList<>();
    oneAtATime.add(new Op.AddAll(List.of(a, b)));
    oneAtATime.addAll(failingOps);
    SequentialDiagnosis.diagnosed(
        kit(),
        Rule.VR_1_6,
        "failed operations change nothing",
        () -> List.of(oneAtATime),
        () -> {
          kit().ok(Rule.VR_1_6, "addAll([a, b])", () -> repo.addAll(List.of(a, b)));
          List<Video> before = kit().all(Rule.VR_1_6);
          for (var call : failing.entrySet()) {
            kit()
                .expectThat(
                    Rule.VR_1_6,
                    call.getKey(),
                    !kit()
                        .outcome(Rule.VR_1_6, call.getKey(), () -> call.getValue().apply(repo))
                        .isOk(),
                    "a failure",
                    "success");
            kit()
                .expect(Rule.VR_1_6, "list after " + call.getKey(), before, kit().all(Rule.VR_1_6));
          }
        });
  }

  /** VR-1.7: extreme values round-trip exactly. */
  @Test
  default void vr1_7_extremeValuesRoundTrip() {
    VideoRepository repo = kit().repository();
    List<Video> extremes = new ArrayList<>();
    extremes.add(
        Video.builder()
            .id("x".repeat(Video.MAX_ID_LENGTH))
            .path("/" + "p".repeat(Video.MAX_PATH_LENGTH - 1))
            .filename("f".repeat(Video.MAX_FILENAME_LENGTH))
            .durationFrames(Long.MAX_VALUE)
            .frameRate(Integer.MAX_VALUE, Integer.MAX_VALUE)
            .resolution(Integer.MAX_VALUE, 0)
            .videoCodec("c".repeat(Video.MAX_CODEC_LENGTH))
            .audioCodec(null)
            .fileSize(Long.MAX_VALUE)
            .thumbnailPath(null)
            .createdAt(Instant.parse("0001-01-01T00:00:00Z"))
            .updatedAt(Instant.parse("9999-12-31T23:59:59.999999999Z"))
            .build());
    extremes.add(
        Video.builder()
            .id(" 😀 é\u0301 ا ")
            .path(" /ünï/😀/'%_\\\"\t ")
            .filename("\uD801\uDC00 ß İ ﬁ")
            .durationFrames(0)
            .frameRate(1, 1)
            .resolution(0, 0)
            .videoCodec(" x ")
            .audioCodec("\u200F")
            .fileSize(0)
            .thumbnailPath("\uFFFF")
            .createdAt(Instant.parse("1969-12-31T23:59:59.999999Z"))
            .updatedAt(Instant.EPOCH.plusNanos(1000))
            .build());
    for (Video v : extremes) {
      kit().ok(Rule.VR_1_7, "add(" + v.id() + ")", () -> repo.add(v));
      kit()
          .expect(
              Rule.VR_1_7,
              "get after add",
              Optional.of(v),
              kit().ok(Rule.VR_1_7, "get", () -> repo.get(v.id())));
      kit()
          .expect(
              Rule.VR_1_7,
              "getByPath after add",
              Optional.of(v),
              kit().ok(Rule.VR_1_7, "getByPath", () -> repo.getByPath(v.path())));
    }
  }

  /** VR-1.7: generated videos round-trip exactly through add, get, list and update. */
  @Test
  default void vr1_7_generatedVideosRoundTrip() {
    Property.forAll(Gen.lists(VideoGens.videos(), 6))
        .named("VR-1.7 generated videos round-trip")
        .triesDividedBy(2)
        .check(
            videos -> {
              try (VideoRepository repo = kit().freshRepository()) {
                for (Video v : videos) {
                  if (kit().outcome(Rule.VR_1_7, "add", () -> repo.add(v)).isOk()) {
                    kit()
                        .expect(
                            Rule.VR_1_7,
                            "get(" + v.id() + ")",
                            Optional.of(v),
                            kit().ok(Rule.VR_1_7, "get", () -> repo.get(v.id())));
                    Video updated = v.toBuilder().fileSize(v.fileSize() / 2).build();
                    kit()
                        .expect(
                            Rule.VR_1_7,
                            "update(" + v.id() + ")",
                            updated,
                            kit().ok(Rule.VR_1_7, "update", () -> repo.update(updated)));
                    kit()
                        .expect(
                            Rule.VR_1_7,
                            "getByPath(" + v.path() + ")",
                            Optional.of(updated),
                            kit().ok(Rule.VR_1_7, "getByPath", () -> repo.getByPath(v.path())));
                  }
                }
              }
            });
  }

  /** VR-1.8: failures carry the specified types and details. */
  @Test
  default void vr1_8_failuresHaveTheSpecifiedTypes() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_1_8, "add(a)", () -> repo.add(a));
    Throwable dup =
        kit().fails(Rule.VR_1_8, "add(a) again", VideoRepositoryException.class, () -> repo.add(a));
    kit()
        .expectThat(
            Rule.VR_1_8,
            "add(a) again",
            String.valueOf(dup.getMessage()).contains("a"),
            "a message naming the value",
            dup.getMessage());
    kit()
        .fails(
            Rule.VR_1_8,
            "update(absent)",
            VideoRepositoryException.class,
            () -> repo.update(kit().video("absent")));
    repo.close();
    kit()
        .fails(
            Rule.VR_1_8,
            "get(\"a\") after close",
            VideoRepositoryException.class,
            () -> repo.get("a"));
  }
}
