package io.github.stoatferret.videorepo.memory;

import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.ThroughBlockingView;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.util.EnumSet;
import java.util.Set;

/**
 * The blocking view against the whole conformance kit: every call of every rule goes through {@code
 * repo.blocking()} and back, so the view keeps every rule of the backend under it.
 */
class BlockingViewContractTest extends VideoRepositoryContract {

  @Override
  protected VideoRepository createRepository() {
    return ThroughBlockingView.of(InMemoryVideoRepository.create());
  }

  @Override
  protected VideoRepository createRepository(VideoChangeListener listener) {
    return ThroughBlockingView.of(InMemoryVideoRepository.create(listener));
  }

  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.of(Capability.CHANGE_EVENTS);
  }
}
