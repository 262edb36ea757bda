package io.github.stoatferret.videorepo.examples.catalog;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code generate N --out FILE}: writes N made-up videos as JSON Lines. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write N realistic made-up videos as JSON Lines.")
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "N", description = "How many videos.")
  long count;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: 1).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (count < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "N must not be negative, was " + count);
    }
    SyntheticVideos videos = new SyntheticVideos(seed);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long i = 0; i < count; i++) {
        w.write(VideoJson.MAPPER.writeValueAsString(VideoJson.toJson(videos.next(i))));
        w.write('\n');
      }
    }
    spec.commandLine().getOut().println("wrote " + count + " videos to " + out);
    return 0;
  }
}
