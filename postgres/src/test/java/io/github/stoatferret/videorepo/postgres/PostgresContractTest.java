package io.github.stoatferret.videorepo.postgres;

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
 * repository the kit asks for is a catalogue in a schema of its own, in one database of this
 * class; reopening opens the last schema again.
 */
class PostgresContractTest extends VideoRepositoryContract {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static HikariDataSource pool;
  private String schema = "unused";

  @BeforeAll
  static void startServer() {
    pool = TestServer.pool(TestServer.newDatabase(), 40);
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
    schema = "kit_" + SCHEMAS.incrementAndGet();
    return builder().schema(schema).open();
  }

  @Override
  protected VideoRepository createRepository(VideoChangeListener listener) {
    schema = "kit_" + SCHEMAS.incrementAndGet();
    return builder().schema(schema).listener(listener).open();
  }

  @Override
  protected VideoRepository reopenRepository() {
    return builder().schema(schema).open();
  }

  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.of(Capability.CHANGE_EVENTS, Capability.REOPEN);
  }
}
