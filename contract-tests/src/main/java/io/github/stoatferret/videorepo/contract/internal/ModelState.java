package io.github.stoatferret.videorepo.contract.internal;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reference model: the stored videos as an immutable value, and what each operation does to
 * them, written as plainly as the {@code VideoRepository} Javadoc states it. Each backend is
 * compared against it, step by step and in concurrent histories.
 *
 * @param byId the stored videos by id; unmodifiable
 * @param versions the version of each stored video, by id (VR-16.1); unmodifiable
 */
public record ModelState(Map<String, Video> byId, Map<String, Long> versions) {

  /** The empty repository. */
  public static final ModelState EMPTY = new ModelState(Map.of(), Map.of());

  /**
   * Copies the maps.
   *
   * @param byId the videos by id
   * @param versions the versions by id
   */
  public ModelState {
    byId = Map.copyOf(byId);
    versions = Map.copyOf(versions);
  }

  /**
   * A state whose videos are all at their first version: for a test's twin that writes the map
   * itself and never looks at versions.
   *
   * @param byId the videos by id
   */
  public ModelState(Map<String, Video> byId) {
    this(byId, firstVersions(byId));
  }

  private static Map<String, Long> firstVersions(Map<String, Video> byId) {
    Map<String, Long> out = new HashMap<>();
    byId.keySet().forEach(id -> out.put(id, VersionedVideo.FIRST));
    return out;
  }

  private long versionOf(String id) {
    return versions.getOrDefault(id, VersionedVideo.FIRST);
  }

  /**
   * The result of one operation on the model.
   *
   * @param outcome what the operation returns or how it fails
   * @param next the state after it
   * @param events the change events it sends, in order
   */
  public record Step(Outcome outcome, ModelState next, List<VideoChangeEvent> events) {}

  /**
   * Every stored video in list order.
   *
   * @return the videos
   */
  public List<Video> listed() {
    List<Video> all = new ArrayList<>(byId.values());
    all.sort(VideoOrder.LIST_ORDER);
    return all;
  }

  /**
   * Applies an operation.
   *
   * @param op the operation
   * @return its outcome, the next state and the events
   */
  public Step apply(Op op) {
    if (op instanceof Op.Add a) {
      return addAll(List.of(a.video()), true);
    }
    if (op instanceof Op.AddAll a) {
      return addAll(a.videos(), false);
    }
    if (op instanceof Op.Get g) {
      return read(Optional.ofNullable(byId.get(g.id())));
    }
    if (op instanceof Op.GetByPath g) {
      return read(byId.values().stream().filter(v -> v.path().equals(g.path())).findFirst());
    }
    if (op instanceof Op.ListOp l) {
      List<Video> all = listed();
      int from = Math.min(l.offset(), all.size());
      int to = (int) Math.min(all.size(), (long) from + l.limit());
      return read(List.copyOf(all.subList(from, to)));
    }
    if (op instanceof Op.Search s) {
      return read(
          listed().stream()
              .filter(v -> SearchText.matches(v, s.query()))
              .limit(s.limit())
              .toList());
    }
    if (op instanceof Op.Update u) {
      return update(u.video(), null);
    }
    if (op instanceof Op.UpdateIfVersion u) {
      return update(u.video(), u.expectedVersion());
    }
    if (op instanceof Op.GetVersioned g) {
      return read(
          Optional.ofNullable(byId.get(g.id())).map(v -> new VersionedVideo(v, versionOf(v.id()))));
    }
    if (op instanceof Op.Delete d) {
      return byId.containsKey(d.id()) ? delete(d.id(), true) : read(false);
    }
    if (op instanceof Op.DeleteIfVersion d) {
      Step refused = refusal(d.id(), d.expectedVersion());
      return refused != null ? refused : delete(d.id(), false);
    }
    if (op instanceof Op.Count) {
      return read((long) byId.size());
    }
    throw new IllegalArgumentException("unknown op " + op);
  }

  private Step read(Object value) {
    return new Step(Outcome.ok(value), this, List.of());
  }

  private Step fail(RuntimeException e) {
    return new Step(Outcome.failed(e), this, List.of());
  }

  private Step addAll(List<Video> batch, boolean single) {
    Set<String> ids = new HashSet<>();
    Set<String> paths = new HashSet<>();
    Set<String> storedPaths = paths();
    for (Video v : batch) {
      if (byId.containsKey(v.id()) || ids.contains(v.id())) {
        return fail(new DuplicateVideoException(DuplicateVideoException.Key.ID, v.id()));
      }
      if (storedPaths.contains(v.path()) || paths.contains(v.path())) {
        return fail(new DuplicateVideoException(DuplicateVideoException.Key.PATH, v.path()));
      }
      ids.add(v.id());
      paths.add(v.path());
    }
    Map<String, Video> next = new HashMap<>(byId);
    Map<String, Long> nextVersions = new HashMap<>(versions);
    List<VideoChangeEvent> events = new ArrayList<>();
    for (Video v : batch) {
      next.put(v.id(), v);
      nextVersions.put(v.id(), VersionedVideo.FIRST);
      events.add(new VideoChangeEvent.Added(v));
    }
    Object value = single ? batch.get(0) : List.copyOf(batch);
    return new Step(Outcome.ok(value), new ModelState(next, nextVersions), events);
  }

  /** Why a conditional write of an id is refused (VR-16.2, VR-16.3), or null if it is not. */
  private @Nullable Step refusal(String id, long expectedVersion) {
    if (expectedVersion < VersionedVideo.FIRST) {
      return fail(
          new InvalidArgumentException(
              "expectedVersion", Long.toString(expectedVersion), "below the first version"));
    }
    if (!byId.containsKey(id)) {
      return fail(new VideoNotFoundException(id));
    }
    long current = versionOf(id);
    return current == expectedVersion
        ? null
        : fail(new VersionConflictException(id, expectedVersion, current));
  }

  private Step delete(String id, boolean unconditional) {
    Video old = Objects.requireNonNull(byId.get(id));
    Map<String, Video> next = new HashMap<>(byId);
    next.remove(id);
    Map<String, Long> nextVersions = new HashMap<>(versions);
    nextVersions.remove(id);
    return new Step(
        Outcome.ok(unconditional ? (Object) true : old),
        new ModelState(next, nextVersions),
        List.of(new VideoChangeEvent.Deleted(old)));
  }

  private Step update(Video v, @Nullable Long expectedVersion) {
    if (expectedVersion != null) {
      Step refused = refusal(v.id(), expectedVersion);
      if (refused != null) {
        return refused;
      }
    }
    Video old = byId.get(v.id());
    if (old == null) {
      return fail(new VideoNotFoundException(v.id()));
    }
    for (Video other : byId.values()) {
      if (!other.id().equals(v.id()) && other.path().equals(v.path())) {
        return fail(new DuplicateVideoException(DuplicateVideoException.Key.PATH, v.path()));
      }
    }
    Video stored = v.toBuilder().createdAt(old.createdAt()).build();
    Map<String, Video> next = new HashMap<>(byId);
    next.put(v.id(), stored);
    long version = versionOf(v.id()) + 1;
    Map<String, Long> nextVersions = new HashMap<>(versions);
    nextVersions.put(v.id(), version);
    Object value = expectedVersion == null ? stored : new VersionedVideo(stored, version);
    return new Step(
        Outcome.ok(value),
        new ModelState(next, nextVersions),
        List.of(VideoChangeEvent.Updated.of(old, stored)));
  }

  private Set<String> paths() {
    Set<String> out = new HashSet<>();
    for (Video v : byId.values()) {
      out.add(v.path());
    }
    return out;
  }
}
