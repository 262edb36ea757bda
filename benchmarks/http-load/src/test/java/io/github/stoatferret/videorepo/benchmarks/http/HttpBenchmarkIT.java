package io.github.stoatferret.videorepo.benchmarks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The harness, briefly, on the two SQLite services' packaged jars: both answer every scenario
 * without an error (so they still speak the same API), and every SSE subscriber gets every event.
 * It measures nothing worth reporting.
 */
@Tag("slow")
class HttpBenchmarkIT {

  @Test
  void bothServicesServeEveryScenarioAndTheStreamDeliversEverything() throws Exception {
    HttpBenchmark benchmark =
        new HttpBenchmark(
            Map.of(
                "root", System.getProperty("http-load.root", "."),
                "backends", "sqlite",
                "seconds", "2",
                "warmup", "1",
                "seed", "1000",
                "clients", "8",
                "subscribers", "10"));
    String report = benchmark.run();
    System.out.println(report);
    assertEquals(List.of(), benchmark.failures());
    for (String row : List.of("| (a) creates |", "| (b) 30% create", "| (c) creates with 10")) {
      assertTrue(report.contains(row), () -> "no row " + row + " in\n" + report);
    }
    assertTrue(report.contains("SSE: 10 subscribers"), report);
  }
}
