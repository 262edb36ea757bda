package io.github.stoatferret.videorepo.examples.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.stoatferret.videorepo.BlockingVideoRepository;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export --out FILE}: every video as JSON Lines, streamed. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write every video as JSON Lines, in list order.")
final class ExportCommand extends CatalogCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
  Path out;

  @Override
  public Integer call() throws Exception {
    AtomicLong written = new AtomicLong();
    try (OpenCatalog opened = catalog.open();
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      BlockingVideoRepository repo = opened.repo();
      repo.stream()
          .forEach(
              v -> {
                try {
                  w.write(VideoJson.MAPPER.writeValueAsString(VideoJson.toJson(v)));
                  w.write('\n');
                  written.incrementAndGet();
                } catch (JsonProcessingException e) {
                  throw new IllegalStateException(e);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    out().println("exported " + written.get() + " videos to " + out);
    return 0;
  }
}
