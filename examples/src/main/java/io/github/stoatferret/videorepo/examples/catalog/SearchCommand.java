package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search QUERY}: case-insensitive substring of file name or path. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Find videos whose file name or path contains QUERY," + " ignoring case.")
final class SearchCommand extends CatalogCommand implements Callable<Integer> {

  @Mixin Output output;

  @Parameters(paramLabel = "QUERY", description = "The text to look for, taken literally.")
  String query;

  @Option(names = "--limit", defaultValue = "20", description = "At most (default: 20).")
  int limit;

  @Override
  public Integer call() throws Exception {
    try (OpenCatalog opened = catalog.open()) {
      BlockingVideoRepository repo = opened.repo();
      output.print(out(), repo.search(query, limit));
    }
    return 0;
  }
}
