package io.github.stoatferret.videorepo.examples.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.stoatferret.videorepo.Video;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --json} option of the read commands, and printing videos either way. */
final class Output {

  @Option(names = "--json", description = "Print JSON for machines instead of a table.")
  boolean json;

  void print(PrintWriter out, List<Video> videos) throws Exception {
    if (json) {
      ArrayNode array = VideoJson.MAPPER.createArrayNode();
      videos.forEach(v -> array.add(VideoJson.toJson(v)));
      out.println(VideoJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
      out.flush();
    } else {
      Table.of(videos).print(out);
    }
  }
}
