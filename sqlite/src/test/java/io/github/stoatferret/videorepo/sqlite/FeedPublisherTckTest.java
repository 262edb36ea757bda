package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import io.github.stoatferret.videorepo.contract.TckPublishers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;

/**
 * The SQLite backend's change feed against the Reactive Streams TCK: each subscriber reads the
 * change log from the start on reader threads, then goes live. A feed never completes on its own,
 * so the TCK's rules that need {@code onComplete} are skipped.
 */
public class FeedPublisherTckTest extends FlowPublisherVerification<ChangeFeedEvent> {

  private final List<SqliteVideoRepository> opened = new ArrayList<>();
  private final Path dir;

  public FeedPublisherTckTest() throws IOException {
    super(new TestEnvironment(500));
    dir = Files.createTempDirectory("videorepo-feed-tck");
  }

  private synchronized SqliteVideoRepository open() {
    SqliteVideoRepository repo =
        SqliteVideoRepository.builder()
            .file(dir.resolve("tck-" + opened.size() + ".db"))
            .readers(2)
            .open();
    opened.add(repo);
    return repo;
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> createFlowPublisher(long elements) {
    return TckPublishers.feed(open(), elements);
  }

  @Override
  public Flow.Publisher<ChangeFeedEvent> createFailedFlowPublisher() {
    return TckPublishers.failedFeed(open());
  }

  @Override
  public long maxElementsFromPublisher() {
    return publisherUnableToSignalOnComplete();
  }

  /** Closes every repository the TCK made and removes their files. */
  @AfterClass
  public synchronized void closeAll() throws IOException {
    opened.forEach(SqliteVideoRepository::close);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
