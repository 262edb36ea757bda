package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.VideoRepository;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code delete ID}. */
@Command(name = "delete", description = "Delete a video by id.")
final class DeleteCommand implements Callable<Integer> {

  @ParentCommand
  VideoCatalog catalog;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The video's id.")
  String id;

  @Override
  public Integer call() {
    boolean removed;
    try (VideoRepository repo = catalog.open()) {
      removed = repo.delete(id).toCompletableFuture().join();
    }
    if (!removed) {
      spec.commandLine().getErr().println("video-catalog: no video with id " + id);
      return VideoCatalog.NOT_FOUND;
    }
    spec.commandLine().getOut().println("deleted " + id);
    return 0;
  }
}
