package io.github.stoatferret.videorepo.contract.selftest;

import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Capability;
import io.github.stoatferret.videorepo.contract.Rule;
import io.github.stoatferret.videorepo.contract.selftest.BrokenLifecycle.Disk;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The broken twins, as the Reactive Streams TCK keeps them: for every rule of the catalogue at
 * least one backend that breaks it the way a real backend could, and the tests of that rule, which
 * must fail it with the rule's id. The reference backend is here too, to pass everything.
 */
final class Twins {

  /** Opens a backend over a fixture's listener and storage. */
  @FunctionalInterface
  interface Backend {
    VideoRepository open(VideoChangeListener listener, Disk disk);
  }

  /**
   * One backend of the self-test.
   *
   * @param name its name, for the launcher and the report
   * @param rule the rule it breaks, or {@code null} for the reference
   * @param capabilities what its fixture declares
   * @param backend how to open it
   * @param tests the prefixes of the test methods to run: the rule's own, unless given
   */
  record Twin(
      String name, Rule rule, Set<Capability> capabilities, Backend backend, List<String> tests) {
    /** The test-method prefix of a rule: {@code VR_3_2} is {@code vr3_2_}. */
    static String prefixOf(Rule rule) {
      return rule.name().toLowerCase(Locale.ROOT).replaceFirst("_", "") + "_";
    }

    @Override
    public String toString() {
      return rule == null ? name : name + " breaks " + rule.id();
    }
  }

  private static final Set<Capability> NONE = EnumSet.noneOf(Capability.class);
  private static final Set<Capability> EVENTS = EnumSet.of(Capability.CHANGE_EVENTS);
  private static final Set<Capability> FEED = EnumSet.of(Capability.CHANGE_FEED);

  /** The reference backend: passes every rule. */
  static final Twin REFERENCE =
      new Twin(
          "Reference",
          null,
          EnumSet.of(Capability.CHANGE_EVENTS, Capability.CHANGE_FEED),
          (listener, disk) -> new ReferenceRepository(listener, disk.freshWindow(), disk.buffered),
          List.of("vr"));

  /** Valid backends written differently from the reference: each must pass its tests. */
  static final List<Twin> VALID =
      List.of(
          new Twin(
              "ReactorStream",
              null,
              NONE,
              (listener, disk) -> new ReactorStreamRepository(),
              List.of("vr11_", "vr12_3_")),
          new Twin(
              "PersistentReference",
              null,
              EnumSet.of(Capability.CHANGE_FEED, Capability.REOPEN),
              (listener, disk) -> new BrokenLifecycle.Persistent(disk),
              List.of("vr12_4_", "vr17_")));

  /**
   * One realistic bug run against the whole kit, not only its rule's tests: every failure it causes
   * must name VR-8.3 first, the tests of other rules saying that they follow from it.
   */
  static final Twin PLANTED_UPDATE_PATH_BUG =
      new Twin(
          "TakesAnotherVideosPathOnUpdate",
          Rule.VR_8_3,
          EVENTS,
          (listener, disk) -> new BrokenRepositories.TakesAnotherVideosPathOnUpdate(listener),
          List.of("vr"));

  /** The reference declaring no capability, for the event rules: each is skipped, with why. */
  static final Twin REFERENCE_WITHOUT_EVENTS =
      new Twin(
          "ReferenceWithoutEvents",
          null,
          NONE,
          (listener, disk) -> new ReferenceRepository(),
          List.of(Twin.prefixOf(Rule.VR_13_1)));

