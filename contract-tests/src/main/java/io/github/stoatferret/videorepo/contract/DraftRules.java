package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoDraft;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.Op;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules VR-14.1 and VR-14.2: videos made from the fields a client sends, with the id and the
 * timestamps of the repository. The clock is the backend's own, so each check reads it before and
 * after the call and expects the stamp in between.
 */
interface DraftRules extends RuleTests {

  /**
   * The fields of a sample video.
   *
   * @param path its path
   * @return the draft
   */
  private VideoDraft draft(String path) {
    return VideoDraft.of(kit().video("draft", path));
  }

  /** Whether an instant lies between two readings of the clock, at microsecond precision. */
  private static boolean between(Instant before, Instant stamp, Instant after) {
    return !stamp.isBefore(before.truncatedTo(ChronoUnit.MICROS))
        && !stamp.isAfter(after.truncatedTo(ChronoUnit.MICROS));
  }

  /** VR-14.1: create stores the fields with a new id and the clock's instant, and reads back. */
  @Test
  default void vr14_1_createAssignsANewIdAndTheClocksInstant() {
    VideoRepository repo = kit().repository();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      VideoDraft fields = draft("/drafts/" + i + ".mp4");
      Instant before = repo.clock().instant();
      Video stored =
          kit()
              .ok(
                  Rule.VR_14_1,
                  "create(fields of /drafts/" + i + ".mp4)",
                  () -> repo.create(fields));
      Instant after = repo.clock().instant();
      String op = "create(" + i + ")";
      kit().expect(Rule.VR_14_1, op + ": the fields", fields, VideoDraft.of(stored));
      kit()
          .expectThat(
              Rule.VR_14_1,
              op + ": a new id",
              ids.add(stored.id()),
              "an id no earlier create returned",
              stored.id());
      kit().expect(Rule.VR_14_1, op + ": updatedAt", stored.createdAt(), stored.updatedAt());
      kit()
          .expectThat(
              Rule.VR_14_1,
              op + ": createdAt",
              between(before, stored.createdAt(), after),
              "between " + before + " and " + after + " of clock()",
              stored.createdAt());
      kit()
          .expect(
              Rule.VR_14_1,
              "get(the id " + op + " returned)",
              Optional.of(stored),
              kit().ok(Rule.VR_14_1, "get", () -> repo.get(stored.id())));
    }
  }

  /** VR-14.1: create fails as add does: a taken path, a null draft, a closed repository. */
  @Test
  @SuppressWarnings("NullAway") // passes null where it may not go, on purpose: rule VR-1.2
  default void vr14_1_createFailsAsAddDoes() {
    VideoRepository repo = kit().repository();
    kit().ok(Rule.VR_14_1, "add(a)", () -> repo.add(kit().video("a", "/taken")));
    DuplicateVideoException clash =
        kit()
            .fails(
                Rule.VR_14_1,
                "create(fields at /taken)",
                DuplicateVideoException.class,
                () -> repo.create(draft("/taken")));
    kit()
        .expect(
            Rule.VR_14_1,
            "create(fields at /taken): the clash's key",
            DuplicateVideoException.Key.PATH,
            clash.key());
    kit()
        .expect(
            Rule.VR_14_1,
            "count() after a refused create",
            1L,
            kit().ok(Rule.VR_14_1, "count()", repo::count));
    InvalidArgumentException bad =
        kit()
            .fails(
                Rule.VR_14_1,
                "create(null)",
                InvalidArgumentException.class,
                () -> repo.create(null));
    kit().expect(Rule.VR_14_1, "create(null): the failure's parameter()", "video", bad.parameter());
    repo.close();
    kit()
        .fails(
            Rule.VR_14_1,
            "create(fields) after close",
            RepositoryClosedException.class,
            () -> repo.create(draft("/after-close")));
    kit()
        .fails(
            Rule.VR_14_1,
            "create(null) after close",
            RepositoryClosedException.class,
            () -> repo.create(null));
  }

  /**
   * VR-14.2: update(id, fields) replaces the fields, keeps the stored createdAt and stamps
   * updatedAt with the clock.
   */
  @Test
  default void vr14_2_updateFromFieldsKeepsCreatedAtAndStampsUpdatedAt() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/a");
    kit().ok(Rule.VR_14_2, "add(a)", () -> repo.add(a));
    VideoDraft fields =
        VideoDraft.of(a.toBuilder().path("/a2").fileSize(77).audioCodec(null).build());
    Instant before = repo.clock().instant();
    Video stored = kit().ok(Rule.VR_14_2, "update(\"a\", fields)", () -> repo.update("a", fields));
    Instant after = repo.clock().instant();
    kit().expect(Rule.VR_14_2, "update(\"a\", fields): the fields", fields, VideoDraft.of(stored));
    kit().expect(Rule.VR_14_2, "update(\"a\", fields): the id", "a", stored.id());
    kit()
        .expect(
            Rule.VR_14_2, "update(\"a\", fields): createdAt", a.createdAt(), stored.createdAt());
    kit()
        .expectThat(
            Rule.VR_14_2,
            "update(\"a\", fields): updatedAt",
            between(before, stored.updatedAt(), after),
            "between " + before + " and " + after + " of clock()",
            stored.updatedAt());
    kit()
        .expect(
            Rule.VR_14_2,
            "get(\"a\") after update(\"a\", fields)",
            Optional.of(stored),
            kit().ok(Rule.VR_14_2, "get", () -> repo.get("a")));
  }

  /**
   * VR-14.2: update(id, fields) fails as update does, and names a null id.
   *
   * @throws Exception if a check fails
   */
  @Test
  @SuppressWarnings("NullAway") // passes null where it may not go, on purpose: rule VR-1.2
  default void vr14_2_updateFromFieldsFailsAsUpdateDoes() throws Exception {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/a");
    Video b = kit().video("b", "/b");
    // A backend whose update(Video) itself breaks VR-8.2 or VR-8.3 is told that first.
    List<Op> oneAtATime =
        List.of(
            new Op.AddAll(List.of(a, b)),
            new Op.Update(kit().video("absent", "/new")),
            new Op.Update(a.toBuilder().path("/b").build()));
    SequentialDiagnosis.diagnosed(
        kit(),
        Rule.VR_14_2,
        "update from fields fails as update does",
        () -> List.of(oneAtATime),
        () -> {
          kit().ok(Rule.VR_14_2, "addAll([a, b])", () -> repo.addAll(List.of(a, b)));
          kit()
              .fails(
                  Rule.VR_14_2,
                  "update(\"absent\", fields)",
                  VideoNotFoundException.class,
                  () -> repo.update("absent", draft("/new")));
          DuplicateVideoException clash =
              kit()
                  .fails(
                      Rule.VR_14_2,
                      "update(\"a\", fields at /b)",
                      DuplicateVideoException.class,
                      () -> repo.update("a", draft("/b")));
          kit()
              .expect(
                  Rule.VR_14_2,
                  "update(\"a\", fields at /b): the clash's key",
                  DuplicateVideoException.Key.PATH,
                  clash.key());
          kit()
              .expect(
                  Rule.VR_14_2,
                  "getByPath(\"/a\") after the refused update",
                  Optional.of("a"),
                  kit()
                      .ok(Rule.VR_14_2, "getByPath(\"/a\")", () -> repo.getByPath("/a"))
                      .map(Video::id));
        });
    kit()
        .expect(
            Rule.VR_14_2,
            "update(null, fields): the failure's parameter()",
            "id",
            kit()
                .fails(
                    Rule.VR_14_2,
                    "update(null, fields)",
                    InvalidArgumentException.class,
                    () -> repo.update(null, draft("/x")))
                .parameter());
    kit()
        .expect(
            Rule.VR_14_2,
            "update(\"a\", null): the failure's parameter()",
            "video",
            kit()
                .fails(
                    Rule.VR_14_2,
                    "update(\"a\", null)",
                    InvalidArgumentException.class,
                    () -> repo.update("a", null))
                .parameter());
    repo.close();
    kit()
        .fails(
            Rule.VR_14_2,
            "update(null, fields) after close",
            RepositoryClosedException.class,
            () -> repo.update(null, draft("/x")));
  }
}
