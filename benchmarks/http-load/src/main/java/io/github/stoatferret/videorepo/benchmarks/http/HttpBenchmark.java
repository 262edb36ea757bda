package io.github.stoatferret.videorepo.benchmarks.http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP benchmark of issue 25: the reference service ({@code examples/video-service}, on the
 * starter) against the service a team would write ({@code benchmarks/baseline-service}), on SQLite
 * and on an embedded PostgreSQL, each in a JVM of its own with the same heap, driven over 127.0.0.1
 * by JDK HttpClient clients in a closed loop.
 *
 * <p>Per service: a warm-up of mixed requests; (a) creates only; the table seeded with {@code
 * --seed} videos through the import endpoint; (b) 30% create, 50% get by id of a seeded video, 20%
 * search for a word (limit 20); for the reference service, (c) {@code --subscribers} Server-Sent
 * Events clients while (a) runs again, which must each receive every create.
 *
 * <pre>
 * mvn -B package -DskipTests
 * java -jar benchmarks/http-load/target/http-load.jar --seconds 20 --clients 64
 * </pre>
 *
 * Options: {@code --seconds} per scenario (20), {@code --warmup} seconds (5), {@code --clients}
 * (64), {@code --subscribers} (100), {@code --seed} (10000), {@code --max-requests} per scenario
 * (1000000), {@code --backends} (sqlite,postgres), {@code --sqlite-durability} (normal or full, for
 * both SQLite services), {@code --heap} (1g), {@code --out} (a markdown file for the table), {@code
 * --root} (the project's root, default the working directory).
 */
public final class HttpBenchmark {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final Map<String, String> options;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final StringBuilder report = new StringBuilder();
  private final List<String> failures = new ArrayList<>();

  HttpBenchmark(Map<String, String> options) {
    this.options = options;
  }

  /**
   * Runs the benchmark and prints the tables.
   *
   * @param args the options
   * @throws Exception if a service cannot be started or measured
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    HttpBenchmark benchmark = new HttpBenchmark(options);
    String report = benchmark.run();
    System.out.println(report);
    String out = options.get("out");
    if (out != null) {
      Files.writeString(Path.of(out), report);
    }
    if (!benchmark.failures.isEmpty()) {
      System.err.println("http-load: " + String.join("; ", benchmark.failures));
      System.exit(1);
    }
  }

  private int number(String name, int fallback) {
    return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
  }

  /** Failures the run found (errors answered, events missing, errors logged). */
  List<String> failures() {
    return failures;
  }

  /**
   * Runs every backend and returns the report.
   *
   * @return the markdown tables
   */
  String run() throws Exception {
    Path root = Path.of(options.getOrDefault("root", "."));
    Path service = root.resolve("examples/video-service/target/video-service.jar");
    Path baseline = root.resolve("benchmarks/baseline-service/target/baseline-service.jar");
    Path work = Files.createTempDirectory("http-load");
    report
        .append("HTTP benchmark: ")
        .append(number("clients", 64))
        .append(" clients, ")
        .append(number("seconds", 20))
        .append(" s per scenario, ")
        .append(number("seed", 10_000))
        .append(" videos seeded before (b); Java ")
        .append(System.getProperty("java.version"))
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" processors (services and clients share them).\n");
    // The same durability on both sides: normal (WAL, synced at checkpoints) or full (synced at
    // every commit, where group commit shares one sync between the writes of a group).
    String durability = options.getOrDefault("sqlite-durability", "normal");
    for (String backend :
        List.of(options.getOrDefault("backends", "sqlite,postgres").split(",", -1))) {
      switch (backend.strip().toLowerCase(Locale.ROOT)) {
        case "sqlite" ->
            compare(
                "SQLite, synchronous=" + durability.toUpperCase(Locale.ROOT),
                new Target(
                    "videorepo (WebFlux, starter)",
                    service,
                    work.resolve("sqlite-videorepo"),
                    List.of(
                        "--videorepo.sqlite.file=videos.db",
                        "--videorepo.sqlite.durability=" + durability),
                    true),
                new Target(
                    "baseline (MVC, JdbcTemplate)",
                    baseline,
                    work.resolve("sqlite-baseline"),
                    List.of(
                        "--spring.datasource.url=jdbc:sqlite:baseline.db?journal_mode=WAL"
                            + "&synchronous="
                            + durability.toUpperCase(Locale.ROOT)
                            + "&busy_timeout=5000"),
                    false));
        case "postgres" -> {
          try (EmbeddedPostgres server =
              EmbeddedPostgres.builder()
                  .setLocaleConfig("locale", "C.UTF-8")
                  .setServerConfig("max_connections", "300")
                  .start()) {
            compare(
                "PostgreSQL",
                new Target(
                    "videorepo (WebFlux, starter)",
                    service,
                    work.resolve("pg-videorepo"),
                    postgres(server, "videorepo"),
                    true),
                new Target(
                    "baseline (MVC, Spring Data JDBC)",
                    baseline,
                    work.resolve("pg-baseline"),
                    postgres(server, "baseline"),
                    false));
          }
        }
        default -> throw new IllegalArgumentException("unknown backend " + backend);
      }
    }
    return report.toString();
  }

  private static List<String> postgres(EmbeddedPostgres server, String database) throws Exception {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    return List.of(
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=jdbc:postgresql://localhost:" + server.getPort() + "/" + database,
        "--spring.datasource.username=postgres");
  }

  private record Target(String name, Path jar, Path dir, List<String> args, boolean hasFeed) {}

  private void compare(String backend, Target videorepo, Target baseline) throws Exception {
    Measured measuredOurs = measure(videorepo);
    Map<String, Load.Result> ours = measuredOurs.results();
    Map<String, Load.Result> theirs = measure(baseline).results();
    report
        .append("\n### ")
        .append(backend)
        .append("\n\n| scenario | ")
        .append(videorepo.name())
        .append(" req/s | p50 ms | p99 ms | ")
        .append(baseline.name())
        .append(" req/s | p50 ms | p99 ms | throughput ratio |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Load.Result> entry : ours.entrySet()) {
      if (entry.getKey().startsWith("(c)")) {
        continue;
      }
      Load.Result a = entry.getValue();
      Load.Result b = theirs.get(entry.getKey());
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.1f | %.1f | %s | %s | %s | %s |%n",
              entry.getKey(),
              a.perSecond(),
              a.p50Millis(),
              a.p99Millis(),
              b == null ? "" : String.format(Locale.ROOT, "%.0f", b.perSecond()),
              b == null ? "" : String.format(Locale.ROOT, "%.1f", b.p50Millis()),
              b == null ? "" : String.format(Locale.ROOT, "%.1f", b.p99Millis()),
              b == null ? "" : String.format(Locale.ROOT, "%.2f×", a.perSecond() / b.perSecond())));
    }
    Load.Result sse = ours.get("(c) creates + SSE");
    if (sse != null) {
      report.append(
          String.format(
              Locale.ROOT,
              "| (c) creates with %d SSE subscribers | %.0f | %.1f | %.1f | (no stream) | | | |%n",
              number("subscribers", 100),
              sse.perSecond(),
              sse.p50Millis(),
              sse.p99Millis()));
    }
    report.append(measuredOurs.feedLine());
  }

  /** One service's results by scenario, and what its SSE subscribers received (or ""). */
  private record Measured(Map<String, Load.Result> results, String feedLine) {}

  private Measured measure(Target target) throws Exception {
    Map<String, Load.Result> results = new LinkedHashMap<>();
    String feedLine = "";
    int clients = number("clients", 64);
    Duration seconds = Duration.ofSeconds(number("seconds", 20));
    long budget = number("max-requests", 1_000_000);
    Drafts drafts = new Drafts(target.dir().getFileName().toString());
    try (Service service =
        Service.start(
            target.name(),
            target.jar(),
            target.dir(),
            options.getOrDefault("heap", "1g"),
            target.args())) {
      URI base = service.base;
      List<String> seeded = seed(base, drafts, 2_000);
      mixed(base, drafts, seeded, clients, Duration.ofSeconds(number("warmup", 5)), budget);

      results.put("(a) creates", creates(base, drafts, clients, seconds, budget, null));
      seeded.addAll(seed(base, drafts, number("seed", 10_000)));
      results.put(
          "(b) 30% create, 50% get, 20% search",
          mixed(base, drafts, seeded, clients, seconds, budget));

      if (target.hasFeed()) {
        int subscribers = number("subscribers", 100);
        try (Feeds feeds = new Feeds(http, base.resolve("/videos/changes"), subscribers)) {
          AtomicInteger created = new AtomicInteger();
          Load.Result sse = creates(base, drafts, clients, seconds, budget, created);
          long got = feeds.awaitMinimum(created.get(), 60);
          results.put("(c) creates + SSE", sse);
          feedLine =
              String.format(
                  Locale.ROOT,
                  "%nSSE: %d subscribers, %d creates during (c); every subscriber received between"
                      + " %d and %d of their events.%n",
                  subscribers,
                  created.get(),
                  got,
                  feeds.maximum());
          if (got < created.get()) {
            failures.add(
                target.name() + ": a subscriber got " + got + " of " + created.get() + " events");
          }
        }
      }
      for (Map.Entry<String, Load.Result> result : results.entrySet()) {
        if (result.getValue().errors() > 0) {
          failures.add(
              target.name()
                  + " "
                  + result.getKey()
                  + ": "
                  + result.getValue().errors()
                  + " errors");
        }
      }
      List<String> logged = service.errors();
      if (!logged.isEmpty()) {
        failures.add(target.name() + " logged errors: " + logged.get(0));
      }
    }
    return new Measured(results, feedLine);
  }

  private HttpRequest post(URI uri, String json) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build();
  }

  private Load.Result creates(
      URI base,
      Drafts drafts,
      int clients,
      Duration duration,
      long budget,
      @Nullable AtomicInteger created)
      throws InterruptedException {
    URI videos = base.resolve("/videos");
    return Load.run(
        http,
        clients,
        duration,
        budget,
        () -> post(videos, drafts.next()),
        body -> {
          if (created != null) {
            created.incrementAndGet();
          }
        });
  }

  private Load.Result mixed(
      URI base, Drafts drafts, List<String> ids, int clients, Duration duration, long budget)
      throws InterruptedException {
    URI videos = base.resolve("/videos");
    return Load.run(
        http,
        clients,
        duration,
        budget,
        () -> {
          int dice = ThreadLocalRandom.current().nextInt(100);
          if (dice < 30) {
            return post(videos, drafts.next());
          }
          if (dice < 80) {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            return get(base.resolve("/videos/" + id));
          }
          String q = URLEncoder.encode(Drafts.word(), StandardCharsets.UTF_8);
          return get(base.resolve("/videos/search?limit=20&q=" + q));
        },
        body -> {});
  }

  /** Adds {@code count} videos through the import endpoint, 500 at a time; returns their ids. */
  private List<String> seed(URI base, Drafts drafts, int count)
      throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>(count);
    URI imports = base.resolve("/videos/import");
    for (int done = 0; done < count; done += 500) {
      HttpResponse<String> response =
          http.send(
              post(imports, drafts.batch(Math.min(500, count - done))),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "import answered " + response.statusCode() + ": " + response.body());
      }
      Matcher id = ID.matcher(response.body());
      while (id.find()) {
        ids.add(id.group(1));
      }
    }
    return ids;
  }
}
