package example.backend;

import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.util.Set;

class MapVideoRepositoryContractTest extends VideoRepositoryContract {
  @Override
  protected VideoRepository createRepository() {
    return new MapVideoRepository();
  }

  @Override
  protected Set<Capability> capabilities() {
    return Set.of();
  }
}
