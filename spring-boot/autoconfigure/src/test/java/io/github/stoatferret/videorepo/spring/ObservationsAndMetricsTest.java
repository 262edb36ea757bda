package io.github.stoatferret.videorepo.spring;

import static io.github.stoatferret.videorepo.spring.VideoRepositoryAutoConfigurationTest.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.stoatferret.videorepo.VideoRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The bean's observations become timers per operation and outcome; statistics become gauges. */
class ObservationsAndMetricsTest {

  @TempDir Path dir;

  private ApplicationContextRunner runner(MeterRegistry meters) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(VideoRepositoryAutoConfiguration.class))
        .withBean(ObservationRegistry.class, () -> observations)
        .withPropertyValues("videorepo.sqlite.file=" + dir.resolve("videos.db"));
  }

  @Test
  void eachOperationIsTimedWithItsOutcome() {
    MeterRegistry meters = new SimpleMeterRegistry();
    runner(meters)
        .run(
            c -> {
              VideoRepository repository = c.getBean(VideoRepository.class);
              repository.add(video("a")).toCompletableFuture().join();
              repository.add(video("b")).toCompletableFuture().join();
              assertThatThrownBy(() -> repository.add(video("a")).toCompletableFuture().join())
                  .isInstanceOf(CompletionException.class);
              repository.get("a").toCompletableFuture().join();
            });
    assertThat(timer(meters, "add", "success").count()).isEqualTo(2);
    assertThat(timer(meters, "add", "DuplicateVideoException").count()).isEqualTo(1);
    assertThat(timer(meters, "get", "success").count()).isEqualTo(1);
  }

  @Test
  void theEnginesStatisticsAreGauges() {
    MeterRegistry meters = new SimpleMeterRegistry();
    runner(meters)
        .run(
            c -> {
              VideoRepository repository = c.getBean(VideoRepository.class);
              c.getBean(VideoRepositoryMetrics.class).bindTo(meters);
              repository.add(video("a")).toCompletableFuture().join();
              assertThat(repository.statistics()).containsKey("commits");
              for (String name : repository.statistics().keySet()) {
                assertThat(meters.get(VideoRepositoryMetrics.GAUGE).tag("name", name).gauge())
                    .isNotNull();
              }
              assertThat(
                      meters
                          .get(VideoRepositoryMetrics.GAUGE)
                          .tag("name", "commits")
                          .gauge()
                          .value())
                  .isGreaterThanOrEqualTo(1.0);
            });
  }

  private static Timer timer(MeterRegistry meters, String operation, String outcome) {
    return meters
        .get("videorepo.operation")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .timer();
  }
}
