package io.github.stoatferret.videorepo.benchmarks.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Server-Sent Events subscribers, each counting the events (lines {@code id:}) it receives. */
final class Feeds implements AutoCloseable {

  private final List<AtomicLong> counts = new ArrayList<>();
  // A thread per subscriber reads its stream (the common pool has one thread on two cores).
  private final ExecutorService readers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "sse-reader");
            thread.setDaemon(true);
            return thread;
          });
  private final List<CompletableFuture<HttpResponse<Stream<String>>>> responses = new ArrayList<>();
  private final List<CompletableFuture<Void>> readings = new ArrayList<>();

  /** Subscribes {@code subscribers} clients and returns once every response has begun. */
  Feeds(HttpClient http, URI changes, int subscribers) throws Exception {
    for (int i = 0; i < subscribers; i++) {
      AtomicLong count = new AtomicLong();
      counts.add(count);
      CompletableFuture<HttpResponse<Stream<String>>> response =
          http.sendAsync(
              HttpRequest.newBuilder(changes).header("Accept", "text/event-stream").build(),
              HttpResponse.BodyHandlers.ofLines());
      responses.add(response);
      readings.add(
          response.thenAcceptAsync(
              r ->
                  r.body()
                      .filter(line -> line.startsWith("id:"))
                      .forEach(line -> count.incrementAndGet()),
              readers));
    }
    for (CompletableFuture<HttpResponse<Stream<String>>> response : responses) {
      int status = response.get(60, TimeUnit.SECONDS).statusCode();
      if (status != 200) {
        throw new IllegalStateException("event stream answered " + status);
      }
    }
  }

  /** Waits until every subscriber has {@code expected} events, or the time is up. */
  long awaitMinimum(long expected, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (minimum() < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return minimum();
  }

  long minimum() {
    return counts.stream().mapToLong(AtomicLong::get).min().orElse(0);
  }

  long maximum() {
    return counts.stream().mapToLong(AtomicLong::get).max().orElse(0);
  }

  @Override
  public void close() {
    for (CompletableFuture<HttpResponse<Stream<String>>> response : responses) {
      HttpResponse<Stream<String>> begun = response.getNow(null);
      if (begun != null) {
        begun.body().close();
      }
    }
    readings.forEach(reading -> reading.cancel(true));
    readers.shutdownNow();
  }
}
