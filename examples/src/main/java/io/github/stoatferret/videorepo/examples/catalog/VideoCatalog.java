package io.github.stoatferret.videorepo.examples.catalog;

import io.github.stoatferret.videorepo.StorageException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code video-catalog}: a batch tool over the SQLite backend (a file) or the PostgreSQL backend (a
 * {@code jdbc:postgresql://} URL).
 *
 * <p>Exit codes: 0 success; 1 failure (storage, I/O); 2 wrong usage; 3 no such video; 4 an import
 * that skipped bad records; 5 a copy refused because the destination holds a different video under
 * the same id or path.
 */
@Command(
    name = "video-catalog",
    mixinStandardHelpOptions = true,
    version = "video-catalog 0.1",
    description = "Catalogue video metadata in a SQLite file or a PostgreSQL database.",
    subcommands = {
      GenerateCommand.class,
      ImportCommand.class,
      ListCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      DeleteCommand.class,
      StatsCommand.class,
      ExportCommand.class,
      CopyCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure (storage, I/O)",
      "2:wrong usage",
      "3:no such video",
      "4:import skipped bad records",
      "5:copy refused (a different video under the same id or path)"
    })
public final class VideoCatalog {

  static final int FAILED = 1;
  static final int NOT_FOUND = 3;
  static final int PARTIAL = 4;
  static final int REFUSED = 5;

  @Option(
      names = "--db",
      defaultValue = "videos.db",
      paramLabel = "FILE|URL",
      description =
          "A SQLite file (default: ${DEFAULT-VALUE}) or a jdbc:postgresql:// URL;"
              + " PGUSER and PGPASSWORD are read when the URL names no user or password.")
  String db;

  /** For picocli, which fills in the options. */
  public VideoCatalog() {}

  /** Opens the catalogue {@code --db} names. */
  OpenCatalog open() {
    return open(db);
  }

  /** Opens a catalogue by file path or URL. */
  OpenCatalog open(String fileOrUrl) {
    return OpenCatalog.open(fileOrUrl, System.getenv());
  }

  /**
   * Builds the command line with the tool's error handling: a failure prints one line, not a stack
   * trace, and exits 1.
   *
   * @param out standard output
   * @param err standard error
   * @return the command line
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new VideoCatalog());
    cli.setOut(out).setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr()
              .println(
                  "video-catalog: "
                      + (e instanceof StorageException ? "" : e.getClass().getSimpleName() + ": ")
                      + e.getMessage());
          cmd.getErr().flush();
          return FAILED;
        });
    return cli;
  }

  /**
   * Runs the tool.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // As PrintWriter(System.out) does, said out loud: the platform's default charset.
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    System.exit(commandLine(out, err).execute(args));
  }
}
