package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.Video;
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
 * The SQLite backend's {@code stream()} against the Reactive Streams TCK: its pages are read on
 * reader threads and its signals arrive from them, unlike the in-memory backend's. The TCK is
 * TestNG-based; the testng-engine runs it beside Jupiter.
 */
public class StreamPublisherTckTest extends FlowPublisherVerification<Video> {

  private final List<SqliteVideoRepository> opened = new ArrayList<>();
  private final Path dir;

  public StreamPublisherTckTest() throws IOException {
    super(new TestEnvironment(500));
    dir = Files.createTempDirectory("videorepo-tck");
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
  public Flow.Publisher<Video> createFlowPublisher(long elements) {
    return TckPublishers.filled(open(), elements);
  }

  @Override
  public Flow.Publisher<Video> createFailedFlowPublisher() {
    return TckPublishers.failed(open());
  }

  @Override
  public long maxElementsFromPublisher() {
    return TckPublishers.MAX_ELEMENTS;
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
