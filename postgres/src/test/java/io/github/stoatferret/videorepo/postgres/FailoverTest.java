package io.github.stoatferret.videorepo.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.VideoChangeEvent;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover: a primary with a synchronous standby, both from the embedded binaries (the standby is a
 * copy of the stopped primary's data directory with {@code standby.signal} and {@code
 * primary_conninfo}), the repository on a multi-host URL that asks for the primary. Under load the
 * primary dies as a machine does (every process of it stopped, then killed) and the standby is
 * promoted with {@code pg_promote()}. Every acknowledged write is on the new primary, the same
 * repository writes again without being reopened, and its change events arrive exactly once.
 */
@Tag("slow") // starts other processes, kills them or a server: skip with -DexcludedGroups=slow
class FailoverTest {

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static EmbeddedPostgres.Builder server(Path data, int port) {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setLocaleConfig("locale", "C.UTF-8");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        // With its attributes: PostgreSQL refuses a data directory others may read.
        Files.copy(
            p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  private static long query(int port, String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Kills a server as a machine dies: the postmaster and every process it started, all at one
   * instant. They are stopped first (SIGSTOP), so that none acts after that instant, then killed
   * (SIGKILL). Killing the postmaster alone would leave its backends and WAL senders running for a
   * moment, still committing and replicating while the standby is promoted: a split brain, not a
   * crash.
   */
  private static void killServer(long postmasterPid) throws Exception {
    ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow();
    List<String> pids = new ArrayList<>();
    pids.add(Long.toString(postmasterPid));
    postmaster.descendants().forEach(p -> pids.add(Long.toString(p.pid())));
    signal("-STOP", pids);
    postmaster
        .descendants()
        .map(p -> Long.toString(p.pid()))
        .filter(p -> !pids.contains(p))
        .forEach(pids::add); // any started while the first were being stopped
    signal("-KILL", pids);
  }

  private static void signal(String signal, List<String> pids) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill", signal));
    command.addAll(pids);
    new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  /** Records the ids of the videos added, as many times as their events arrive. */
  private static final class AddedIds implements VideoChangeListener {
    final Map<String, Integer> seen = new ConcurrentHashMap<>();

    @Override
    public void onChange(VideoChangeEvent event) {
      if (event instanceof VideoChangeEvent.Added a) {
        seen.merge(a.video().id(), 1, Integer::sum);
      }
    }
  }

  @Test
  void killingThePrimaryAndPromotingTheSynchronousStandbyLosesNoAcknowledgedWrite()
      throws Exception {
    int primaryPort = freePort();
    int standbyPort = freePort();
    Path primaryData = dir.resolve("primary");
    Path standbyData = dir.resolve("standby");
    server(primaryData, primaryPort).start().close(); // initdb, then a clean stop: a base copy
    copy(primaryData, standbyData);
    Files.writeString(standbyData.resolve("standby.signal"), "");
    Files.writeString(
        standbyData.resolve("postgresql.auto.conf"),
        "primary_conninfo = 'host=localhost port="
            + primaryPort
            + " user=postgres application_name=standby'\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    EmbeddedPostgres primary =
        server(primaryData, primaryPort)
            .setServerConfig("synchronous_standby_names", "standby")
            .setServerConfig("synchronous_commit", "on")
            .start();
    EmbeddedPostgres standby = server(standbyData, standbyPort).start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        "jdbc:postgresql://localhost:"
            + primaryPort
            + ",localhost:"
            + standbyPort
            + "/postgres?targetServerType=primary");
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(2_000);
    AddedIds events = new AddedIds();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<?>> stages = new ArrayList<>();
    try (HikariDataSource pool = new HikariDataSource(config)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (query(
              primaryPort,
              "SELECT count(*) FROM pg_stat_replication"
                  + " WHERE sync_state = 'sync' AND state = 'streaming'")
          == 0) {
        assertTrue(System.nanoTime() < deadline, "the standby never became synchronous");
        Thread.sleep(50);
      }
      try (PostgresVideoRepository repo =
          PostgresVideoRepository.builder(pool)
              .schema("failover")
              .listener(events)
              .pollInterval(Duration.ofMillis(100))
              .open()) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          callers.add(
              new Thread(
                  () -> {
                    while (!stop.get()) {
                      String id = "f" + next.incrementAndGet();
                      CompletableFuture<?> add = repo.add(Samples.video(id)).toCompletableFuture();
                      synchronized (stages) {
                        stages.add(add);
                      }
                      try {
                        add.get(60, TimeUnit.SECONDS);
                        acknowledged.add(id);
                      } catch (Exception e) {
                        // counted below with its stage
                      }
                    }
                  }));
        }
        callers.forEach(Thread::start);
        Thread.sleep(500);
        long pid =
            Long.parseLong(
                Files.readAllLines(primaryData.resolve("postmaster.pid")).get(0).strip());
        long killedAt = System.nanoTime();
        killServer(pid);
        int before = acknowledged.size();
        assertEquals(1, query(standbyPort, "SELECT CASE WHEN pg_promote() THEN 1 ELSE 0 END"));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < before + 50) {
          assertTrue(System.nanoTime() < deadline, "no writes after the promotion");
          Thread.sleep(20);
        }
        long resumedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        stop.set(true);
        for (Thread t : callers) {
          t.join();
        }
        int ok = 0;
        Map<String, Integer> failures = new HashMap<>();
        for (CompletableFuture<?> stage : stages) {
          try {
            stage.get(60, TimeUnit.SECONDS);
            ok++;
          } catch (ExecutionException e) {
            failures.merge(String.valueOf(e.getCause()), 1, Integer::sum);
          } catch (java.util.concurrent.TimeoutException e) {
            fail("a stage was left pending across the failover");
          }
        }
        List<String> lost = new ArrayList<>();
        for (String id : acknowledged) {
          if (repo.get(id).toCompletableFuture().get(30, TimeUnit.SECONDS).isEmpty()) {
            lost.add(id);
          }
        }
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!events.seen.keySet().containsAll(acknowledged) && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        String counts =
            "failover: "
                + stages.size()
                + " adds, "
                + ok
                + " succeeded, "
                + acknowledged.size()
                + " acknowledged, writes again "
                + resumedMillis
                + " ms after the kill, failures "
                + failures
                + ", "
                + repo.statistics().get("commits.resolved")
                + " cut-off commits resolved";
        System.out.println(counts);
        assertEquals(List.of(), lost, "acknowledged writes missing on the new primary; " + counts);
        assertTrue(
            events.seen.keySet().containsAll(acknowledged),
            "an acknowledged add without its event; " + counts);
        assertTrue(
            events.seen.values().stream().allMatch(n -> n == 1),
            "an event delivered twice; " + counts);
        assertEquals(stages.size(), ok, counts);
      }
    } finally {
      try {
        primary.close();
      } catch (IOException | RuntimeException ignored) {
        // killed: there is nothing left to stop
      }
      standby.close();
    }
  }
}
