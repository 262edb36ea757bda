package io.github.stoatferret.videorepo.contract.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.VideoRepositoryContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The kit tests itself, as the Reactive Streams TCK does: run against the reference backend it
 * must pass everything; run against each deliberately broken backend it must fail, and name the
 * broken rule in a failure message. A kit that cannot fail is worthless.
 */
class KitCatchesBrokenRepositoriesTest {

  /** Runs the whole kit against a fixture class and returns the failure messages. */
  private static List<String> runKit(Class<? extends VideoRepositoryContract> fixture) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(fixture)).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    TestExecutionSummary result = summary.getSummary();
    assertTrue(result.getTestsFoundCount() > 50,
        "the kit should discover its rule tests, found " + result.getTestsFoundCount());
    List<String> messages = new ArrayList<>();
    for (TestExecutionSummary.Failure f : result.getFailures()) {
      messages.add(f.getTestIdentifier().getDisplayName() + ": " + f.getException());
    }
    return messages;
  }

  @Test
  void theReferenceBackendPassesTheWholeKit() {
    assertEquals(List.of(), runKit(Reference.class));
  }

  static Stream<Arguments> brokenBackends() {
    return Stream.of(
        Arguments.of(IgnoresPathUniquenessOnUpdate.class, "[VR-8.3]"),
        Arguments.of(CaseSensitiveSearch.class, "[VR-7.1]"),
        Arguments.of(LosesCreatedAt.class, "[VR-8.1]"),
        Arguments.of(NonAtomicAddAll.class, "[VR-3.2]"),
        Arguments.of(ThrowsInsteadOfFailing.class, "[VR-1.1]"),
        Arguments.of(RacyCheckThenInsert.class, "[VR-1.5]"),
        Arguments.of(Utf16IdOrder.class, "[VR-5.1]"),
        Arguments.of(LenientCursor.class, "[VR-6.4]"),
        Arguments.of(EventForFailedAdd.class, "[VR-13.3]"),
        Arguments.of(WritableStages.class, "[VR-1.10]"));
  }

  @ParameterizedTest(name = "{0} is caught by {1}")
  @MethodSource("brokenBackends")
  void everyBrokenBackendIsCaughtByTheRuleItBreaks(
      Class<? extends VideoRepositoryContract> fixture, String rule) {
    List<String> failures = runKit(fixture);
    List<String> caught = failures.stream().filter(m -> m.contains(rule)).toList();
    assertTrue(!caught.isEmpty(), () -> fixture.getSimpleName() + " should fail with " + rule
        + " in a message; failures: " + String.join("\n", failures));
    for (String m : caught) {
      for (String part : List.of("operation:", "expected:", "actual:", "hint:")) {
        assertTrue(m.contains(part), () -> "a readable failure names its " + part + " " + m);
      }
    }
  }

  /** A fixture over any of the test backends. */
  abstract static class Fixture extends VideoRepositoryContract {
    private final Function<VideoChangeListener, VideoRepository> factory;
    private final Set<Capability> capabilities;

    /** A backend without change events: their rules must be reported as skipped. */
    Fixture(Supplier<VideoRepository> factory) {
      this.factory = l -> factory.get();
      this.capabilities = EnumSet.noneOf(Capability.class);
    }

    Fixture(Function<VideoChangeListener, VideoRepository> factory) {
      this.factory = factory;
      this.capabilities = EnumSet.of(Capability.CHANGE_EVENTS);
    }

    @Override
    protected VideoRepository createRepository() {
      return factory.apply(VideoChangeListener.NONE);
    }

    @Override
    protected VideoRepository createRepository(VideoChangeListener listener) {
      return factory.apply(listener);
    }

    @Override
    protected Set<Capability> capabilities() {
      return capabilities;
    }

    // These backends are synchronous: a stage or event that is late is missing, not slow.
    @Override
    protected Duration awaitTimeout() {
      return Duration.ofMillis(500);
    }

    @Override
    protected Duration quietPeriod() {
      return Duration.ofMillis(20);
    }
  }

  static final class Reference extends Fixture {
    Reference() {
      super((VideoChangeListener l) -> new ReferenceRepository(l));
    }
  }

  static final class IgnoresPathUniquenessOnUpdate extends Fixture {
    IgnoresPathUniquenessOnUpdate() {
      super(BrokenRepositories.IgnoresPathUniquenessOnUpdate::new);
    }
  }

  static final class CaseSensitiveSearch extends Fixture {
    CaseSensitiveSearch() {
      super(BrokenRepositories.CaseSensitiveSearch::new);
    }
  }

  static final class LosesCreatedAt extends Fixture {
    LosesCreatedAt() {
      super(BrokenRepositories.LosesCreatedAt::new);
    }
  }

  static final class NonAtomicAddAll extends Fixture {
    NonAtomicAddAll() {
      super(BrokenRepositories.NonAtomicAddAll::new);
    }
  }

  static final class ThrowsInsteadOfFailing extends Fixture {
    ThrowsInsteadOfFailing() {
      super(BrokenRepositories.ThrowsInsteadOfFailing::new);
    }
  }

  static final class RacyCheckThenInsert extends Fixture {
    RacyCheckThenInsert() {
      super(BrokenRepositories.RacyCheckThenInsert::new);
    }
  }

  static final class Utf16IdOrder extends Fixture {
    Utf16IdOrder() {
      super(BrokenRepositories.Utf16IdOrder::new);
    }
  }

  static final class LenientCursor extends Fixture {
    LenientCursor() {
      super(BrokenRepositories.LenientCursor::new);
    }
  }

  static final class WritableStages extends Fixture {
    WritableStages() {
      super(BrokenRepositories.WritableStages::new);
    }
  }

  static final class EventForFailedAdd extends Fixture {
    EventForFailedAdd() {
      super(BrokenRepositories.EventForFailedAdd::new);
    }
  }
}
