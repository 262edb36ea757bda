package io.github.stoatferret.videorepo.spring;

import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.memory.InMemoryVideoRepository;
import io.github.stoatferret.videorepo.postgres.PostgresVideoRepository;
import io.github.stoatferret.videorepo.postgres.SchemaMode;
import io.github.stoatferret.videorepo.spring.internal.EndableFeeds;
import io.github.stoatferret.videorepo.spring.internal.ObservedVideoRepository;
import io.github.stoatferret.videorepo.sqlite.Durability;
import io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One configuration per backend, each active when {@code videorepo.backend} names it and its module
 * is on the class path (and, for PostgreSQL, the application has one {@code DataSource}). When none
 * is, Boot's start-up failure report names the unmet condition.
 */
final class Backends {

  private Backends() {}

  private static VideoRepository observed(
      VideoRepository backend,
      ObjectProvider<ObservationRegistry> observations,
      EndableFeeds feeds) {
    return new ObservedVideoRepository(
        backend, observations.getIfAvailable(() -> ObservationRegistry.NOOP), feeds);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SqliteVideoRepository.class)
  @ConditionalOnProperty(name = "videorepo.backend", havingValue = "sqlite", matchIfMissing = true)
  static class Sqlite {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(VideoRepository.class)
    VideoRepository videoRepository(
        VideoRepositoryProperties properties,
        ApplicationContext context,
        ObjectProvider<ObservationRegistry> observations,
        EndableFeeds feeds) {
      VideoRepositoryProperties.Sqlite sqlite = properties.sqlite();
      SqliteVideoRepository.Builder builder =
          SqliteVideoRepository.builder().file(createParent(sqlite.file()));
      PropertyMapper map = PropertyMapper.get(); // each setting left out keeps the default
      map.from(sqlite.durability()).as(d -> Durability.valueOf(d.name())).to(builder::durability);
      map.from(sqlite.readers()).to(builder::readers);
      builder.callerThreadReads(callerThreadReads(sqlite.callerThreadReads(), context));
      map.from(sqlite.busyTimeout()).to(builder::busyTimeout);
      map.from(sqlite.closeTimeout()).to(builder::closeTimeout);
      map.from(sqlite.maxDatabaseSize()).to(builder::maxDatabaseSize);
      map.from(sqlite.changeRetentionAge()).to(builder::changeRetentionAge);
      map.from(properties.feed().retention()).to(builder::changeRetention);
      map.from(properties.feed().buffer()).to(builder::changeBuffer);
      return observed(builder.open(), observations, feeds);
    }

    /**
     * An event loop must never wait: in a reactive application point reads go to the reader threads
     * (on the caller's thread they would hold up every connection the loop serves while SQLite
     * waits for another process's lock). Elsewhere they stay on the caller's, the faster.
     */
    static boolean callerThreadReads(@Nullable Boolean setting, ApplicationContext context) {
      return setting != null ? setting : !(context instanceof ReactiveWebApplicationContext);
    }

    private static Path createParent(Path file) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        try {
          Files.createDirectories(parent);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot create the directory of videorepo.sqlite.file " + file, e);
        }
      }
      return file;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PostgresVideoRepository.class)
  @ConditionalOnProperty(name = "videorepo.backend", havingValue = "postgres")
  @ConditionalOnSingleCandidate(DataSource.class)
  static class Postgres {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(VideoRepository.class)
    VideoRepository videoRepository(
        VideoRepositoryProperties properties,
        DataSource dataSource,
        ObjectProvider<ObservationRegistry> observations,
        EndableFeeds feeds) {
      VideoRepositoryProperties.Postgres postgres = properties.postgres();
      PostgresVideoRepository.Builder builder = PostgresVideoRepository.builder(dataSource);
      PropertyMapper map = PropertyMapper.get(); // each setting left out keeps the default
      map.from(postgres.schema()).to(builder::schema);
      map.from(postgres.schemaMode()).as(m -> SchemaMode.valueOf(m.name())).to(builder::schemaMode);
      map.from(postgres.readers()).to(builder::readers);
      map.from(postgres.writers()).to(builder::writers);
      map.from(postgres.retryBudget()).to(builder::retryBudget);
      map.from(postgres.closeTimeout()).to(builder::closeTimeout);
      map.from(postgres.changeLogRetention()).to(builder::changeLogRetention);
      map.from(properties.feed().retention()).to(builder::changeRetention);
      map.from(properties.feed().buffer()).to(builder::changeBuffer);
      return observed(builder.open(), observations, feeds);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(InMemoryVideoRepository.class)
  @ConditionalOnProperty(name = "videorepo.backend", havingValue = "memory")
  static class Memory {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(VideoRepository.class)
    VideoRepository videoRepository(
        VideoRepositoryProperties properties,
        ObjectProvider<ObservationRegistry> observations,
        EndableFeeds feeds) {
      InMemoryVideoRepository.Builder builder = InMemoryVideoRepository.builder();
      PropertyMapper map = PropertyMapper.get();
      map.from(properties.feed().retention()).as(Math::toIntExact).to(builder::changeRetention);
      map.from(properties.feed().buffer()).to(builder::changeBuffer);
      return observed(builder.build(), observations, feeds);
    }
  }
}
