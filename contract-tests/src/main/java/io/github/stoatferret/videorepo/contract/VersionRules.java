package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoDraft;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.Outcome;
import io.github.stoatferret.videorepo.contract.internal.Race;
import io.github.stoatferret.videorepo.contract.internal.RecordingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Rules VR-16.1 to VR-16.4: versions and the conditional writes an {@code If-Match} needs. The
 * model-based tests (VR-1.9, VR-1.5) also run conditional writes in random sequences and concurrent
 * histories; these tests pin each rule down by itself.
 */
interface VersionRules extends RuleTests {

  /** How many times the race of conditional writes runs. */
  int VERSION_RACE_ROUNDS = 25;

  /** How many conditional writes race in each round. */
  int VERSION_RACERS = 4;

  private Optional<VersionedVideo> versioned(Rule rule, VideoRepository repo, String id) {
    return kit().ok(rule, "getVersioned(\"" + id + "\")", () -> repo.getVersioned(id));
  }

  private void expectVersion(
      Rule rule, VideoRepository repo, String after, Video video, long version) {
    kit()
        .expect(
            rule,
            "getVersioned(\"" + video.id() + "\") after " + after,
            Optional.of(new VersionedVideo(video, version)),
            versioned(rule, repo, video.id()));
  }

  /** VR-16.1: add stores version 1, every successful update adds one, failures change nothing. */
  @Test
  default void vr16_1_addStoresVersionOneAndEachUpdateAdvancesIt() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/a");
    kit().ok(Rule.VR_16_1, "add(a)", () -> repo.add(a));
    expectVersion(Rule.VR_16_1, repo, "add(a)", a, 1);
    Video a2 = a.toBuilder().fileSize(2).build();
    kit().ok(Rule.VR_16_1, "update(a)", () -> repo.update(a2));
    expectVersion(Rule.VR_16_1, repo, "one update", a2, 2);
    Video a3 =
        kit()
            .ok(
                Rule.VR_16_1,
                "update(\"a\", fields)",
                () -> repo.update("a", VideoDraft.of(a2.toBuilder().fileSize(3).build())));
    expectVersion(Rule.VR_16_1, repo, "update(\"a\", fields)", a3, 3);
    Video a4 = a3.toBuilder().fileSize(4).build();
    kit().ok(Rule.VR_16_1, "update(a, 3)", () -> repo.update(a4, 3));
    expectVersion(Rule.VR_16_1, repo, "update(a, 3)", a4, 4);

    Video b = kit().video("b", "/b");
    Video c = kit().video("c", "/c");
    kit().ok(Rule.VR_16_1, "addAll([b, c])", () -> repo.addAll(List.of(b, c)));
    expectVersion(Rule.VR_16_1, repo, "addAll([b, c])", c, 1);
    // The refusals are other rules' (VR-16.2, VR-2.2): a failure there is theirs, not VR-16.1's.
    kit()
        .fails(
            Rule.VR_16_2,
            "update(a, 2) of a at 4",
            VersionConflictException.class,
            () -> repo.update(a4.toBuilder().fileSize(5).build(), 2));
    expectVersion(Rule.VR_16_1, repo, "a refused update", a4, 4);
    kit().fails(Rule.VR_2_2, "add(a again)", DuplicateVideoException.class, () -> repo.add(a));
    expectVersion(Rule.VR_16_1, repo, "a refused add of its id", a4, 4);

    kit().ok(Rule.VR_16_1, "delete(\"a\")", () -> repo.delete("a"));
    kit()
        .expect(
            Rule.VR_16_1,
            "getVersioned(\"a\") after delete(\"a\")",
            Optional.empty(),
            versioned(Rule.VR_16_1, repo, "a"));
    kit().ok(Rule.VR_16_1, "add(a) after delete", () -> repo.add(a));
    expectVersion(Rule.VR_16_1, repo, "delete and add again", a, 1);
    kit()
        .expect(
            Rule.VR_16_1,
            "getVersioned(\"A\") (ids compare exactly)",
            Optional.empty(),
            versioned(Rule.VR_16_1, repo, "A"));