  /** Every broken twin. */
  static final List<Twin> BROKEN =
      List.of(
          twin(Rule.VR_1_1, BrokenRepositories.ThrowsInsteadOfFailing::new),
          twin(Rule.VR_1_2, BrokenReadsAndWrites.NullPointerExceptionForNull::new),
          twin(Rule.VR_1_3, BrokenReadsAndWrites.NegativeLimitIsEmpty::new),
          twin(Rule.VR_1_4, BrokenReadsAndWrites.ValidatesBeforeClosed::new),
          twin(Rule.VR_1_5, BrokenRepositories.RacyCheckThenInsert::new),
          twin(Rule.VR_1_6, BrokenReadsAndWrites.StoresBeforeTheNull::new),
          twin(Rule.VR_1_7, BrokenReadsAndWrites.MillisecondInstants::new),
          twin(Rule.VR_1_8, BrokenReadsAndWrites.WrongFailureType::new),
          twin(Rule.VR_1_9, BrokenReadsAndWrites.StaleOrderAfterUpdate::new),
          twin(Rule.VR_1_10, BrokenRepositories.WritableStages::new),
          twin(Rule.VR_1_10, BrokenRepositories.CancelThrowsLikeAMinimalStage::new),
          twin(Rule.VR_1_11, BrokenLifecycle.CompletesOnItsOnlyThread::new),
          twin(Rule.VR_1_11, BrokenLifecycle.WritesCompleteOnTheWriterThread::new),
          twin(Rule.VR_1_12, BrokenLifecycle.WritesOnAPool::new),
          twin(Rule.VR_2_1, BrokenReadsAndWrites.ReturnsAnotherUpdatedAt::new),
          twin(Rule.VR_2_2, BrokenReadsAndWrites.PathClashReportedAsId::new),
          twin(Rule.VR_3_1, BrokenReadsAndWrites.AddAllReturnsListOrder::new),
          twin(Rule.VR_3_2, BrokenRepositories.NonAtomicAddAll::new),
          twin(
              "RefusedBatchStaysSearchable",
              Rule.VR_3_2,
              BrokenReadsAndWrites.RefusedBatchStaysSearchable::new),
          twin(Rule.VR_3_3, BrokenReadsAndWrites.RefusesEmptyBatch::new),
          twin(Rule.VR_3_2, BrokenRepositories.ChecksBatchesInChunks::new),
          twin(Rule.VR_5_2, BrokenRepositories.LimitsCappedAtTenThousand::new),
          twin(Rule.VR_7_1, BrokenRepositories.SearchesTheFirst255Characters::new),
          twin(Rule.VR_7_1, BrokenRepositories.TruncatesQueriesTo64::new),
          twin(Rule.VR_4_1, BrokenReadsAndWrites.CaseInsensitiveGet::new),
          twin(Rule.VR_4_2, BrokenReadsAndWrites.CaseInsensitivePath::new),
          twin(Rule.VR_5_1, BrokenRepositories.Utf16IdOrder::new),
          twin(Rule.VR_5_2, BrokenReadsAndWrites.OffsetOffByOne::new),
          twin(Rule.VR_6_1, BrokenReadsAndWrites.PageRepeatsTheCursorsVideo::new),
          twin(Rule.VR_6_2, BrokenReadsAndWrites.CursorAfterTheLastFullPage::new),
          twin(Rule.VR_6_3, BrokenReadsAndWrites.OffsetCursor::new),
          twin(Rule.VR_6_4, BrokenRepositories.LenientCursor::new),
          twin(Rule.VR_7_1, BrokenRepositories.CaseSensitiveSearch::new),
          twin("FilenameOnlySearch", Rule.VR_7_1, BrokenReadsAndWrites.FilenameOnlySearch::new),
          twin(Rule.VR_7_2, BrokenReadsAndWrites.EmptyQueryMatchesNothing::new),
          twin(Rule.VR_7_3, BrokenReadsAndWrites.LikeWildcards::new),
          twin(Rule.VR_7_4, BrokenSearchPages.CursorAfterEveryFullPage::new),
          twin(Rule.VR_7_5, BrokenSearchPages.OffsetSearchCursor::new),
          twin(Rule.VR_8_1, BrokenRepositories.LosesCreatedAt::new),
          twin(Rule.VR_8_2, BrokenReadsAndWrites.UpsertOnUpdate::new),
          twin(Rule.VR_8_3, BrokenRepositories.IgnoresPathUniquenessOnUpdate::new),
          twin(Rule.VR_9_1, BrokenReadsAndWrites.DeleteAlwaysTrue::new),
          twin(Rule.VR_10_1, BrokenReadsAndWrites.CountIgnoresDeletes::new),
          twin(Rule.VR_11_1, BrokenLifecycle.StreamIgnoresDemand::new),
          twin(Rule.VR_11_1, BrokenLifecycle.PublisherSharesItsWalk::new),
          twin("StreamByOffsets", Rule.VR_11_2, BrokenReadsAndWrites.OffsetCursor::new),
          twin(Rule.VR_12_1, BrokenLifecycle.CloseThrowsTwice::new),
          twin(Rule.VR_12_2, BrokenLifecycle.AbandonsQueuedWorkOnClose::new),
          twin(Rule.VR_12_2, BrokenLifecycle.CloseHangs::new),
          twin(Rule.VR_12_3, BrokenLifecycle.CountsAfterClose::new),
          new Twin(
              "WritesBehindByOne",
              Rule.VR_12_4,
              EnumSet.of(Capability.REOPEN),
              (listener, disk) -> new BrokenLifecycle.WritesBehindByOne(disk),
              List.of(Twin.prefixOf(Rule.VR_12_4))),
          eventTwin(Rule.VR_13_1, BrokenLifecycle.BatchEventsReversed::new),
          eventTwin(Rule.VR_13_2, BrokenLifecycle.UpdatedWithoutFields::new),
          eventTwin(Rule.VR_13_3, BrokenRepositories.EventForFailedAdd::new),
          eventTwin(Rule.VR_13_4, BrokenLifecycle.ListenerFailureFailsTheWrite::new),
          twin(Rule.VR_14_1, BrokenReadsAndWrites.CreateIgnoresTheClock::new),
          twin(Rule.VR_14_2, BrokenReadsAndWrites.UpdateFromFieldsKeepsUpdatedAt::new),
          twin(Rule.VR_15_1, BrokenReadsAndWrites.HealthFailsWhenClosed::new),
          twin(Rule.VR_15_2, BrokenReadsAndWrites.StatisticsThrowWhenClosed::new),
          twin(Rule.VR_16_1, BrokenVersions.PlainUpdateKeepsTheVersion::new),
          twin(Rule.VR_16_2, BrokenVersions.ConditionalUpdateIgnoresTheVersion::new),
          twin(Rule.VR_16_3, BrokenVersions.ConditionalDeleteIgnoresTheVersion::new),
          twin(Rule.VR_16_4, BrokenVersions.ChecksTheVersionThenWrites::new),
          feedTwin(Rule.VR_17_1, BrokenFeeds.FeedLeavesOutDeletes::new),
          feedTwin(Rule.VR_17_2, BrokenFeeds.ResumeRepeatsThePosition::new),
          feedTwin(Rule.VR_17_2, BrokenFeeds.ChangesReplaysThePast::new),
          feedTwin(Rule.VR_17_3, BrokenFeeds.FeedIgnoresDemand::new),
          feedTwin(Rule.VR_17_4, BrokenFeeds.ClampsToTheOldestKept::new),
          feedTwin(Rule.VR_17_5, BrokenFeeds.ForgetsSubscribersOnClose::new),
          new Twin(
              "RenumbersAfterReopening",
              Rule.VR_17_6,
              EnumSet.of(Capability.CHANGE_FEED, Capability.REOPEN),
              (listener, disk) -> new BrokenLifecycle.RenumbersAfterReopening(disk),
              List.of(Twin.prefixOf(Rule.VR_17_6))));

