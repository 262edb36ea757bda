package io.github.stoatferret.videorepo.spring;

import io.github.stoatferret.videorepo.spring.internal.EndableFeeds;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the change feeds of the auto-configured repository when the application begins to shut down,
 * before the web server's graceful shutdown waits for the requests in flight.
 *
 * <p>Spring stops lifecycle beans from the highest phase down. Boot's web server stops taking
 * requests and waits for those in flight at phase {@code Integer.MAX_VALUE - 1024}, and stops at
 * {@code Integer.MAX_VALUE - 2048}; the repository bean is closed after both, when the context
 * destroys its beans, so every request that was accepted can still write. A Server-Sent Events
 * response relaying a feed would keep the graceful shutdown waiting to its timeout: this runs first
 * (phase {@code Integer.MAX_VALUE - 512}), completing each feed after the event it is delivering,
 * so those responses end cleanly and their clients resume from the last event id.
 */
public final class VideoFeedShutdown implements SmartLifecycle {

  /** The phase: above the web server's graceful shutdown, so it stops before it. */
  public static final int PHASE = Integer.MAX_VALUE - 512;

  private final EndableFeeds feeds;
  private volatile boolean running;

  VideoFeedShutdown(EndableFeeds feeds) {
    this.feeds = feeds;
  }

  @Override
  public void start() {
    feeds.reopen();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    feeds.endAll();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
