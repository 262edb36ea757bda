package example.backend;

import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.util.Set;

/** Run on purpose only (its name does not match Surefire's defaults): it must fail. */
class BrokenBackendContract extends VideoRepositoryContract {
  @Override
  protected VideoRepository createRepository() {
    return new CaseSensitiveMapVideoRepository();
  }

  @Override
  protected Set<Capability> capabilities() {
    return Set.of();
  }
}
