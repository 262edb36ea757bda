package io.github.stoatferret.videorepo.contract.selftest;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.contract.internal.ModelState;
import io.github.stoatferret.videorepo.contract.internal.Op;
import io.github.stoatferret.videorepo.spi.ChangeWindow;
import io.github.stoatferret.videorepo.spi.Stages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Broken backends for the rules of threads, streams, close, reopen and events: each is the
 * reference backend with one plausible mistake. Each names the rule it breaks.
 */
final class BrokenLifecycle {

  private BrokenLifecycle() {}

  /** Runs operations on threads of its own, on which it also completes the stages. */
  abstract static class OnThreads extends ReferenceRepository {
    final ExecutorService worker;

    OnThreads(int threads) {
      worker =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "broken-twin-worker");
                t.setDaemon(true);
                return t;
              });
    }

    /**
     * Runs an operation on a worker after a pause of {@code beforeNanos}, and completes its stage
     * there, a millisecond (the latency of real storage) after it ran.
     */
    <T> CompletionStage<T> onWorker(LongSupplier beforeNanos, Supplier<CompletionStage<T>> op) {
      if (closed) {
        return Stages.failed(new RepositoryClosedException("closed"));
      }
      CompletableFuture<T> f = new CompletableFuture<>();
      worker.execute(
          () -> {
            LockSupport.parkNanos(beforeNanos.getAsLong());
            op.get()
                .whenComplete(
                    (v, e) -> {
                      LockSupport.parkNanos(1_000_000);
                      if (e == null) {
                        f.complete(v);
                      } else {
                        f.completeExceptionally(e);
                      }
                    });
          });
      return Stages.readOnly(f);
    }
  }

  /** Runs every operation on one thread of its own, on which it also completes the stages. */
  abstract static class OnOneThread extends OnThreads {
    OnOneThread() {
      super(1);
    }

    <T> CompletionStage<T> onWorker(Supplier<CompletionStage<T>> op) {
      return onWorker(() -> 0, op);
    }

    @Override
    public CompletionStage<Video> add(Video video) {
      return onWorker(() -> super.add(video));
    }

    @Override
    public CompletionStage<Optional<Video>> get(String id) {
      return onWorker(() -> super.get(id));
    }
  }

  /**
   * Completes stages on its only worker thread, where callbacks then run: a callback that waits for
   * another operation waits for itself. Breaks VR-1.11.
   */
  static final class CompletesOnItsOnlyThread extends OnOneThread {
    @Override
    public synchronized void close() {
      super.close();
      worker.shutdownNow(); // the deadlocked worker is a daemon: it is left behind
    }
  }

  /**
   * Runs writes on one writer thread of its own and completes their stages there, while reads run
   * on the caller's thread: a callback that reads is fine, one that writes and waits, on a write's
   * stage, waits for itself. Breaks VR-1.11 (only for writes inside callbacks).
   */
  static final class WritesCompleteOnTheWriterThread extends OnOneThread {
    @Override
    public CompletionStage<Optional<Video>> get(String id) {
      return id == null
          ? super.get(id)
          : super.read(() -> Optional.ofNullable(state.byId().get(id)));
    }

    @Override
    public CompletionStage<List<Video>> addAll(List<Video> videos) {
      return onWorker(() -> super.addAll(videos));
    }

    @Override
    public CompletionStage<Video> update(Video video) {
      return onWorker(() -> super.update(video));
    }

    @Override
    public CompletionStage<Boolean> delete(String id) {
      return onWorker(() -> super.delete(id));
    }

    @Override
    public synchronized void close() {
      super.close();
      worker.shutdownNow(); // the deadlocked worker is a daemon: it is left behind
    }
  }

  /**
   * Runs each write on a pool of four threads, after a random part of a millisecond (the latency of
   * real storage): a thread's update may run before the add it called first. Breaks VR-1.12.
   */
  static final class WritesOnAPool extends OnThreads {
    WritesOnAPool() {
      super(4);
    }

    private <T> CompletionStage<T> onPool(Supplier<CompletionStage<T>> op) {
      return onWorker(() -> ThreadLocalRandom.current().nextLong(500_000), op);
    }

    @Override
    public CompletionStage<Video> add(Video video) {
      return onPool(() -> super.add(video));
    }

    @Override
    public CompletionStage<Video> update(Video video) {
      return onPool(() -> super.update(video));
    }

    @Override
    public CompletionStage<Boolean> delete(String id) {
      return onPool(() -> super.delete(id));
    }

    @Override
    public synchronized void close() {
      super.close();
      worker.shutdown();
    }
  }

  /**
   * Drops the operations still queued when it closes: their stages stay pending. Breaks VR-12.2.
   */
  static final class AbandonsQueuedWorkOnClose extends OnOneThread {
    @Override
    public CompletionStage<List<Video>> search(String query, int limit) {
      return onWorker(() -> super.search(query, limit));
    }

    @Override
    public synchronized void close() {
      super.close();
      worker.shutdownNow();
    }
  }

  /** Emits every video at the first request, whatever was asked for. Breaks VR-11.1. */
  static final class StreamIgnoresDemand extends ReferenceRepository {
    @Override
    public Flow.Publisher<Video> stream() {
      return subscriber ->
          subscriber.onSubscribe(
              new Flow.Subscription() {
                private boolean started;

                @Override
                public void request(long n) {
                  if (started) {
                    return;
                  }
                  started = true;
                  list(Integer.MAX_VALUE, 0)
                      .thenAccept(
                          all -> {
                            all.forEach(subscriber::onNext);
                            subscriber.onComplete();
                          });
                }

                @Override
                public void cancel() {
                  started = true;
                }
              });
    }
  }

  /**
   * A hand-written publisher that keeps its walk in the publisher, not in the subscription: the
   * first subscription gets everything, a second one starts where the first ended, and two at once
   * share one walk. Each subscription on its own follows the Reactive Streams rules. Breaks
   * VR-11.1.
   */
  static final class PublisherSharesItsWalk extends ReferenceRepository {
    @Override
    public Flow.Publisher<Video> stream() {
      return new Flow.Publisher<>() {
        private java.util.Iterator<Video> walk;

        @Override
        public void subscribe(Flow.Subscriber<? super Video> subscriber) {
          synchronized (this) {
            if (walk == null) {
              walk = list(Integer.MAX_VALUE, 0).toCompletableFuture().join().iterator();
            }
          }
          java.util.Iterator<Video> shared = walk;
          subscriber.onSubscribe(
              new Flow.Subscription() {
                private boolean done;

                @Override
                public void request(long n) {
                  for (long i = 0; i < n && !done; i++) {
                    Video next;
                    synchronized (shared) {
                      next = shared.hasNext() ? shared.next() : null;
                    }
                    if (next == null) {
                      done = true;
                      subscriber.onComplete();
                    } else {
                      subscriber.onNext(next);
                    }
                  }
                }

                @Override
                public void cancel() {
                  done = true;
                }
              });
        }
      };
    }
  }

  /**
   * Never returns from close: it waits for a worker that never stops. Breaks VR-12.2; the kit must
   * fail it after its await timeout instead of hanging.
   */
  static final class CloseHangs extends ReferenceRepository {
    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
      }
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Throws when closed a second time. Breaks VR-12.1. */
  static final class CloseThrowsTwice extends ReferenceRepository {
    @Override
    public synchronized void close() {
      if (closed) {
        throw new IllegalStateException("already closed");
      }
      super.close();
    }
  }

  /** Still counts after close. Breaks VR-12.3. */
  static final class CountsAfterClose extends ReferenceRepository {
    @Override
    public synchronized CompletionStage<Long> count() {
      return Stages.run(() -> (long) state.byId().size());
    }
  }

  /** Storage that outlives a repository, for the reopen rule. */
  static final class Disk {
    final AtomicReference<ModelState> saved = new AtomicReference<>(ModelState.EMPTY);

    /** The changes kept, saved with each write as a log table would be. */
    final ChangeWindow changes = new ChangeWindow(ReferenceRepository.RETAINED, "disk");

    /** The feed limits the fixture asked for, for the next repository opened. */
    volatile int retained = ReferenceRepository.RETAINED;

    volatile int buffered = ReferenceRepository.BUFFERED;

    /** A window of the limits asked for, for a backend that keeps its changes in memory. */
    ChangeWindow freshWindow() {
      return new ChangeWindow(retained, "reference");
    }
  }

  /** A persistent reference backend: every write is saved before its stage completes. */
  static class Persistent extends ReferenceRepository {
    final Disk disk;

    Persistent(Disk disk) {
      this(disk, disk.changes);
    }

    Persistent(Disk disk, ChangeWindow changes) {
      super(VideoChangeListener.NONE, changes, disk.buffered);
      this.disk = disk;
      this.state = disk.saved.get();
    }

    @Override
    protected synchronized <T> CompletionStage<T> apply(Op op) {
      CompletionStage<T> result = super.apply(op);
      save(state);
      return result;
    }

    void save(ModelState current) {
      disk.saved.set(current);
    }
  }

  /**
   * Keeps its change log in memory, not with the data: after reopening, the kept changes are gone
   * and positions start again at 1. Breaks VR-17.6.
   */
  static final class RenumbersAfterReopening extends Persistent {
    RenumbersAfterReopening(Disk disk) {
      super(disk, disk.freshWindow());
    }
  }

  /** Saves each write only when the next one comes: the last write is lost. Breaks VR-12.4. */
  static final class WritesBehindByOne extends Persistent {
    private ModelState pending = ModelState.EMPTY;

    WritesBehindByOne(Disk disk) {
      super(disk);
      pending = state;
    }

    @Override
    void save(ModelState current) {
      if (current != pending) {
        disk.saved.set(pending);
        pending = current;
      }
    }
  }

  /** A listener in between, as a backend's own event plumbing would be. */
  static class Relay implements VideoChangeListener {
    final VideoChangeListener target;
    final List<VideoChangeEvent> held = new ArrayList<>();
    boolean holding;
    RuntimeException failure;

    Relay(VideoChangeListener target) {
      this.target = target;
    }

    @Override
    public void onChange(VideoChangeEvent event) {
      if (holding) {
        held.add(event);
        return;
      }
      try {
        target.onChange(event);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
  }

  /** Sends a batch's events in reverse order. Breaks VR-13.1. */
  static final class BatchEventsReversed extends ReferenceRepository {
    private final Relay relay;

    BatchEventsReversed(VideoChangeListener listener) {
      this(new Relay(listener));
    }

    private BatchEventsReversed(Relay relay) {
      super(relay);
      this.relay = relay;
    }

    @Override
    public synchronized CompletionStage<List<Video>> addAll(List<Video> videos) {
      relay.holding = true;
      CompletionStage<List<Video>> result = super.addAll(videos);
      relay.holding = false;
      List<VideoChangeEvent> events = new ArrayList<>(relay.held);
      relay.held.clear();
      Collections.reverse(events);
      events.forEach(relay::onChange);
      return result;
    }
  }

  /** Sends updates without the names of the changed fields. Breaks VR-13.2. */
  static final class UpdatedWithoutFields extends ReferenceRepository {
    UpdatedWithoutFields(VideoChangeListener listener) {
      super(
          event ->
              listener.onChange(
                  event instanceof VideoChangeEvent.Updated u
                      ? new VideoChangeEvent.Updated(u.before(), u.after(), List.of())
                      : event));
    }
  }

  /** Lets a listener's exception fail the operation. Breaks VR-13.4. */
  static final class ListenerFailureFailsTheWrite extends ReferenceRepository {
    private final Relay relay;

    ListenerFailureFailsTheWrite(VideoChangeListener listener) {
      this(new Relay(listener));
    }

    private ListenerFailureFailsTheWrite(Relay relay) {
      super(relay);
      this.relay = relay;
    }

    @Override
    public synchronized CompletionStage<Video> add(Video video) {
      relay.failure = null;
      CompletionStage<Video> result = super.add(video);
      RuntimeException failure = relay.failure;
      return failure == null ? result : Stages.failed(failure);
    }
  }
}
