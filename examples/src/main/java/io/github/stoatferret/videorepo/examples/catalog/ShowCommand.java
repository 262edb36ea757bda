package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.BlockingVideoRepository;
import io.github.stoatferret.videorepo.Video;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code show ID|PATH}: every field of one video. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show one video, by id or by path.")
final class ShowCommand extends CatalogCommand implements Callable<Integer> {

  @Mixin Output output;

  @Parameters(paramLabel = "ID|PATH", description = "The video's id or its path.")
  String key;

  @Override
  public Integer call() throws Exception {
    Optional<Video> found;
    try (OpenCatalog opened = catalog.open()) {
      BlockingVideoRepository repo = opened.repo();
      found = repo.get(key);
      if (found.isEmpty()) {
        found = repo.getByPath(key);
      }
    }
    if (found.isEmpty()) {
      err().println("video-catalog: no video with id or path " + key);
      return VideoCatalog.NOT_FOUND;
    }
    PrintWriter out = out();
    if (output.json) {
      out.println(
          VideoJson.MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(VideoJson.toJson(found.get())));
    } else {
      Table t = new Table("FIELD", "VALUE");
      VideoJson.toJson(found.get())
          .properties()
          .forEach(e -> t.row(e.getKey(), e.getValue().isNull() ? "-" : e.getValue().asText()));
      t.print(out);
    }
    out.flush();
    return 0;
  }
}
