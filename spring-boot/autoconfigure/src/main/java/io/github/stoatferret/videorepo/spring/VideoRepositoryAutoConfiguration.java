package io.github.stoatferret.videorepo.spring;

import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.spring.internal.EndableFeeds;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of a {@link VideoRepository} bean from the {@code videorepo.*} properties
 * ({@link VideoRepositoryProperties}), unless the application defines its own.
 *
 * <ul>
 *   <li>The backend is {@code videorepo.backend}: {@code sqlite} (the default, file {@code
 *       videorepo.sqlite.file}), {@code postgres} (on the application's single {@code DataSource})
 *       or {@code memory}; its module must be on the class path.
 *   <li>The repository opens when the context starts (a schema it cannot migrate, or a file it
 *       cannot open, fails the start-up) and closes when the context closes, after the web server
 *       has stopped; its change feeds end before the web server's graceful shutdown ({@link
 *       VideoFeedShutdown}).
 *   <li>Every operation is observed ({@code videorepo.operation}: a timer per operation and outcome
 *       with Micrometer, a span with tracing); with Micrometer, the engine's statistics are gauges
 *       ({@link VideoRepositoryMetrics}); with Actuator's health, a {@code videorepo} indicator
 *       ({@link VideoRepositoryHealthIndicator}); in a web application, problem details for the
 *       library's exceptions ({@link VideoRepositoryProblemDetails}).
 * </ul>
 */
// The imported configurations are Spring's to read (the package is opened to it), not API: javac's
// warning that clients of the module cannot see them is right and harmless.
@SuppressWarnings("exports")
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(VideoRepositoryProperties.class)
@Import({
  Backends.Sqlite.class,
  Backends.Postgres.class,
  Backends.Memory.class,
  Integrations.Health.class,
  Integrations.Metrics.class,
  Integrations.ProblemDetails.class
})
public class VideoRepositoryAutoConfiguration {

  /** Created by Spring. */
  public VideoRepositoryAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  EndableFeeds videoRepositoryFeeds() {
    return new EndableFeeds();
  }

  @Bean
  @ConditionalOnMissingBean
  VideoFeedShutdown videoFeedShutdown(EndableFeeds feeds) {
    return new VideoFeedShutdown(feeds);
  }
}
