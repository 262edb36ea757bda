package io.github.stoatferret.videorepo.memory;

import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.util.EnumSet;
import java.util.Set;

/** The in-memory backend against the whole conformance kit. */
class InMemoryVideoRepositoryContractTest extends VideoRepositoryContract {

  @Override
  protected VideoRepository createRepository() {
    return InMemoryVideoRepository.create();
  }

  @Override
  protected VideoRepository createRepository(VideoChangeListener listener) {
    return InMemoryVideoRepository.create(listener);
  }

  @Override
  protected VideoRepository createRepositoryWithFeedLimits(int retained, int buffered) {
    return InMemoryVideoRepository.builder()
        .changeRetention(retained)
        .changeBuffer(buffered)
        .build();
  }

  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.of(Capability.CHANGE_EVENTS, Capability.CHANGE_FEED);
  }
}
