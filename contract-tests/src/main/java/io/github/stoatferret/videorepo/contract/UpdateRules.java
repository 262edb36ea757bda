package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules VR-8.*: {@code update}. */
interface UpdateRules extends RuleTests {

  /** VR-8.1: every field but createdAt is replaced; the result is what is stored. */
  @Test
  default void vr8_1_updateReplacesEveryFieldButCreatedAt() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_8_1, "add(a)", () -> repo.add(a));
    Video changed =
        Video.builder()
            .id("a")
            .path("/moved/a.mkv")
            .filename("a.mkv")
            .durationFrames(Long.MAX_VALUE)
            .frameRate(30000, 1001)
            .resolution(3840, 2160)
            .videoCodec("hevc")
            .audioCodec(null)
            .fileSize(Long.MAX_VALUE)
            .thumbnailPath("/t/a.jpg")
            .createdAt(Instant.parse("1999-01-01T00:00:00Z"))
            .updatedAt(Instant.parse("2030-01-01T00:00:00.000001Z"))
            .build();
    Video expected = changed.toBuilder().createdAt(a.createdAt()).build();
    kit()
        .expect(
            Rule.VR_8_1,
            "update(a with every field changed)",
            expected,
            kit().ok(Rule.VR_8_1, "update(a)", () -> repo.update(changed)));
    kit()
        .expect(
            Rule.VR_8_1,
            "get(\"a\") after update",
            Optional.of(expected),
            kit().ok(Rule.VR_8_1, "get(\"a\")", () -> repo.get("a")));
  }

  /** VR-8.1: updatedAt is stored as given, even when it is before createdAt. */
  @Test
  default void vr8_1_updatedAtIsStoredAsGiven() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_8_1, "add(a)", () -> repo.add(a));
    Instant earlier = a.createdAt().minusSeconds(3600);
    Video back = a.toBuilder().updatedAt(earlier).build();
    Video stored =
        kit().ok(Rule.VR_8_1, "update(a with an earlier updatedAt)", () -> repo.update(back));
    kit()
        .expect(
            Rule.VR_8_1,
            "update(a with an earlier updatedAt): updatedAt",
            earlier,
            stored.updatedAt());
  }

  /** VR-8.2 */
  @Test
  default void vr8_2_updateOfAnAbsentIdFails() {
    VideoRepository repo = kit().repository();
    Video ghost = kit().video("ghost");
    VideoNotFoundException e =
        kit()
            .fails(
                Rule.VR_8_2,
                "update(ghost)",
                VideoNotFoundException.class,
                () -> repo.update(ghost));
    kit().expect(Rule.VR_8_2, "update(ghost): id", "ghost", e.id());
    kit()
        .expect(
            Rule.VR_1_6,
            "count() after the failed update",
            0L,
            kit().ok(Rule.VR_1_6, "count()", repo::count));
  }

  /** VR-8.3: another video's path is refused, and nothing changes. */
  @Test
  default void vr8_3_updateToAnotherVideosPathFails() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/a");
    Video b = kit().video("b", "/b");
    kit().ok(Rule.VR_8_3, "addAll([a, b])", () -> repo.addAll(List.of(a, b)));
    Video clash = b.toBuilder().path("/a").fileSize(1).build();
    DuplicateVideoException e =
        kit()
            .fails(
                Rule.VR_8_3,
                "update(b with path /a)",
                DuplicateVideoException.class,
                () -> repo.update(clash));
    kit()
        .expect(Rule.VR_8_3, "update(b with path /a): clash", "PATH /a", e.key() + " " + e.value());
    kit()
        .expect(Rule.VR_1_6, "list after the failed update", List.of(b, a), kit().all(Rule.VR_1_6));
  }

  /** VR-8.3: a video may keep its path, and a path it leaves is free at once. */
  @Test
  default void vr8_3_leftPathIsFreeAndOwnPathIsKept() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a", "/old");
    kit().ok(Rule.VR_8_3, "add(a)", () -> repo.add(a));
    kit()
        .ok(
            Rule.VR_8_3,
            "update(a keeping its path)",
            () -> repo.update(a.toBuilder().fileSize(7).build()));
    kit()
        .ok(
            Rule.VR_8_3,
            "update(a to /new)",
            () -> repo.update(a.toBuilder().path("/new").build()));
    kit()
        .expect(
            Rule.VR_8_3,
            "getByPath(\"/old\") after the move",
            Optional.empty(),
            kit().ok(Rule.VR_8_3, "getByPath(\"/old\")", () -> repo.getByPath("/old")));
    Video b = kit().video("b", "/old");
    kit().ok(Rule.VR_8_3, "add(b at the freed path /old)", () -> repo.add(b));
  }
}
