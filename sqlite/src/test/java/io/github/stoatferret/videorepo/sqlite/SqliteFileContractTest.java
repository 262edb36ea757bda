package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The file-backed SQLite configuration against the whole conformance kit. */
class SqliteFileContractTest extends VideoRepositoryContract {

  @TempDir Path dir;

  private final AtomicInteger files = new AtomicInteger();
  private Path last;

  private Path nextFile() {
    last = dir.resolve("videos-" + files.incrementAndGet() + ".db");
    return last;
  }

  @Override
  protected VideoRepository createRepository() {
    return SqliteVideoRepository.open(nextFile());
  }

  @Override
  protected VideoRepository createRepository(VideoChangeListener listener) {
    return SqliteVideoRepository.builder().file(nextFile()).listener(listener).open();
  }

  @Override
  protected VideoRepository reopenRepository() {
    return SqliteVideoRepository.open(last);
  }

  @Override
  protected VideoRepository createRepositoryWithFeedLimits(int retained, int buffered) {
    return SqliteVideoRepository.builder()
        .file(nextFile())
        .changeRetention(retained)
        .changeBuffer(buffered)
        .open();
  }

  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.of(Capability.CHANGE_EVENTS, Capability.CHANGE_FEED, Capability.REOPEN);
  }
}
