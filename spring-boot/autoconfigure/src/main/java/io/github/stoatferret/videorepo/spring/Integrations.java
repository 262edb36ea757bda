package io.github.stoatferret.videorepo.spring;

import io.github.stoatferret.videorepo.VideoRepository;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * One configuration per library the repository plugs into, each active when the application has it.
 * They are imported after {@link Backends} (not nested in the auto-configuration, whose member
 * classes Spring would read before its imports), so that their condition on the repository bean
 * sees the one a backend registered.
 */
final class Integrations {

  private Integrations() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("videorepo")
  @ConditionalOnSingleCandidate(VideoRepository.class)
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "videorepoHealthIndicator")
    VideoRepositoryHealthIndicator videorepoHealthIndicator(VideoRepository repository) {
      return new VideoRepositoryHealthIndicator(repository, Duration.ofSeconds(5));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterBinder.class)
  @ConditionalOnSingleCandidate(VideoRepository.class)
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    VideoRepositoryMetrics videoRepositoryMetrics(VideoRepository repository) {
      return new VideoRepositoryMetrics(repository);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ProblemDetail.class)
  @ConditionalOnWebApplication
  @ConditionalOnBooleanProperty(name = "videorepo.problem-details.enabled", matchIfMissing = true)
  static class ProblemDetails {
    @Bean
    @ConditionalOnMissingBean
    VideoRepositoryProblemDetails videoRepositoryProblemDetails() {
      return new VideoRepositoryProblemDetails();
    }
  }
}