    Video created =
        kit()
            .ok(
                Rule.VR_16_1,
                "create(fields)",
                () -> repo.create(VideoDraft.of(kit().video("d", "/d"))));
    expectVersion(Rule.VR_16_1, repo, "create(fields)", created, 1);
  }

  /**
   * VR-16.2: a conditional update applies at the expected version only; a conflict names the stored
   * version and changes nothing.
   */
  @Test
  default void vr16_2_conditionalUpdateAppliesOnlyAtTheExpectedVersion() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/a");
    Video b = kit().video("b", "/b");
    kit().ok(Rule.VR_16_2, "addAll([a, b])", () -> repo.addAll(List.of(a, b)));
    Video changed = a.toBuilder().fileSize(77).createdAt(a.createdAt().plusSeconds(5)).build();

    VersionConflictException early =
        kit()
            .fails(
                Rule.VR_16_2,
                "update(a, 2) of a at version 1",
                VersionConflictException.class,
                () -> repo.update(changed, 2));
    expectConflict(Rule.VR_16_2, early, "a", 2, 1);
    expectVersion(Rule.VR_16_2, repo, "a refused update(a, 2)", a, 1);

    Video stored = changed.toBuilder().createdAt(a.createdAt()).build();
    kit()
        .expect(
            Rule.VR_16_2,
            "update(a, 1) of a at version 1",
            new VersionedVideo(stored, 2),
            kit().ok(Rule.VR_16_2, "update(a, 1)", () -> repo.update(changed, 1)));
    expectVersion(Rule.VR_16_2, repo, "update(a, 1)", stored, 2);

    VersionConflictException stale =
        kit()
            .fails(
                Rule.VR_16_2,
                "update(a, 1) again, a at 2",
                VersionConflictException.class,
                () -> repo.update(a, 1));
    expectConflict(Rule.VR_16_2, stale, "a", 1, 2);
    VersionConflictException beforePath =
        kit()
            .fails(
                Rule.VR_16_2,
                "update(a to b's path, 1): the version is checked before the path",
                VersionConflictException.class,
                () -> repo.update(a.toBuilder().path("/b").build(), 1));
    expectConflict(Rule.VR_16_2, beforePath, "a", 1, 2);
    DuplicateVideoException clash =
        kit()
            .fails(
                Rule.VR_16_2,
                "update(a to b's path, 2)",
                DuplicateVideoException.class,
                () -> repo.update(a.toBuilder().path("/b").build(), 2));
    kit()
        .expect(
            Rule.VR_16_2,
            "update(a to b's path, 2): the key",
            DuplicateVideoException.Key.PATH,
            clash.key());
    expectVersion(Rule.VR_16_2, repo, "refused conditional updates", stored, 2);

    VersionedVideo fromFields =
        kit()
            .ok(
                Rule.VR_16_2,
                "update(\"a\", fields, 2)",
                () -> repo.update("a", VideoDraft.of(stored.toBuilder().fileSize(5).build()), 2));
    kit().expect(Rule.VR_16_2, "update(\"a\", fields, 2): the version", 3L, fromFields.version());
    kit()
        .expect(
            Rule.VR_16_2, "update(\"a\", fields, 2): the size", 5L, fromFields.video().fileSize());
    kit()
        .fails(
            Rule.VR_16_2,
            "update(\"a\", fields, 2) again",
            VersionConflictException.class,
            () -> repo.update("a", VideoDraft.of(stored), 2));

    kit()
        .fails(
            Rule.VR_16_2,
            "update(absent, 1)",
            VideoNotFoundException.class,
            () -> repo.update(kit().video("absent", "/absent"), 1));
    InvalidArgumentException zero =
        kit()
            .fails(
                Rule.VR_16_2,
                "update(a, 0)",
                InvalidArgumentException.class,
                () -> repo.update(a, 0));
    kit()
        .expect(
            Rule.VR_16_2,
            "update(a, 0): the failure's parameter()",
            "expectedVersion",
            zero.parameter());
    kit().expect(Rule.VR_16_2, "update(a, 0): the failure's value()", "0", zero.value());
    kit()
        .fails(
            Rule.VR_16_2,
            "update(a, -1)",
            InvalidArgumentException.class,
            () -> repo.update(a, -1));
    expectVersion(Rule.VR_16_2, repo, "every refused call", fromFields.video(), 3);
  }

  /** VR-16.3: a conditional delete deletes at the expected version only. */
  @Test
  default void vr16_3_conditionalDeleteDeletesOnlyAtTheExpectedVersion() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/a");
    kit().ok(Rule.VR_16_3, "add(a)", () -> repo.add(a));
    Video a2 = a.toBuilder().fileSize(2).build();
    kit().ok(Rule.VR_16_3, "update(a)", () -> repo.update(a2));

    VersionConflictException stale =
        kit()
            .fails(
                Rule.VR_16_3,
                "delete(\"a\", 1) of a at 2",
                VersionConflictException.class,
                () -> repo.delete("a", 1));
    expectConflict(Rule.VR_16_3, stale, "a", 1, 2);
    expectVersion(Rule.VR_16_3, repo, "a refused delete(\"a\", 1)", a2, 2);
    kit()
        .fails(
            Rule.VR_16_3,
            "delete(\"a\", 3) of a at 2",
            VersionConflictException.class,
            () -> repo.delete("a", 3));
    InvalidArgumentException zero =
        kit()
            .fails(
                Rule.VR_16_3,
                "delete(\"a\", 0)",
                InvalidArgumentException.class,
                () -> repo.delete("a", 0));
    kit()
        .expect(
            Rule.VR_16_3,
            "delete(\"a\", 0): the failure's parameter()",
            "expectedVersion",
            zero.parameter());

    kit()
        .expect(
            Rule.VR_16_3,
            "delete(\"a\", 2) of a at 2",
            a2,
            kit().ok(Rule.VR_16_3, "delete(\"a\", 2)", () -> repo.delete("a", 2)));
    kit()
        .expect(
            Rule.VR_16_3,
            "get(\"a\") after delete(\"a\", 2)",
            Optional.empty(),
            kit().ok(Rule.VR_16_3, "get(\"a\")", () -> repo.get("a")));
    kit()
        .fails(
            Rule.VR_16_3,
            "delete(\"a\", 2) once a is gone",
            VideoNotFoundException.class,
            () -> repo.delete("a", 2));
    kit().ok(Rule.VR_16_3, "add(another at a's path)", () -> repo.add(kit().video("other", "/a")));
    kit().expect(Rule.VR_16_3, "count()", 1L, kit().ok(Rule.VR_16_3, "count()", repo::count));
  }

  /**
   * VR-16.2, VR-16.3: a conditional write that applies sends the event of the write it is; one
   * refused sends none.
   *
   * @throws Exception if the test is interrupted while waiting for events
   */
  @Test
  default void vr16_3_conditionalWritesSendTheEventsOfTheWritesTheyAre() throws Exception {
    kit().require(Capability.CHANGE_EVENTS, Rule.VR_16_3);
    RecordingListener listener = new RecordingListener(null);
    VideoRepository repo = kit().freshRepository(listener);
    Video a = kit().video("a");
    Video a2 = a.toBuilder().fileSize(2).build();
    kit().ok(Rule.VR_16_2, "add(a)", () -> repo.add(a));
    kit()
        .fails(
            Rule.VR_16_2,
            "update(a, 2) of a at 1",
            VersionConflictException.class,
            () -> repo.update(a2, 2));
    kit().ok(Rule.VR_16_2, "update(a, 1)", () -> repo.update(a2, 1));
    kit()
        .fails(
            Rule.VR_16_3,
            "delete(\"a\", 1) of a at 2",
            VersionConflictException.class,
            () -> repo.delete("a", 1));
    kit().ok(Rule.VR_16_3, "delete(\"a\", 2)", () -> repo.delete("a", 2));
    List<VideoChangeEvent> expected =
        List.of(
            new VideoChangeEvent.Added(a),
            VideoChangeEvent.Updated.of(a, a2),
            new VideoChangeEvent.Deleted(a2));
    kit()
        .expect(
            Rule.VR_16_3,
            "events of add, a refused and an applied update(a, version), a"
                + " refused and an applied delete(\"a\", version)",
            expected,
            listener.await(expected.size(), kit().awaitTimeout(), kit().quietPeriod()));
  }

  /** VR-16.2, VR-16.3: conditional writes on a closed repository fail with closed first. */
  @Test
  @SuppressWarnings("NullAway") // passes null where it may not go, on purpose: rule VR-1.4
  default void vr16_2_conditionalWritesAfterCloseFailWithClosed() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_16_2, "add(a)", () -> repo.add(a));
    repo.close();
    kit()
        .fails(
            Rule.VR_16_2,
            "update(a, 1) after close",
            RepositoryClosedException.class,
            () -> repo.update(a, 1));
    kit()
        .fails(
            Rule.VR_16_2,
            "update(null, 0) after close",
            RepositoryClosedException.class,
            () -> repo.update((Video) null, 0));
    kit()
        .fails(
            Rule.VR_16_2,
            "update(\"\", fields, 1) after close",
            RepositoryClosedException.class,
            () -> repo.update("", VideoDraft.of(a), 1));
    kit()
        .fails(
            Rule.VR_16_3,
            "delete(\"a\", 1) after close",
            RepositoryClosedException.class,
            () -> repo.delete("a", 1));
    kit()
        .fails(
            Rule.VR_16_1,
            "getVersioned(\"a\") after close",
            RepositoryClosedException.class,
            () -> repo.getVersioned("a"));
  }

  /**
   * VR-16.4: conditional updates and deletes racing from one version: exactly one wins, every other
   * fails as the winner's write makes it fail.
   *
   * @throws Exception if the test is interrupted or a helper thread fails
   */
  @Test
  default void vr16_4_racingConditionalWritesFromOneVersionHaveOneWinner() throws Exception {
    for (int round = 0; round < VERSION_RACE_ROUNDS; round++) {
      try (VideoRepository repo = kit().freshRepository()) {
        Video x = kit().video("x", "/x");
        kit().ok(Rule.VR_16_4, "add(x)", () -> repo.add(x));
        List<Supplier<CompletionStage<?>>> calls = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < VERSION_RACERS; i++) {
          if (i == VERSION_RACERS - 1 && round % 2 == 1) {
            calls.add(() -> repo.delete("x", 1));
            names.add("delete(\"x\", 1)");
          } else {
            Video mine = x.toBuilder().fileSize(1000 + i).build();
            calls.add(() -> repo.update(mine, 1));
            names.add("update(x of size " + mine.fileSize() + ", 1)");
          }
        }
        String op = String.join(" racing ", names);
        List<CompletionStage<?>> stages = Race.run(calls);
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletionStage<?> stage : stages) {
          outcomes.add(kit().outcome(Rule.VR_16_4, op, () -> stage));
        }
        long winners = outcomes.stream().filter(Outcome::isOk).count();
        kit().expectThat(Rule.VR_16_4, op, winners == 1, "exactly one winner", outcomes);
        Object won =
            Objects.requireNonNull(
                outcomes.stream().filter(Outcome::isOk).findFirst().orElseThrow().value());
        boolean deleted = won instanceof Video;
        for (Outcome loser : outcomes) {
          if (!loser.isOk()) {
            kit()
                .expectThat(
                    Rule.VR_16_4,
                    op,
                    deleted
                        ? loser.failure() == VideoNotFoundException.class
                        : loser.equals(Outcome.failed(new VersionConflictException("x", 1, 2))),
                    deleted
                        ? "the losers to fail with VideoNotFoundException"
                        : "the losers to fail with VersionConflictException(current 2)",
                    outcomes);
          }
        }
        Optional<VersionedVideo> after = versioned(Rule.VR_16_4, repo, "x");
        kit()
            .expect(
                Rule.VR_16_4,
                op + ": getVersioned(\"x\") afterwards",
                deleted ? Optional.empty() : Optional.of(won),
                after);
      }
    }
  }

  private void expectConflict(
      Rule rule, VersionConflictException e, String id, long expected, long current) {
    String what = "the conflict of " + id;
    kit().expect(rule, what + ": id()", id, e.id());
    kit().expect(rule, what + ": expectedVersion()", expected, e.expectedVersion());
    kit().expect(rule, what + ": currentVersion()", current, e.currentVersion());
    kit()
        .expectThat(
            rule,
            what + ": the message",
            String.valueOf(e.getMessage()).contains(id)
                && String.valueOf(e.getMessage()).contains(Long.toString(current)),
            "naming the id and the version",
            e.getMessage());
  }
}
