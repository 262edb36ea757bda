package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conformance kit: extend this class in your backend's tests, say how to create a repository
 * and what it supports, and Surefire runs every rule of the {@code VideoRepository} Javadoc against
 * it: example-based rules, property-based rules and concurrency rules.
 *
 * <pre>{@code
 * class MyRepositoryContractTest extends VideoRepositoryContract {
 *   @Override protected VideoRepository createRepository() { return new MyRepository(); }
 *   @Override protected Set<Capability> capabilities() { return Set.of(); }
 * }
 * }</pre>
 *
 * <p>Each test is named after the rule it checks ({@code vr3_2_...} checks rule VR-3.2), and its
 * failure message starts with the rule, then the operation with its arguments, expected versus
 * actual, and a hint ({@link Rule}). Rules that need a {@link Capability} the fixture does not
 * declare are reported as skipped, and the reasons are printed after the class has run.
 *
 * <p>Settings, each overridable here or by a system property: {@link #awaitTimeout()} ({@value
 * #AWAIT_PROPERTY}, milliseconds, default 10000), {@link #quietPeriod()} ({@value #QUIET_PROPERTY},
 * milliseconds, default 200), and the property engine's {@code videorepo.property.tries} and {@code
 * videorepo.property.seed} ({@link io.github.stoatferret.videorepo.contract.property.Property}).
 */
@DisplayNameGeneration(RuleDisplayNames.class)
public abstract class VideoRepositoryContract
    implements GeneralRules,
        StageRules,
        AddRules,
        AddAllRules,
        ReadRules,
        ListRules,
        PageRules,
        SearchRules,
        UpdateRules,
        DeleteRules,
        StreamRules,
        CloseRules,
        EventRules,
        ModelRules,
        ConcurrencyRules,
        BadInputRules,
        LoadRules,
        DraftRules,
        HealthRules,
        SizeRules,
        VersionRules,
        SearchPageRules,
        FeedRules {

  /** The system property for {@link #awaitTimeout()}, in milliseconds. */
  public static final String AWAIT_PROPERTY = "videorepo.contract.awaitMillis";

  /** The system property for {@link #quietPeriod()}, in milliseconds. */
  public static final String QUIET_PROPERTY = "videorepo.contract.quietMillis";

  // Reporting for the author, package-private so that it is no part of the kit's API.
  @RegisterExtension static final SkipReport SKIPPED_RULES = new SkipReport();
  @RegisterExtension static final ReplayCommand REPLAY_COMMAND = new ReplayCommand();

  private ContractKit kit;

  /** For subclasses. */
  protected VideoRepositoryContract() {}

  /**
   * Creates a new, empty repository. Called at least once per test; the kit closes each one after
   * the test.
   *
   * @return the repository
   */
  protected abstract VideoRepository createRepository();

  /**
   * The optional features this backend supports. There is no default: say what you support.
   *
   * @return the capabilities
   */
  protected abstract Set<Capability> capabilities();

  /**
   * Creates a new, empty repository that reports changes to a listener. Override it when you
   * declare {@link Capability#CHANGE_EVENTS}.
   *
   * @param listener the listener
   * @return the repository
   */
  protected VideoRepository createRepository(VideoChangeListener listener) {
    throw new UnsupportedOperationException(
        "declare Capability.CHANGE_EVENTS and override createRepository(VideoChangeListener)");
  }

  /**
   * Creates a new, empty repository whose change feed keeps about {@code retainedChanges} of the
   * latest changes (at least that many; prune more lazily if you must, the kit accepts either) and
   * buffers at most {@code bufferedChanges} undelivered changes per subscriber. Override it when
   * you declare {@link Capability#CHANGE_FEED}; the kit asks for small numbers to reach the limits
   * with a few hundred writes.
   *
   * @param retainedChanges how many of the latest changes to keep, at least 1
   * @param bufferedChanges how many changes to buffer per subscriber, at least 1
   * @return the repository
   */
  protected VideoRepository createRepositoryWithFeedLimits(
      int retainedChanges, int bufferedChanges) {
    throw new UnsupportedOperationException(
        "declare Capability.CHANGE_FEED and override"
            + " createRepositoryWithFeedLimits(int, int)");
  }

  /**
   * Opens a new repository over the storage of the last repository this fixture created, which the
   * kit has closed. Override it when you declare {@link Capability#REOPEN}.
   *
   * @return the reopened repository
   */
  protected VideoRepository reopenRepository() {
    throw new UnsupportedOperationException(
        "declare Capability.REOPEN and override reopenRepository()");
  }

  /**
   * How long to wait for a stage to complete or an event to arrive before the rule fails.
   *
   * @return the timeout
   */
  protected Duration awaitTimeout() {
    return Duration.ofMillis(Long.getLong(AWAIT_PROPERTY, 10_000));
  }

  /**
   * How long to watch for something that must not happen (an extra event).
   *
   * @return the period
   */
  protected Duration quietPeriod() {
    return Duration.ofMillis(Long.getLong(QUIET_PROPERTY, 200));
  }

  /** Gives each test a fresh kit. */
  @BeforeEach
  protected final void openKit() {
    kit = new ContractKit(this);
  }

  /** Closes every repository the test created. */
  @AfterEach
  protected final void closeKit() {
    kit.closeAll();
  }

  @Override
  public final ContractKit kit() {
    return kit;
  }
}
