package example.backend;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.SearchText;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoOrder;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.spi.Arguments;
import io.github.stoatferret.videorepo.spi.PageCursor;
import io.github.stoatferret.videorepo.spi.Pages;
import io.github.stoatferret.videorepo.spi.Stages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A third party's backend, as simple as can be: a map behind one lock. Written only with the
 * published API and its spi helpers, as an outside author would write it.
 */
public class MapVideoRepository implements VideoRepository {

  protected final Map<String, Video> byId = new HashMap<>();
  /** The version of each stored video (VR-16.1); an entry goes with its video. */
  private final Map<String, Long> versions = new HashMap<>();
  private boolean closed;

  protected synchronized <T> CompletionStage<T> run(Supplier<T> work) {
    if (closed) {
      return Stages.failed(new RepositoryClosedException("map repository is closed"));
    }
    return Stages.run(work);
  }

  private List<Video> sorted() {
    List<Video> all = new ArrayList<>(byId.values());
    all.sort(VideoOrder.LIST_ORDER);
    return all;
  }

  private Optional<Video> holderOf(String path) {
    return byId.values().stream().filter(v -> v.path().equals(path)).findFirst();
  }

  @Override
  public CompletionStage<Video> add(Video video) {
    return run(() -> addAllNow(List.of(Arguments.notNull(video, "video"))).get(0));
  }

  @Override
  public CompletionStage<List<Video>> addAll(List<Video> videos) {
    return run(() -> addAllNow(Arguments.noNulls(videos, "videos")));
  }

  private List<Video> addAllNow(List<Video> batch) {
    Set<String> ids = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (Video v : batch) {
      if (byId.containsKey(v.id()) || !ids.add(v.id())) {
        throw new DuplicateVideoException(DuplicateVideoException.Key.ID, v.id());
      }
      if (holderOf(v.path()).isPresent() || !paths.add(v.path())) {
        throw new DuplicateVideoException(DuplicateVideoException.Key.PATH, v.path());
      }
    }
    batch.forEach(v -> {
      byId.put(v.id(), v);
      versions.put(v.id(), VersionedVideo.FIRST);
    });
    return batch;
  }

  @Override
  public CompletionStage<Optional<Video>> get(String id) {
    return run(() -> Optional.ofNullable(byId.get(Arguments.notNull(id, "id"))));
  }

  @Override
  public CompletionStage<Optional<Video>> getByPath(String path) {
    return run(() -> holderOf(Arguments.notNull(path, "path")));
  }

  @Override
  public CompletionStage<List<Video>> list(int limit, int offset) {
    return run(() -> {
      Arguments.limit(limit);
      Arguments.offset(offset);
      return sorted().stream().skip(offset).limit(limit).toList();
    });
  }

  @Override
  public CompletionStage<VideoPage> page(String cursor, int limit) {
    return run(() -> Pages.after(PageCursor.decode(cursor), sorted(), limit, v -> true));
  }

  @Override
  public CompletionStage<VideoPage> searchPage(String query, String cursor, int limit) {
    return run(() -> {
      Arguments.notNull(query, "query");
      return Pages.after(PageCursor.decode(cursor), sorted(), limit, v -> matches(v, query));
    });
  }

  @Override
  public CompletionStage<List<Video>> search(String query, int limit) {
    return run(() -> {
      Arguments.notNull(query, "query");
      Arguments.limit(limit);
      return sorted().stream().filter(v -> matches(v, query)).limit(limit).toList();
    });
  }

  /** Whether a video matches a query; the one place the broken variant changes. */
  protected boolean matches(Video v, String query) {
    return SearchText.matches(v, query);
  }

  @Override
  public CompletionStage<Video> update(Video video) {
    return run(() -> replace(Arguments.notNull(video, "video")).video());
  }

  @Override
  public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
    return run(() -> {
      Arguments.notNull(video, "video");
      checkVersion(video.id(), expectedVersion);
      return replace(video);
    });
  }

  private VersionedVideo replace(Video video) {
    Video old = byId.get(video.id());
    if (old == null) {
      throw new VideoNotFoundException(video.id());
    }
    Optional<Video> holder = holderOf(video.path());
    if (holder.isPresent() && !holder.get().id().equals(video.id())) {
      throw new DuplicateVideoException(DuplicateVideoException.Key.PATH, video.path());
    }
    Video stored = video.toBuilder().createdAt(old.createdAt()).build();
    byId.put(video.id(), stored);
    return new VersionedVideo(stored, versions.merge(video.id(), 1L, Long::sum));
  }

  /** Fails unless the id is stored at the expected version (VR-16.2, VR-16.3). */
  private void checkVersion(String id, long expectedVersion) {
    VersionedVideo.checkVersion("expectedVersion", expectedVersion);
    Long current = versions.get(id);
    if (current == null) {
      throw new VideoNotFoundException(id);
    }
    if (current != expectedVersion) {
      throw new VersionConflictException(id, expectedVersion, current);
    }
  }

  @Override
  public CompletionStage<Optional<VersionedVideo>> getVersioned(String id) {
    return run(() -> Optional.ofNullable(byId.get(Arguments.notNull(id, "id")))
        .map(v -> new VersionedVideo(v, versions.get(id))));
  }

  @Override
  public CompletionStage<Boolean> delete(String id) {
    return run(() -> {
      versions.remove(Arguments.notNull(id, "id"));
      return byId.remove(id) != null;
    });
  }

  @Override
  public CompletionStage<Video> delete(String id, long expectedVersion) {
    return run(() -> {
      checkVersion(Arguments.notNull(id, "id"), expectedVersion);
      versions.remove(id);
      return byId.remove(id);
    });
  }

  @Override
  public CompletionStage<Long> count() {
    return run(() -> (long) byId.size());
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
