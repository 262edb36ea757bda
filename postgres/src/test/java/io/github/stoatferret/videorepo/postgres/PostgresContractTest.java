package io.github.stoatferret.videorepo.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The PostgreSQL backend against the whole conformance kit, on the embedded server: every
 * repository the kit asks for is a catalogue in a schema of its own, in one database of this class;
 * reopening opens the last schema again.
 *
 * <p>To check another server or cluster (a PostgreSQL you run, or a PostgreSQL-compatible
 * database), give its URL; the kit then creates its schemas there ({@code kit_<run>_<n>}, left
 * behind for inspection) instead of starting a server:
 *
 * <pre>
 * mvn -B verify -pl postgres -am -Dtest=PostgresContractTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dvideorepo.postgres.url=jdbc:postgresql://host:5432/db \
 *     -Dvideorepo.postgres.user=me -Dvideorepo.postgres.password=secret
 * </pre>
 */
class PostgresContractTest extends VideoRepositoryContract {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static HikariDataSource pool;
  private String schema = "unused";

  /** The system property that points the kit at an existing server. */
  static final String URL_PROPERTY = "videorepo.postgres.url";

  private static String prefix = "kit_";

  @BeforeAll
  static void startServer() {
    String url = System.getProperty(URL_PROPERTY);
    if (url == null || url.isBlank()) {
      pool = TestServer.pool(TestServer.newDatabase(), 40);
      return;
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(System.getProperty("videorepo.postgres.user", "postgres"));
    config.setPassword(System.getProperty("videorepo.postgres.password", ""));
    config.setMaximumPoolSize(40);
    config.setMinimumIdle(0);
    pool = new HikariDataSource(config);
    prefix = "kit_" + Long.toString(System.currentTimeMillis(), 36) + "_";
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  private PostgresVideoRepository.Builder builder() {
    return PostgresVideoRepository.builder(pool).pollInterval(Duration.ofMillis(50));
  }

  @Override
  protected VideoRepository createRepository() {
    schema = prefix + SCHEMAS.incrementAndGet();
    return builder().schema(schema).open();
  }

  @Override
  protected VideoRepository createRepository(VideoChangeListener listener) {
    schema = prefix + SCHEMAS.incrementAndGet();
    return builder().schema(schema).listener(listener).open();
  }

  @Override
  protected VideoRepository createRepositoryWithFeedLimits(int retained, int buffered) {
    schema = prefix + SCHEMAS.incrementAndGet();
    return builder().schema(schema).changeRetention(retained).changeBuffer(buffered).open();
  }

  @Override
  protected VideoRepository reopenRepository() {
    return builder().schema(schema).open();
  }

  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.of(Capability.CHANGE_EVENTS, Capability.CHANGE_FEED, Capability.REOPEN);
  }
}
