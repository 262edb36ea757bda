package io.github.stoatferret.videorepo.spring;

import io.github.stoatferret.videorepo.RepositoryHealth;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The repository's {@link VideoRepository#health() health check} as an Actuator health indicator
 * ({@code /actuator/health/videorepo}).
 *
 * <p>It waits for the check, which is cheap (the default asks for the count, which no backend
 * answers by scanning), at most {@code timeout}: a storage that does not answer within it is down.
 * Actuator runs a blocking indicator off the event loop in a reactive application.
 */
// Its API names types of Actuator's health, which this module reads only when the application has
// it
// (requires static): an application using this class has that module anyway.
@SuppressWarnings("exports")
public final class VideoRepositoryHealthIndicator implements HealthIndicator {

  private final VideoRepository repository;
  private final Duration timeout;

  /**
   * Checks a repository.
   *
   * @param repository the repository
   * @param timeout how long a check may take before the repository counts as down
   */
  public VideoRepositoryHealthIndicator(VideoRepository repository, Duration timeout) {
    this.repository = repository;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    RepositoryHealth health;
    try {
      health =
          repository.health().toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return Health.down().withDetail("detail", "no answer within " + timeout).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().withDetail("detail", "interrupted").build();
    } catch (ExecutionException e) { // VR-15.1 says it never fails; a third-party backend might
      return Health.down(e.getCause() == null ? e : e.getCause()).build();
    }
    return (health.up() ? Health.up() : Health.down())
        .withDetail("detail", health.detail())
        .build();
  }
}
