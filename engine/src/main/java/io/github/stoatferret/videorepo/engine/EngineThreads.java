package io.github.stoatferret.videorepo.engine;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How an engine starts its threads and how its close waits for them. Every thread an engine starts
 * is a daemon: a repository the application forgot to close must not keep the JVM alive, and {@code
 * close} is what ends the threads in order.
 */
public final class EngineThreads {

  private EngineThreads() {}

  /**
   * Starts a daemon thread.
   *
   * @param work what it runs
   * @param name its name, e.g. {@code "videorepo-sqlite-1-writer"}
   * @return the started thread
   */
  public static Thread start(Runnable work, String name) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * A factory of daemon threads named with a prefix and a number.
   *
   * @param prefix e.g. {@code "videorepo-postgres-1-worker-"}
   * @return the factory
   */
  public static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * A pool of a fixed number of threads whose {@code execute} takes no lock: the threads are
   * started at once, and tasks wait in a lock-free queue. {@code Executors.newFixedThreadPool}
   * hands a task over through a {@code LinkedBlockingQueue}, whose lock parks a caller that meets a
   * worker holding it, and starts its threads on demand under another lock: on a Netty event loop
   * that is a blocking call (BlockHound caught one in the reference service's {@code
   * EventLoopTest}, a callback attached to a completed stage).
   *
   * @param threads how many threads
   * @param factory makes them
   * @return the pool, its threads started
   */
  public static ExecutorService fixedPool(int threads, ThreadFactory factory) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedTransferQueue<>(), factory);
    pool.prestartAllCoreThreads();
    return pool;
  }

  /**
   * Waits for a thread to end, keeping (not acting on) an interrupt that comes meanwhile: for a
   * thread that ends once its queue is done, which close must not cut short.
   *
   * @param t the thread
   */
  public static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for a thread to end, at most for a while: for a thread blocked in a call that may hang (a
   * JDBC call on a lost server), which close must still return from. An interrupt ends the wait and
   * is kept.
   *
   * @param t the thread
   * @param max the longest wait
   */
  public static void join(Thread t, Duration max) {
    try {
      t.join(Math.max(1, max.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
