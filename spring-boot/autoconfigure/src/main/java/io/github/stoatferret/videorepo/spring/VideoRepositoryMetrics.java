package io.github.stoatferret.videorepo.spring;

import io.github.stoatferret.videorepo.VideoRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's {@link VideoRepository#statistics() statistics} as Micrometer gauges, one per
 * figure: {@code videorepo.engine} tagged {@code name} (for SQLite {@code writes.queued}, {@code
 * commits}, {@code database.bytes}, ...; each backend lists its own). Each gauge reads the figure
 * when the registry is scraped; the call never blocks (VR-15.2).
 *
 * <p>The operations' timers come from the observations of the auto-configured bean ({@code
 * videorepo.operation}, tagged {@code operation} and {@code outcome}).
 */
// Its API names types of Micrometer, which this module reads only when the application has it
// (requires static): an application using this class has that module anyway.
@SuppressWarnings("exports")
public final class VideoRepositoryMetrics implements MeterBinder {

  /** The gauges' name. */
  public static final String GAUGE = "videorepo.engine";

  private final VideoRepository repository;

  /**
   * Reports a repository's figures.
   *
   * @param repository the repository
   */
  public VideoRepositoryMetrics(VideoRepository repository) {
    this.repository = repository;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String name : repository.statistics().keySet()) {
      Gauge.builder(GAUGE, repository, r -> r.statistics().getOrDefault(name, 0L))
          .tag("name", name)
          .description("a figure of the videorepo engine; see the backend's statistics()")
          .strongReference(true)
          .register(registry);
    }
  }
}
