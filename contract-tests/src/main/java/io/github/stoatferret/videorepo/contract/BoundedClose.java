package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.VersionedVideo;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoDraft;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.spi.ForwardingVideoRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The fixture's repository as the kit hands it to a test: every call goes straight to it, but
 * {@code close()} waits at most the await timeout. A backend whose close hangs then fails the test
 * that closed it (rule VR-12.2: close waits for the operations in flight, and returns) instead of
 * hanging the whole suite; the close goes on in a daemon thread.
 *
 * <p>Every method of {@link VideoRepository} is delegated, the default ones too: the operations by
 * {@link ForwardingVideoRepository}, the conveniences it leaves to the interface here, so that the
 * kit checks the backend's own versions (a self-test checks that none is missing).
 */
final class BoundedClose extends ForwardingVideoRepository {

  private final VideoRepository backend;
  private final Duration timeout;

  BoundedClose(VideoRepository backend, Duration timeout) {
    super(backend);
    this.backend = backend;
    this.timeout = timeout;
  }

  @Override
  public void close() {
    AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
    Thread closing =
        new Thread(
            () -> {
              try {
                backend.close();
              } catch (Throwable e) {
                thrown.set(e);
              }
            },
            "videorepo-kit-close");
    closing.setDaemon(true);
    closing.start();
    try {
      closing.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closing.isAlive()) {
      throw ContractKit.failure(
          Rule.VR_12_2,
          "close()",
          "close to return",
          "still running after " + timeout.toMillis() + " ms",
          null);
    }
    Throwable e = thrown.get();
    if (e instanceof RuntimeException r) {
      throw r; // as the backend threw it: VR-12.1's tests name it
    }
    if (e instanceof Error error) {
      throw error;
    }
  }

  @Override
  public CompletionStage<List<Video>> list() {
    return backend.list();
  }

  @Override
  public CompletionStage<List<Video>> search(String query) {
    return backend.search(query);
  }

  @Override
  public CompletionStage<Video> create(VideoDraft video) {
    return backend.create(video);
  }

  @Override
  public CompletionStage<Video> update(String id, VideoDraft video) {
    return backend.update(id, video);
  }

  @Override
  public CompletionStage<VersionedVideo> update(String id, VideoDraft video, long expectedVersion) {
    return backend.update(id, video, expectedVersion);
  }

  @Override
  public BlockingVideoRepository blocking() {
    return backend.blocking();
  }
}
