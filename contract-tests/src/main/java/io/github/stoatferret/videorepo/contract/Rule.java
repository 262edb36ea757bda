package io.github.stoatferret.videorepo.contract;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of rules: each rule of the {@code VideoRepository} Javadoc, what it says, and what
 * to look at when its test fails. A test method named {@code vrN_M_...} checks rule {@code VR-N.M},
 * and its failure messages start with that id.
 *
 * <p>It grows with the specification, in minor releases: do not switch over it exhaustively.
 */
public enum Rule {
  /** VR-1.1 */
  VR_1_1(
      "No method throws: every failure, bad arguments included, arrives through the stage",
      "Wrap the method body so that exceptions become a failed stage; check argument validation"
          + " is not done before creating the stage"),
  /** VR-1.2 */
  VR_1_2(
      "A null argument or list element fails the stage with InvalidArgumentException naming"
          + " it",
      "Check every parameter with Arguments.notNull or noNulls inside the stage, never"
          + " with Objects.requireNonNull (a NullPointerException is not the caller's error type)"),
  /** VR-1.3 */
  VR_1_3(
      "A negative limit or offset fails with InvalidArgumentException naming it; limit 0"
          + " gives an empty result",
      "Validate with Arguments.limit and Arguments.offset before"
          + " reading; return early for limit 0"),
  /** VR-1.4 */
  VR_1_4(
      "After close every operation fails with RepositoryClosedException, even with bad"
          + " arguments",
      "Check the closed state before validating arguments"),
  /** VR-1.5 */
  VR_1_5(
      "Operations are atomic and linearizable",
      "Look for check-then-act races between"
          + " uniqueness checks and inserts, for reads that see half of a write, and for a write's"
          + " stage that completes before its commit is visible to every reader"),
  /** VR-1.6 */
  VR_1_6(
      "A failed operation changes nothing and sends no event",
      "Validate and check uniqueness before writing anything, or roll back"),
  /** VR-1.7 */
  VR_1_7(
      "A stored video reads back equal to the one written, every field exactly",
      "Check column types and conversions: long ranges, nullable fields, Unicode, instants to the"
          + " microsecond"),
  /** VR-1.8 */
  VR_1_8(
      "Failures have the specified exception types",
      "Map storage errors to StorageException, clashes to DuplicateVideoException and rejected"
          + " input to InvalidArgumentException (Arguments, PageCursor and Video throw it)"),
  /** VR-1.9 */
  VR_1_9(
      "Any sequence of operations gives the results and state that the reference model"
          + " computes",
      "Replay the printed seed and compare the first step whose result differs"),
  /** VR-1.10 */
  VR_1_10(
      "A returned stage is read-only: no caller can complete or obtrude its outcome, and"
          + " cancel returns false, changes nothing and never throws",
      "Return Stages.run(...) for work done on the caller's thread, or a"
          + " BackendFuture.engineOwned(callbacks) that your threads complete, not the"
          + " CompletableFuture the backend completes nor a JDK minimal stage (whose cancel"
          + " throws)"),
  /** VR-1.11 */
  VR_1_11(
      "A callback attached to a stage may call the repository and wait for the result",
      "Callbacks must not run on the only thread that runs the operations: return a"
          + " BackendFuture.engineOwned(callbacks) whose callback executor is not your worker,"
          + " or run operations on the caller's thread (Stages.run)"),
  /** VR-1.12 */
  VR_1_12(
      "Writes that one thread calls one after another take effect in that order, even without"
          + " waiting for the earlier stages",
      "Queue one thread's writes on one queue (one writer, or a writer per calling thread), not"
          + " on a pool whose threads may overtake each other"),
  /** VR-2.1 */
  VR_2_1("add stores the video and returns it", "Return the video as stored"),
  /** VR-2.2 */
  VR_2_2(
      "add fails with DuplicateVideoException naming ID, else PATH, when either is taken",
      "Check the id before the path; both are unique keys"),
  /** VR-3.1 */
  VR_3_1("addAll stores every video and returns them in input order", "Keep the input order"),
  /** VR-3.2 */
  VR_3_2(
      "addAll is atomic: one clash, with stored videos or within the batch, stores none and"
          + " reports the first clash in batch order",
      "Use one transaction, check clashes inside the batch, report the first"),
  /** VR-3.3 */
  VR_3_3(
      "addAll of an empty list stores nothing and returns an empty list",
      "Do not treat an empty batch as an error"),
  /** VR-4.1 */
  VR_4_1("get returns the stored video or empty", "Compare ids exactly"),
  /** VR-4.2 */
  VR_4_2("getByPath returns the video with exactly that path or empty", "Compare paths exactly"),
  /** VR-5.1 */
  VR_5_1(
      "list returns videos newest first, ties by id in code-point order",
      "Order by createdAt descending, then id ascending by code point (UTF-8 byte order), not"
          + " by String.compareTo"),
  /** VR-5.2 */
  VR_5_2(
      "list returns the videos at positions offset to offset+limit-1",
      "Check off-by-one errors in offset and limit"),
  /** VR-6.1 */
  VR_6_1("page walks the whole set in list order", "Seek strictly after the cursor's key"),
  /** VR-6.2 */
  VR_6_2(
      "nextCursor is null exactly when no further video existed",
      "Read one more row than the limit to know whether another page exists"),
  /** VR-6.3 */
  VR_6_3(
      "A cursor survives deletes and inserts; videos present throughout a walk appear once",
      "Use a keyset on (createdAt, id), not an offset"),
  /** VR-6.4 */
  VR_6_4(
      "A malformed, truncated or altered cursor fails with InvalidArgumentException of"
          + " parameter cursor",
      "Decode cursors with PageCursor.decode or validate them as strictly"),
  /** VR-7.1 */
  VR_7_1(
      "search matches SearchText.fold(query) within the folded filename or path, in list"
          + " order",
      "Fold both sides with SearchText.fold; do not use SQL LIKE or lower()"),
  /** VR-7.2 */
  VR_7_2("The empty query matches every video", "Do not treat the empty query as no match"),
  /** VR-7.3 */
  VR_7_3(
      "Any query is taken literally; NUL or an unpaired surrogate matches nothing",
      "Escape LIKE and full-text syntax, or match in Java"),
  /** VR-7.4 */
  VR_7_4(
      "searchPage walks the matches in pages that together are the search's matches in list"
          + " order; nextCursor is null exactly when no further match existed",
      "Seek strictly after the cursor's (createdAt, id) among the matches and read one more match"
          + " than the limit; filter with the same folding as search"),
  /** VR-7.5 */
  VR_7_5(
      "A search cursor is a position in list order: it survives deletes, changes and inserts,"
          + " matches present throughout appear once, and forged cursors are refused",
      "Use PageCursor (a keyset on createdAt and id), not an offset into the matches"),
  /** VR-8.1 */
  VR_8_1(
      "update replaces every field but createdAt and stores updatedAt as given",
      "Keep the stored createdAt; write every other column"),
  /** VR-8.2 */
  VR_8_2(
      "update of an absent id fails with VideoNotFoundException",
      "Check the row count of the update"),
  /** VR-8.3 */
  VR_8_3(
      "update to a path another video holds fails with DuplicateVideoException(PATH); a path"
          + " left is free at once",
      "Enforce path uniqueness on update too"),
  /** VR-9.1 */
  VR_9_1(
      "delete returns whether it removed a video, and frees its path",
      "Return the affected row count"),
  /** VR-10.1 */
  VR_10_1("count returns the number of stored videos", "Count committed rows only"),
  /** VR-11.1 */
  VR_11_1(
      "stream follows the Reactive Streams rules and emits the list in order",
      "Never emit more than requested; complete exactly once"),
  /** VR-11.2 */
  VR_11_2(
      "stream is weakly consistent: videos present throughout appear once",
      "Walk with page cursors"),
  /** VR-12.1 */
  VR_12_1("close is idempotent and never throws", "Guard close with a flag"),
  /** VR-12.2 */
  VR_12_2(
      "close waits for operations in flight; none is left pending",
      "Drain or fail queued work before closing connections"),
  /** VR-12.3 */
  VR_12_3(
      "Operations after close fail with RepositoryClosedException",
      "Check the closed flag in every operation"),
  /** VR-12.4 */
  VR_12_4(
      "A persistent backend keeps every acknowledged write across close and reopen",
      "Commit before completing a write's stage; close must not drop queued writes"),
  /** VR-13.1 */
  VR_13_1(
      "The listener gets one event per committed change, in commit order",
      "Publish events after commit, in commit order, one per video"),
  /** VR-13.2 */
  VR_13_2(
      "Updated events carry the before and after images and the changed fields",
      "Read the old row in the same transaction as the update"),
  /** VR-13.3 */
  VR_13_3(
      "Failed operations and deletes of absent ids send no event",
      "Publish only after a successful commit"),
  /** VR-13.4 */
  VR_13_4(
      "A throwing listener never fails the operation or stops later events",
      "Catch and log listener exceptions"),
  /** VR-14.1 */
  VR_14_1(
      "create stores the fields with a new random id and createdAt = updatedAt = the clock's"
          + " instant",
      "Use the default method, or Video.newId() and one clock().instant() for both"
          + " timestamps, then add"),
  /** VR-14.2 */
  VR_14_2(
      "update(id, fields) replaces the fields, keeps createdAt and stamps updatedAt with the"
          + " clock",
      "Use the default method, or update(fields.toVideo(id, now, now)) with now from" + " clock()"),
  /** VR-15.1 */
  VR_15_1(
      "health() always completes: up while operations are served, down with the reason"
          + " (closed) when not",
      "Turn every failure of the probe into RepositoryHealth.down; never" + " fail the stage"),
  /** VR-15.2 */
  VR_15_2(
      "statistics() answers at once and never throws, also after close: an unmodifiable map"
          + " of non-negative numbers",
      "Read counters and sizes you already keep; return Map.copyOf" + " of them"),
  /** VR-16.1 */
  VR_16_1(
      "Every stored video has a version: 1 when added, one more after each successful update,"
          + " unchanged by a failed operation; getVersioned returns it",
      "Store the version with the row, set it to 1 on insert and add 1 in the same statement as"
          + " every update"),
  /** VR-16.2 */
  VR_16_2(
      "update(video, expectedVersion) applies only at the expected version, else fails with"
          + " VersionConflictException carrying the stored version and changes nothing",
      "Compare the version in the update's own WHERE clause (or under the write lock), check it"
          + " before the path, and report the stored version read in the same transaction"),
  /** VR-16.3 */
  VR_16_3(
      "delete(id, expectedVersion) deletes only at the expected version and returns the video"
          + " removed, else fails as the conditional update does",
      "Compare the version in the delete's own WHERE clause; an absent id is"
          + " VideoNotFoundException, not false"),
  /** VR-16.4 */
  VR_16_4(
      "Of concurrent conditional writes expecting the same version, exactly one succeeds",
      "Check and write the version atomically: one statement, or one transaction that locks"
          + " the row; a read followed by a separate write lets two writers win"),
  /** VR-17.1 */
  VR_17_1(
      "Every committed change reaches the feed once, in commit order, with a position greater"
          + " than every earlier change's",
      "Number changes where commits are ordered (the writer"
          + " thread, the lock, the row lock of a counter), one number per change of a batch"),
  /** VR-17.2 */
  VR_17_2(
      "changesAfter(p) emits exactly the changes after p: the kept ones, then live ones, with"
          + " no gap and no duplicate at the seam; changes() starts after the latest",
      "Register the subscriber before reading the kept changes, and emit a change only if its"
          + " position is greater than the last one emitted (spi.ChangeHub does both)"),
  /** VR-17.3 */
  VR_17_3(
      "Each subscriber gets no more than it requested, and a slow or blocked one delays"
          + " neither writes nor other subscribers, yet still receives every change",
      "Signal subscribers on threads of their own, never the writer's; buffer a bounded number"
          + " of changes each and let one further behind read the kept changes"),
  /** VR-17.4 */
  VR_17_4(
      "A position whose following changes are no longer kept fails with"
          + " ChangePositionExpiredException naming it and the oldest kept; no change is skipped",
      "Compare the position with the oldest kept before reading, also for a subscriber that fell"
          + " behind; never start from the oldest kept instead"),
  /** VR-17.5 */
  VR_17_5(
      "close() sends every subscriber the changes of the writes it drained, then onComplete;"
          + " a later subscriber gets RepositoryClosedException, a null position"
          + " InvalidArgumentException",
      "End the feed after the writer's last commit, not before;"
          + " complete the subscribers instead of forgetting them"),
  /** VR-17.6 */
  VR_17_6(
      "A persistent backend reopened over the same storage emits the same kept changes at the"
          + " same positions and numbers new ones after them",
      "Store the position with each"
          + " change in the same transaction as the write; start numbering after the stored"
          + " maximum");

  private final String statement;
  private final String hint;

  Rule(String statement, String hint) {
    this.statement = statement;
    this.hint = hint;
  }

  /**
   * The rule's id as the Javadoc writes it.
   *
   * @return e.g. {@code VR-3.2}
   */
  public String id() {
    return name().replaceFirst("_", "-").replace('_', '.');
  }

  /**
   * What the rule says.
   *
   * @return one sentence
   */
  public String statement() {
    return statement;
  }

  /**
   * What to look at when the rule's test fails.
   *
   * @return a hint for the implementer
   */
  public String hint() {
    return hint;
  }

  /**
   * Finds the rule a test method is named after.
   *
   * @param methodName e.g. {@code vr3_2_addAllIsAtomic}
   * @return the rule, or {@code null} if the name does not start with a rule id
   */
  public static @Nullable Rule forMethod(String methodName) {
    String lower = methodName.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("vr")) {
      return null;
    }
    String[] parts = lower.substring(2).split("_", 3);
    if (parts.length < 2) {
      return null;
    }
    try {
      return valueOf("VR_" + parts[0] + "_" + parts[1]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
