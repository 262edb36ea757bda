package io.github.stoatferret.videorepo.sqlite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a JVM running a test main class with this test run's class path. */
final class ChildProcess {

  private ChildProcess() {}

  static Process start(Class<?> main, String... args) throws IOException {
    return builder(main, args).start();
  }

  /** Starts the child with its standard output going to a file. */
  static Process start(Path output, Class<?> main, String... args) throws IOException {
    return builder(main, args).redirectOutput(output.toFile()).start();
  }

  private static ProcessBuilder builder(Class<?> main, String... args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Native access for sqlite-jdbc, as README says for applications: without it, Java 24+
    // prints a warning in every child (Java 17 accepts the flag too).
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
  }
}
