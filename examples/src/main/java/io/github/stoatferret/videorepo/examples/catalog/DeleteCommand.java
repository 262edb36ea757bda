package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code delete ID}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a video by id.")
final class DeleteCommand extends CatalogCommand implements Callable<Integer> {

  @Parameters(paramLabel = "ID", description = "The video's id.")
  String id;

  @Override
  public Integer call() {
    boolean removed;
    try (OpenCatalog opened = catalog.open()) {
      BlockingVideoRepository repo = opened.repo();
      removed = repo.delete(id);
    }
    if (!removed) {
      err().println("video-catalog: no video with id " + id);
      return VideoCatalog.NOT_FOUND;
    }
    out().println("deleted " + id);
    return 0;
  }
}
