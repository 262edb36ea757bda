package io.github.stoatferret.videorepo.spring;

import static io.github.stoatferret.videorepo.spring.VideoRepositoryAutoConfigurationTest.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.postgres.PostgresVideoRepository;
import io.github.stoatferret.videorepo.spring.internal.ObservedVideoRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code videorepo.backend=postgres} opens the backend on the application's DataSource. */
@Tag("slow")
class PostgresBackendTest {

  private static EmbeddedPostgres server;

  @BeforeAll
  static void start() throws Exception {
    server = EmbeddedPostgres.builder().setLocaleConfig("locale", "C.UTF-8").start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void opensOnTheApplicationsDataSourceInTheConfiguredSchema() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(VideoRepositoryAutoConfiguration.class))
        .withBean(DataSource.class, () -> server.getPostgresDatabase())
        .withPropertyValues(
            "videorepo.backend=postgres",
            "videorepo.postgres.schema=catalog",
            "videorepo.feed.retention=1000")
        .run(
            c -> {
              VideoRepository repository = c.getBean(VideoRepository.class);
              assertThat(((ObservedVideoRepository) repository).backend())
                  .isInstanceOf(PostgresVideoRepository.class);
              repository.add(video("pg")).toCompletableFuture().join();
              assertThat(repository.get("pg").toCompletableFuture().join()).isPresent();
              try (var connection = server.getPostgresDatabase().getConnection();
                  var rows =
                      connection
                          .createStatement()
                          .executeQuery("SELECT count(*) FROM catalog.videos")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
              }
            });
  }
}
