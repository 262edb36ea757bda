package io.github.stoatferret.videorepo.contract.selftest;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.ChangePosition;
import io.github.stoatferret.videorepo.ChangePositionExpiredException;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.contract.selftest.BrokenLifecycle.Disk;
import io.github.stoatferret.videorepo.spi.ChangeHistory;
import io.github.stoatferret.videorepo.spi.ChangeWindow;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

/** Change feeds broken the ways a real one could be, one rule of VR-17 each. */
final class BrokenFeeds {

  private BrokenFeeds() {}

  /** Feeds inserts and updates only, as a trigger on two of three statements would. VR-17.1. */
  static final class FeedLeavesOutDeletes extends ReferenceRepository {
    FeedLeavesOutDeletes(Disk disk) {
      super(VideoChangeListener.NONE, disk.freshWindow(), disk.buffered);
    }

    @Override
    protected boolean feeds(VideoChangeEvent change) {
      return !(change instanceof VideoChangeEvent.Deleted);
    }
  }

  /** Resumes at the position instead of after it: the seam repeats a change. VR-17.2. */
  static final class ResumeRepeatsThePosition extends ReferenceRepository {
    ResumeRepeatsThePosition(Disk disk) {
      super(VideoChangeListener.NONE, disk.freshWindow(), disk.buffered);
    }

    @Override
    public Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
      return position == null || position.value() == 0
          ? super.changesAfter(position)
          : super.changesAfter(new ChangePosition(position.value() - 1));
    }
  }

  /**
   * Starts {@code changes()} at the oldest kept change, as a feed that reads its log only while
   * followed would if it began where it last stopped: the first subscriber gets the past. VR-17.2.
   */
  static final class ChangesReplaysThePast extends ReferenceRepository {
    ChangesReplaysThePast(Disk disk) {
      super(VideoChangeListener.NONE, disk.freshWindow(), disk.buffered);
    }

    @Override
    public Flow.Publisher<ChangeFeedEvent> changes() {
      return super.changesAfter(ChangePosition.START);
    }
  }

  /** Turns every request into an unbounded one. VR-17.3. */
  static final class FeedIgnoresDemand extends ReferenceRepository {
    FeedIgnoresDemand(Disk disk) {
      super(VideoChangeListener.NONE, disk.freshWindow(), disk.buffered);
    }

    @Override
    public Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
      Flow.Publisher<ChangeFeedEvent> real = super.changesAfter(position);
      return subscriber ->
          real.subscribe(
              new Flow.Subscriber<ChangeFeedEvent>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                  subscriber.onSubscribe(
                      new Flow.Subscription() {
                        @Override
                        public void request(long n) {
                          s.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void cancel() {
                          s.cancel();
                        }
                      });
                }

                @Override
                public void onNext(ChangeFeedEvent item) {
                  subscriber.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                  subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                  subscriber.onComplete();
                }
              });
    }
  }

  /**
   * Starts a subscriber whose position is no longer kept from the oldest kept change instead of
   * failing it: the changes in between are skipped silently. VR-17.4.
   */
  static final class ClampsToTheOldestKept extends ReferenceRepository {
    ClampsToTheOldestKept(Disk disk) {
      super(VideoChangeListener.NONE, disk.freshWindow(), disk.buffered);
    }

    @Override
    protected ChangeHistory history(ChangeWindow window) {
      return (after, max) ->
          window
              .readAfter(after, max)
              .exceptionallyCompose(
                  e -> {
                    Throwable cause =
                        e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof ChangePositionExpiredException expired) {
                      return window.readAfter(
                          new ChangePosition(expired.oldestKept().value() - 1), max);
                    }
                    throw new CompletionException(cause);
                  });
    }
  }

  /** Closes without ending the feed: subscribers wait for ever. VR-17.5. */
  static final class ForgetsSubscribersOnClose extends ReferenceRepository {
    ForgetsSubscribersOnClose(Disk disk) {
      super(VideoChangeListener.NONE, disk.freshWindow(), disk.buffered);
    }

    @Override
    public synchronized void close() {
      closed = true;
    }
  }
}
