package io.github.stoatferret.videorepo.contract;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints, after a fixture class, which rules were skipped and why, grouped by reason. A skip's
 * reason (an undeclared capability) otherwise shows only in Surefire's XML report and the IDE's
 * tree; on the console an author sees just a count, and may believe the kit checked a rule that it
 * did not run. Registered by {@link VideoRepositoryContract}.
 */
final class SkipReport implements TestWatcher, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SkipReport.class);

  private final PrintStream out;

  /** For JUnit: prints to standard output, which Surefire shows on the console. */
  SkipReport() {
    this(System.out);
  }

  SkipReport(PrintStream out) {
    this.out = out;
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    // "Assumption failed: " is JUnit's prefix; the reason is the kit's own sentence.
    reason = reason.replaceFirst("^Assumption failed: ", "");
    String test = context.getRequiredTestMethod().getName();
    skips(context).add(new String[] {reason, test});
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String[]> skipped = skips(context);
    if (skipped.isEmpty()) {
      return;
    }
    Map<String, List<String>> byReason = new TreeMap<>();
    for (String[] skip : skipped) {
      byReason.computeIfAbsent(skip[0], r -> new java.util.ArrayList<>()).add(skip[1]);
    }
    StringBuilder text =
        new StringBuilder(
            "videorepo kit: "
                + skipped.size()
                + " test"
                + (skipped.size() == 1 ? "" : "s")
                + " of "
                + context.getRequiredTestClass().getName()
                + " skipped:");
    byReason.forEach(
        (reason, tests) ->
            text.append("\n  ").append(reason).append(": ").append(String.join(", ", tests)));
    out.println(text);
  }

  @SuppressWarnings("unchecked")
  private static List<String[]> skips(ExtensionContext context) {
    ExtensionContext classContext =
        context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("skips", key -> new CopyOnWriteArrayList<String[]>(), List.class);
  }
}