  private Twins() {}

  /** Finds a backend by name. */
  static Twin named(String name) {
    if (name.equals(REFERENCE.name())) {
      return REFERENCE;
    }
    for (Twin special : List.of(PLANTED_UPDATE_PATH_BUG, REFERENCE_WITHOUT_EVENTS)) {
      if (name.equals(special.name())) {
        return special;
      }
    }
    return java.util.stream.Stream.concat(VALID.stream(), BROKEN.stream())
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no twin named " + name));
  }

  private static Twin twin(Rule rule, Supplier<VideoRepository> backend) {
    return twin(backend.get().getClass().getSimpleName(), rule, backend);
  }

  private static Twin twin(String name, Rule rule, Supplier<VideoRepository> backend) {
    return new Twin(
        name, rule, NONE, (listener, disk) -> backend.get(), List.of(Twin.prefixOf(rule)));
  }

  private static Twin feedTwin(Rule rule, Function<Disk, VideoRepository> backend) {
    return new Twin(
        backend.apply(new Disk()).getClass().getSimpleName(),
        rule,
        FEED,
        (listener, disk) -> backend.apply(disk),
        List.of(Twin.prefixOf(rule)));
  }

  private static Twin eventTwin(Rule rule, Function<VideoChangeListener, VideoRepository> backend) {
    return new Twin(
        backend.apply(VideoChangeListener.NONE).getClass().getSimpleName(),
        rule,
        EVENTS,
        (listener, disk) -> backend.apply(listener),
        List.of(Twin.prefixOf(rule)));
  }
}
