package io.github.stoatferret.videorepo.engine;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Where an engine runs the callbacks attached to its stages and delivers its events, never on a
 * thread that runs SQL (VR-1.10, VR-1.11): the user's executor, or a pool of the engine's own. A
 * callback the executor refuses (the own pool after close, or a user executor that is full) runs on
 * the thread that attaches or triggers it, rather than never. Thread-safe.
 */
public final class CallbackExecutor implements Executor {

  /** How long {@link #shutdown} waits for callbacks still running. */
  private static final long SHUTDOWN_WAIT_SECONDS = 10;

  private final Executor target;
  private final @Nullable ExecutorService own;
  private final Set<Thread> ownThreads = ConcurrentHashMap.newKeySet();
  private final Set<Thread> started = ConcurrentHashMap.newKeySet();

  private CallbackExecutor(@Nullable Executor given, String threadPrefix) {
    if (given == null) {
      AtomicInteger n = new AtomicInteger();
      this.own =
          EngineThreads.fixedPool(
              Math.max(4, Runtime.getRuntime().availableProcessors()),
              r -> {
                Thread t = new Thread(() -> runAsOwn(r), threadPrefix + n.incrementAndGet());
                t.setDaemon(true);
                started.add(t);
                return t;
              });
      this.target = own;
    } else {
      this.own = null;
      this.target = given;
    }
  }

  /**
   * The callback executor of an engine.
   *
   * @param given the user's executor, or {@code null} for a pool of the engine's own, of as many
   *     threads as processors (at least 4)
   * @param threadPrefix the names of the own pool's threads, e.g. {@code
   *     "videorepo-sqlite-1-callback-"}
   * @return the executor
   */
  public static CallbackExecutor of(@Nullable Executor given, String threadPrefix) {
    return new CallbackExecutor(given, Objects.requireNonNull(threadPrefix));
  }

  private void runAsOwn(Runnable r) {
    ownThreads.add(Thread.currentThread());
    try {
      r.run();
    } finally {
      ownThreads.remove(Thread.currentThread());
    }
  }

  @Override
  public void execute(Runnable task) {
    try {
      target.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }

  /**
   * Whether the calling thread is one of the own pool's, i.e. the caller is a callback.
   *
   * @return {@code true} on a thread of the own pool
   */
  public boolean onOwnThread() {
    return ownThreads.contains(Thread.currentThread());
  }

  /**
   * Shuts the own pool down (a user's executor stays the user's): callbacks queued run, later ones
   * run on the thread that triggers them. Waits, bounded, for its threads to end, unless called
   * from one of them (a callback that closes the repository): that thread ends once the callback
   * returns. The bound is there because a user's callback may block forever; such a thread is a
   * daemon and is left to its callback.
   */
  public void shutdown() {
    if (own == null) {
      return;
    }
    own.shutdown();
    if (onOwnThread()) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS);
    try {
      own.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
      // A terminated pool's workers may still be on their way out: join them too.
      for (Thread t : started) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left > 0) {
          t.join(left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
