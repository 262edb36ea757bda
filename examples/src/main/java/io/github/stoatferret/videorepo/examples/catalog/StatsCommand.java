package io.github.stoatferret.videorepo.examples.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.stoatferret.videorepo.BlockingVideoRepository;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stats}: totals, top codecs and resolutions, in one streamed pass. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Count, total size and duration, top codecs and" + " resolutions.")
final class StatsCommand extends CatalogCommand implements Callable<Integer> {

  @Mixin Output output;

  @Override
  public Integer call() throws Exception {
    long[] count = {0};
    long[] bytes = {0};
    double[] seconds = {0};
    Map<String, Long> codecs = new HashMap<>();
    Map<String, Long> resolutions = new HashMap<>();
    try (OpenCatalog opened = catalog.open()) {
      BlockingVideoRepository repo = opened.repo();
      repo.stream()
          .forEach(
              v -> {
                count[0]++;
                bytes[0] += v.fileSize();
                seconds[0] += v.durationSeconds();
                codecs.merge(v.videoCodec(), 1L, Long::sum);
                resolutions.merge(v.width() + "x" + v.height(), 1L, Long::sum);
              });
    }
    PrintWriter out = out();
    if (output.json) {
      ObjectNode o = VideoJson.MAPPER.createObjectNode();
      o.put("count", count[0]).put("totalBytes", bytes[0]).put("totalSeconds", seconds[0]);
      top(codecs).forEach(e -> o.withObject("/codecs").put(e.getKey(), e.getValue()));
      top(resolutions).forEach(e -> o.withObject("/resolutions").put(e.getKey(), e.getValue()));
      out.println(VideoJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
      out.flush();
      return 0;
    }
    new Table("", "")
        .row("videos", String.valueOf(count[0]))
        .row("total size", Table.bytes(bytes[0]))
        .row("total duration", Table.duration(seconds[0]))
        .print(out);
    out.println();
    Table c = new Table("CODEC", "VIDEOS");
    top(codecs).forEach(e -> c.row(e.getKey(), String.valueOf(e.getValue())));
    c.print(out);
    out.println();
    Table r = new Table("RESOLUTION", "VIDEOS");
    top(resolutions).forEach(e -> r.row(e.getKey(), String.valueOf(e.getValue())));
    r.print(out);
    return 0;
  }

  private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .toList();
  }
}
