package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code list}: the newest videos. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List videos, newest first.")
final class ListCommand extends CatalogCommand implements Callable<Integer> {

  @Mixin Output output;

  @Option(names = "--limit", defaultValue = "20", description = "At most (default: 20).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Skip this many (default: 0).")
  int offset;

  @Override
  public Integer call() throws Exception {
    try (OpenCatalog opened = catalog.open()) {
      BlockingVideoRepository repo = opened.repo();
      output.print(out(), repo.list(limit, offset));
    }
    return 0;
  }
}
