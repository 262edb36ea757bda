package example.backend;

import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.util.Set;

/** The asynchronous backend the README's section for authors leads to: it keeps every rule. */
class WorkerVideoRepositoryContractTest extends VideoRepositoryContract {
  @Override
  protected VideoRepository createRepository() {
    return new WorkerVideoRepository();
  }

  @Override
  protected Set<Capability> capabilities() {
    return Set.of();
  }
}
