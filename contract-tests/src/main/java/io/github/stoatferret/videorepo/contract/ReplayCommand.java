package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.contract.property.Property;
import io.github.stoatferret.videorepo.contract.property.PropertyFailure;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Adds to a failed property the command that replays it: the seed alone is not enough, since a seed
 * set for a whole run applies to every property of it, so the command names the one test.
 * Registered by {@link VideoRepositoryContract}.
 */
final class ReplayCommand implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (failure instanceof PropertyFailure property) {
      throw property.withReplay(
          "mvn test -Dtest="
              + context.getRequiredTestClass().getName()
              + "#"
              + context.getRequiredTestMethod().getName()
              + " -D"
              + Property.SEED_PROPERTY
              + "="
              + property.seed());
    }
    throw failure;
  }
}
