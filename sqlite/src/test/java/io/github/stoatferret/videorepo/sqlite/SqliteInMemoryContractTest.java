package io.github.stoatferret.videorepo.sqlite;

import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.util.EnumSet;
import java.util.Set;

/** The in-memory SQLite configuration against the whole conformance kit. */
class SqliteInMemoryContractTest extends VideoRepositoryContract {

  @Override
  protected VideoRepository createRepository() {
    return SqliteVideoRepository.builder().inMemory().open();
  }

  @Override
  protected VideoRepository createRepository(VideoChangeListener listener) {
    return SqliteVideoRepository.builder().inMemory().listener(listener).open();
  }

  @Override
  protected VideoRepository createRepositoryWithFeedLimits(int retained, int buffered) {
    return SqliteVideoRepository.builder()
        .inMemory()
        .changeRetention(retained)
        .changeBuffer(buffered)
        .open();
  }

  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.of(Capability.CHANGE_EVENTS, Capability.CHANGE_FEED);
  }
}
