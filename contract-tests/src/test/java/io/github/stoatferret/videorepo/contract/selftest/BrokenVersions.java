package io.github.stoatferret.videorepo.contract.selftest;

import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.contract.internal.ModelState;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Twins that break the version rules (VR-16.*), each the way a real backend could. */
final class BrokenVersions {

  private BrokenVersions() {}

  /**
   * Advances the version only in the conditional update, as a backend does that adds {@code version
   * = version + 1} to one statement and forgets the other. Breaks VR-16.1.
   */
  static final class PlainUpdateKeepsTheVersion extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<Video> update(Video video) {
      ModelState before = state;
      CompletionStage<Video> result = super.update(video);
      if (video != null && before.versions().containsKey(video.id())) {
        Map<String, Long> versions = new HashMap<>(state.versions());
        versions.put(video.id(), before.versions().get(video.id()));
        state = new ModelState(state.byId(), versions);
      }
      return result;
    }
  }

  /** Takes the stored version for the expected one: it never conflicts. Breaks VR-16.2. */
  static final class ConditionalUpdateIgnoresTheVersion extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
      long current =
          video == null
              ? expectedVersion
              : state.versions().getOrDefault(video.id(), expectedVersion);
      return super.update(video, current);
    }
  }

  /** Deletes whatever version is stored. Breaks VR-16.3. */
  static final class ConditionalDeleteIgnoresTheVersion extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<Video> delete(String id, long expectedVersion) {
      long current =
          id == null ? expectedVersion : state.versions().getOrDefault(id, expectedVersion);
      return super.delete(id, current);
    }
  }

  /**
   * Reads the version, then writes in a second step, as a backend does that selects the version and
   * updates in two transactions: two writers that read the same version both win. Breaks VR-16.4.
   */
  static final class ChecksTheVersionThenWrites extends ReferenceRepository {
    @Override
    public CompletionStage<VersionedVideo> update(Video video, long expectedVersion) {
      long seen;
      synchronized (this) {
        if (closed || video == null || !state.versions().containsKey(video.id())) {
          return super.update(video, expectedVersion);
        }
        seen = state.versions().get(video.id());
      }
      try {
        Thread.sleep(2); // the gap between the two transactions
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        if (seen != expectedVersion || !state.versions().containsKey(video.id())) {
          return super.update(video, expectedVersion);
        }
        return super.update(video, state.versions().get(video.id()));
      }
    }
  }
}
