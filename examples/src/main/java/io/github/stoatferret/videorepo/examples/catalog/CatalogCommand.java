package io.github.stoatferret.videorepo.examples.catalog;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand has: the top command (for {@code --db}) and its own output streams. */
abstract class CatalogCommand {

  @ParentCommand VideoCatalog catalog;

  @Spec CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
