package io.github.stoatferret.videorepo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.stoatferret.videorepo.RepositoryClosedException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.memory.InMemoryVideoRepository;
import io.github.stoatferret.videorepo.spring.internal.ObservedVideoRepository;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every condition of the auto-configuration, with Boot's own context runners. */
class VideoRepositoryAutoConfigurationTest {

  private static final AutoConfigurations AUTO =
      AutoConfigurations.of(VideoRepositoryAutoConfiguration.class);

  @TempDir Path dir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AUTO)
        .withPropertyValues("videorepo.sqlite.file=" + dir.resolve("data/videos.db"));
  }

  static Video video(String id) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return new Video(
        id,
        "/v/" + id + ".mp4",
        id + ".mp4",
        600,
        25,
        1,
        1920,
        1080,
        "h264",
        null,
        1000,
        null,
        at,
        at);
  }

  private static VideoRepository backendOf(VideoRepository bean) {
    return ((ObservedVideoRepository) bean).backend();
  }

  @Test
  void opensSqliteByDefaultInTheConfiguredFileAndClosesItWithTheContext() {
    VideoRepository[] kept = new VideoRepository[1];
    runner()
        .run(
            context -> {
              VideoRepository repository = context.getBean(VideoRepository.class);
              kept[0] = repository;
              assertThat(backendOf(repository)).isInstanceOf(SqliteVideoRepository.class);
              repository.add(video("a")).toCompletableFuture().join();
              assertThat(Files.exists(dir.resolve("data/videos.db"))).isTrue();
            });
    assertThatThrownBy(() -> kept[0].count().toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(RepositoryClosedException.class);
  }

  @Test
  void keepsWhatWasWrittenAcrossRestarts() {
    runner()
        .run(c -> c.getBean(VideoRepository.class).add(video("kept")).toCompletableFuture().join());
    runner()
        .run(
            c ->
                assertThat(
                        c.getBean(VideoRepository.class).get("kept").toCompletableFuture().join())
                    .isPresent());
  }

  @Test
  void passesEverySettingToTheBuilderWhichNamesABadOne() {
    runner()
        .withPropertyValues(
            "videorepo.sqlite.durability=full",
            "videorepo.sqlite.busy-timeout=2s",
            "videorepo.sqlite.readers=0")
        .run(
            c ->
                assertThat(c)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("readers must be at least 1, was 0"));
    runner()
        .withPropertyValues("videorepo.backend=memory", "videorepo.feed.buffer=0")
        .run(c -> assertThat(c).getFailure().rootCause().hasMessageContaining("0"));
    runner()
        .withPropertyValues(
            "videorepo.sqlite.durability=full",
            "videorepo.sqlite.readers=2",
            "videorepo.sqlite.close-timeout=5s",
            "videorepo.feed.retention=50",
            "videorepo.feed.buffer=16")
        .run(c -> assertThat(c).hasSingleBean(VideoRepository.class));
  }

  @Test
  void opensTheMemoryBackendWhenAskedTo() {
    runner()
        .withPropertyValues("videorepo.backend=memory", "videorepo.feed.retention=5")
        .run(
            c ->
                assertThat(backendOf(c.getBean(VideoRepository.class)))
                    .isInstanceOf(InMemoryVideoRepository.class));
  }

  @Test
  void leavesTheApplicationsOwnRepositoryAlone() {
    runner()
        .withUserConfiguration(OwnRepository.class)
        .run(
            c -> {
              assertThat(c).hasSingleBean(VideoRepository.class);
              assertThat(c.getBean(VideoRepository.class))
                  .isInstanceOf(InMemoryVideoRepository.class);
              assertThat(c).hasSingleBean(VideoRepositoryMetrics.class);
            });
  }

  @Test
  void postgresWithoutADataSourceDefinesNoRepository() {
    runner()
        .withPropertyValues("videorepo.backend=postgres")
        .run(c -> assertThat(c).doesNotHaveBean(VideoRepository.class));
  }

  @Test
  void rejectsAnUnknownBackendNamingTheValue() {
    runner()
        .withPropertyValues("videorepo.backend=mongodb")
        .run(c -> assertThat(c).getFailure().rootCause().hasMessageContaining("mongodb"));
  }

  @Test
  void pointReadsLeaveTheCallersThreadOnlyInAReactiveApplication() {
    new ApplicationContextRunner()
        .run(c -> assertThat(Backends.Sqlite.callerThreadReads(null, c)).isTrue());
    new WebApplicationContextRunner()
        .run(c -> assertThat(Backends.Sqlite.callerThreadReads(null, c)).isTrue());
    new ReactiveWebApplicationContextRunner()
        .run(
            c -> {
              assertThat(Backends.Sqlite.callerThreadReads(null, c)).isFalse();
              assertThat(Backends.Sqlite.callerThreadReads(true, c)).isTrue();
            });
  }

  @Test
  void healthIndicatorIsUpThenDownOnceClosedAndCanBeTurnedOff() {
    runner()
        .run(
            c -> {
              VideoRepositoryHealthIndicator health =
                  c.getBean("videorepoHealthIndicator", VideoRepositoryHealthIndicator.class);
              assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
              c.getBean(VideoRepository.class).close();
              assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
              assertThat(health.health().getDetails()).containsEntry("detail", "closed");
            });
    runner()
        .withPropertyValues("management.health.videorepo.enabled=false")
        .run(c -> assertThat(c).doesNotHaveBean(VideoRepositoryHealthIndicator.class));
  }

  @Test
  void problemDetailsOnlyInAWebApplicationAndOnlyUnlessTurnedOff() {
    runner().run(c -> assertThat(c).doesNotHaveBean(VideoRepositoryProblemDetails.class));
    new WebApplicationContextRunner()
        .withConfiguration(AUTO)
        .withPropertyValues("videorepo.backend=memory")
        .run(c -> assertThat(c).hasSingleBean(VideoRepositoryProblemDetails.class));
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(AUTO)
        .withPropertyValues("videorepo.backend=memory", "videorepo.problem-details.enabled=false")
        .run(c -> assertThat(c).doesNotHaveBean(VideoRepositoryProblemDetails.class));
  }

  @Test
  void feedShutdownStopsBeforeTheWebServersGracefulShutdown() {
    runner()
        .run(
            c ->
                assertThat(c.getBean(VideoFeedShutdown.class).getPhase())
                    .isGreaterThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRepository {
    @Bean
    VideoRepository ownRepository() {
      return InMemoryVideoRepository.builder().build();
    }
  }
}
