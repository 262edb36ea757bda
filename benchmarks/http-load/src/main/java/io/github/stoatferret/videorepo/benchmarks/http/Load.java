package io.github.stoatferret.videorepo.benchmarks.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Closed-loop load: {@code clients} threads, each sending its next request as soon as the last one
 * answered, until the time is up or the request budget is spent. Every answer's latency is kept; an
 * answer that is not 2xx counts as an error and not as a request served.
 */
final class Load {

  /** What one scenario measured on one service; latencies of the requests served. */
  record Result(long served, long errors, double seconds, double p50Millis, double p99Millis) {

    double perSecond() {
      return served / seconds;
    }
  }

  private static double percentileMillis(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }

  private Load() {}

  static Result run(
      HttpClient http,
      int clients,
      Duration duration,
      long budget,
      Supplier<HttpRequest> requests,
      Consumer<String> onSuccess)
      throws InterruptedException {
    AtomicLong left = new AtomicLong(budget);
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> latencies = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      latencies.add(
          threads.submit(
              () -> {
                long[] kept = new long[1024];
                int size = 0;
                while (System.nanoTime() < deadline && left.getAndDecrement() > 0) {
                  HttpRequest request = requests.get();
                  long sent = System.nanoTime();
                  HttpResponse<String> response;
                  try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString());
                  } catch (IOException e) {
                    errors.incrementAndGet();
                    continue;
                  }
                  long took = System.nanoTime() - sent;
                  if (response.statusCode() / 100 != 2) {
                    errors.incrementAndGet();
                    continue;
                  }
                  onSuccess.accept(response.body());
                  if (size == kept.length) {
                    kept = Arrays.copyOf(kept, size * 2);
                  }
                  kept[size++] = took;
                }
                return Arrays.copyOf(kept, size);
              }));
    }
    threads.shutdown();
    long[] all = new long[0];
    for (Future<long[]> future : latencies) {
      long[] some;
      try {
        some = future.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a load client failed", e.getCause());
      }
      int at = all.length;
      all = Arrays.copyOf(all, at + some.length);
      System.arraycopy(some, 0, all, at, some.length);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(all);
    return new Result(
        all.length, errors.get(), seconds, percentileMillis(all, 50), percentileMillis(all, 99));
  }
}
