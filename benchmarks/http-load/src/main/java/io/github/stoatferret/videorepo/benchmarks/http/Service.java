package io.github.stoatferret.videorepo.benchmarks.http;

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
import java.util.concurrent.TimeUnit;

/** One service under test: its packaged jar, started in a process of its own on 127.0.0.1. */
final class Service implements AutoCloseable {

  private final Process process;
  private final Path log;
  final String name;
  final URI base;

  private Service(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Starts a jar and waits until its health endpoint answers.
   *
   * @param name what the tables call it
   * @param jar the executable jar
   * @param dir its working directory (files, log)
   * @param heap the JVM's -Xmx, the same for every service
   * @param args Spring Boot arguments beside the port
   */
  static Service start(String name, Path jar, Path dir, String heap, List<String> args)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (mvn -B package -DskipTests from the root)");
    }
    Files.createDirectories(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + heap);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.addAll(args);
    Path log = dir.resolve("service.log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Service service = new Service(name, process, log, port);
    service.awaitHealthy();
    return service;
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited at start-up:\n" + Files.readString(log));
      }
      try {
        HttpRequest health =
            HttpRequest.newBuilder(base.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not healthy in 120 s:\n" + Files.readString(log));
  }

  /** Lines of the service's log that Spring logged at ERROR. */
  List<String> errors() throws IOException {
    return Files.readAllLines(log).stream().filter(line -> line.contains(" ERROR ")).toList();
  }

  /** Stops the service (SIGTERM, then SIGKILL after a minute). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
