package io.github.stoatferret.videorepo.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as a user would, over real HTTP; then SIGTERM under load: every write
 * the service acknowledged is there after a restart, the event stream ends cleanly, the process
 * exits on its own and logs no error.
 */
@Tag("slow")
class PackagedJarIT {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final int WRITERS = 16;

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Process start(int port, String log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path jar = Path.of(System.getProperty("video-service.jar"));
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--videorepo.sqlite.file=" + dir.resolve("videos.db"))
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile())
        .start();
  }

  private void awaitUp(Process process, int port, String log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("service running; its log:\n%s", read(log)).isTrue();
      try {
        HttpResponse<String> health =
            http.send(get(port, "/actuator/health"), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("service not up in 120 s; its log:\n" + read(log));
  }

  private String read(String log) throws IOException {
    Path file = dir.resolve(log);
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static HttpRequest get(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private static HttpRequest create(int port, String path) {
    String body =
        "{\"path\":\""
            + path
            + "\",\"filename\":\"f.mp4\",\"durationFrames\":1500,\"frameRateNumerator\":25,"
            + "\"frameRateDenominator\":1,\"width\":1280,\"height\":720,\"videoCodec\":\"h264\","
            + "\"fileSize\":1000}";
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/videos"))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void sigtermUnderLoadLosesNoAcknowledgedWriteAndEndsTheStreamCleanly() throws Exception {
    int port = freePort();
    Process service = start(port, "first.log");
    awaitUp(service, port, "first.log");

    // A client of the event stream, counting the events it gets until the stream ends.
    List<String> eventIds = new CopyOnWriteArrayList<>();
    CompletableFuture<HttpResponse<Stream<String>>> stream =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/videos/changes"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    CompletableFuture<Void> streamEnded =
        stream.thenAcceptAsync(
            response ->
                response
                    .body()
                    .filter(line -> line.startsWith("id:"))
                    .forEach(line -> eventIds.add(line.substring(3).strip())));
    stream.get(30, TimeUnit.SECONDS);

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.execute(
          () -> {
            for (int i = 0; !stop.get(); i++) {
              try {
                HttpResponse<String> response =
                    http.send(
                        create(port, "/sigterm/" + writer + "/" + i + ".mp4"),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                  Matcher id = ID.matcher(response.body());
                  assertThat(id.find()).isTrue();
                  acknowledged.add(id.group(1));
                } else {
                  refused.incrementAndGet(); // 503 while shutting down: not acknowledged
                }
              } catch (IOException connectionGone) {
                return; // the server stopped taking connections
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acknowledged.size() < 500 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(acknowledged).as("writes acknowledged under load").hasSizeGreaterThanOrEqualTo(500);

    service.destroy(); // SIGTERM
    assertThat(service.waitFor(90, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    stop.set(true);
    writers.shutdown();
    assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    String firstLog = read("first.log");
    assertThat(service.exitValue()).as("exit code; log:\n%s", firstLog).isIn(0, 143);
    streamEnded.get(30, TimeUnit.SECONDS); // ended normally: no exception from the stream
    assertThat(eventIds).isNotEmpty().doesNotHaveDuplicates();
    assertThat(firstLog).as("the log of the first run").doesNotContain(" ERROR ");
    System.out.printf(
        "video-service SIGTERM: %d writes acknowledged, %d refused, %d events streamed, exit %d%n",
        acknowledged.size(), refused.get(), eventIds.size(), service.exitValue());

    Process again = start(port, "second.log");
    try {
      awaitUp(again, port, "second.log");
      List<String> missing = new ArrayList<>();
      for (String id : acknowledged) {
        if (http.send(get(port, "/videos/" + id), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            != 200) {
          missing.add(id);
        }
      }
      assertThat(missing)
          .as("acknowledged writes missing after restart (of %d)", acknowledged.size())
          .isEmpty();
    } finally {
      again.destroy();
      again.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(read("second.log")).doesNotContain(" ERROR ");
  }
}
