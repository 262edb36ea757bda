package io.github.stoatferret.videorepo.internal;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The publisher behind {@link VideoRepository#stream()}: each subscription walks the repository
 * with {@link VideoRepository#page}, fetching a page only when the subscriber has asked for more
 * than it already holds.
 */
public final class PagePublisher implements Flow.Publisher<Video> {

  /** How many videos one page fetch asks for. */
  static final int PAGE_SIZE = 256;

  private final VideoRepository repository;

  /**
   * Makes a publisher over a repository.
   *
   * @param repository the repository to walk
   */
  public PagePublisher(VideoRepository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super Video> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams rule 1.9
    new Walk(repository, subscriber).start();
  }

  /**
   * One subscriber's walk. All signals to the subscriber are made inside {@link #drain()}, which
   * one thread at a time runs (the work-in-progress counter), so they are serial (rule 1.3) and
   * never recursive however the page stages complete (rule 3.3).
   */
  private static final class Walk implements Flow.Subscription {
    private final VideoRepository repository;
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicLong requested = new AtomicLong();
    private volatile boolean cancelled;
    private volatile @Nullable Throwable requestError;
    private volatile @Nullable VideoPage arrived;
    private volatile @Nullable Throwable fetchError;

    // Touched only inside drain().
    private Flow.@Nullable Subscriber<? super Video> subscriber;
    private final ArrayDeque<Video> buffer = new ArrayDeque<>();
    private @Nullable String cursor;
    private boolean fetching;
    private boolean exhausted;
    private boolean started;

    Walk(VideoRepository repository, Flow.Subscriber<? super Video> subscriber) {
      this.repository = repository;
      this.subscriber = subscriber;
    }

    void start() {
      wip.incrementAndGet(); // hold the drain while onSubscribe runs
      try {
        Objects.requireNonNull(subscriber).onSubscribe(this); // set until terminate()
      } catch (RuntimeException e) {
        cancelled = true; // rule 2.13: a throwing subscriber is treated as cancelled
      }
      exitDrain(1);
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        requestError =
            new IllegalArgumentException(
                "Reactive Streams rule 3.9: request must be positive, was " + n);
      } else {
        requested.getAndUpdate(r -> r + n < 0 ? Long.MAX_VALUE : r + n);
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      drain();
    }

    private void drain() {
      if (wip.getAndIncrement() == 0) {
        exitDrain(1);
      }
    }

    /** Runs the drain loop until no one has signalled since, having entered with a count. */
    private void exitDrain(int entered) {
      int missed = entered;
      do {
        step();
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    private void step() {
      while (subscriber != null) {
        if (cancelled) {
          terminate();
          return;
        }
        Throwable error = requestError != null ? requestError : fetchError;
        if (error != null) {
          Flow.Subscriber<? super Video> s = subscriber;
          terminate();
          s.onError(error);
          return;
        }
        VideoPage page = arrived;
        if (page != null) {
          arrived = null;
          buffer.addAll(page.items());
          cursor = page.nextCursor();
          exhausted = cursor == null;
          fetching = false;
        }
        if (!buffer.isEmpty() && requested.get() > 0) {
          requested.decrementAndGet();
          try {
            subscriber.onNext(buffer.poll());
          } catch (RuntimeException e) {
            cancelled = true;
          }
          continue;
        }
        if (buffer.isEmpty() && exhausted) {
          Flow.Subscriber<? super Video> s = subscriber;
          terminate();
          s.onComplete();
          return;
        }
        // The first page is read at once, without demand, so that a failing repository (closed,
        // broken storage) signals onError and an empty one onComplete right after onSubscribe.
        if (buffer.isEmpty() && !fetching && (requested.get() > 0 || !started)) {
          started = true;
          fetching = true;
          fetch();
          continue; // the page may have arrived already
        }
        return; // waiting for demand or for a page
      }
    }

    private void fetch() {
      try {
        repository
            .page(cursor, PAGE_SIZE)
            .whenComplete(
                (page, error) -> {
                  if (error != null) {
                    fetchError =
                        error instanceof CompletionException && error.getCause() != null
                            ? error.getCause()
                            : error;
                  } else {
                    arrived = page;
                  }
                  drain();
                });
      } catch (RuntimeException e) { // a backend that breaks the no-throw rule
        fetchError = e;
      }
    }

    private void terminate() {
      subscriber = null; // rule 3.13: drop the subscriber once done
      buffer.clear();
    }
  }
}
