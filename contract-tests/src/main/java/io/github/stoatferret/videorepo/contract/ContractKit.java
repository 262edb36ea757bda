package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoChangeListener;
import io.github.stoatferret.videorepo.VideoPage;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.internal.Outcome;
import io.github.stoatferret.videorepo.contract.property.Printable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * What the rule tests use: the repositories of one test, calls that await a stage within the
 * timeout and turn every surprise into a failure message that names the rule, the operation and its
 * arguments, and expected versus actual.
 */
public final class ContractKit {

  private static final Instant BASE = Instant.parse("2024-05-01T12:00:00.123456Z");

  private final VideoRepositoryContract fixture;
  private final List<VideoRepository> opened = new CopyOnWriteArrayList<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private @Nullable VideoRepository repository;

  ContractKit(VideoRepositoryContract fixture) {
    this.fixture = fixture;
  }

  // ---- repositories ----

  /**
   * The test's repository, created empty on first use and closed after the test.
   *
   * @return the repository
   */
  public VideoRepository repository() {
    VideoRepository current = repository;
    if (current == null) {
      current = freshRepository();
      repository = current;
    }
    return current;
  }

  /**
   * Another empty repository, closed after the test.
   *
   * @return the repository
   */
  public VideoRepository freshRepository() {
    return track(fixture.createRepository(), "createRepository()");
  }

  /**
   * An empty repository that reports changes to a listener; needs {@link Capability#CHANGE_EVENTS}.
   *
   * @param listener the listener
   * @return the repository
   */
  public VideoRepository freshRepository(VideoChangeListener listener) {
    return track(fixture.createRepository(listener), "createRepository(listener)");
  }

  /**
   * An empty repository whose change feed keeps about {@code retained} changes and buffers {@code
   * buffered} per subscriber; needs {@link Capability#CHANGE_FEED}.
   *
   * @param retained changes kept
   * @param buffered changes buffered per subscriber
   * @return the repository
   */
  public VideoRepository freshRepositoryWithFeedLimits(int retained, int buffered) {
    return track(
        fixture.createRepositoryWithFeedLimits(retained, buffered),
        "createRepositoryWithFeedLimits(" + retained + ", " + buffered + ")");
  }

  /**
   * Opens the storage of the last repository again; needs {@link Capability#REOPEN}.
   *
   * @return the reopened repository
   */
  public VideoRepository reopen() {
    return track(fixture.reopenRepository(), "reopenRepository()");
  }

  private VideoRepository track(VideoRepository r, String method) {
    if (r == null) {
      throw new AssertionFailedError("the fixture's " + method + " returned null");
    }
    VideoRepository bounded = new BoundedClose(r, awaitTimeout());
    opened.add(bounded);
    return bounded;
  }

  void closeAll() {
    try {
      for (VideoRepository r : opened) {
        r.close();
      }
    } finally {
      opened.clear();
    }
  }

  /**
   * Skips the calling test, with the reason, unless the fixture declared a capability.
   *
   * @param capability the capability the rule needs
   * @param rule the rule
   */
  public void require(Capability capability, Rule rule) {
    Assumptions.assumeTrue(
        fixture.capabilities().contains(capability),
        () ->
            rule.id()
                + " needs capability "
                + capability
                + ", which the fixture does not declare in capabilities()");
  }

  // ---- timeouts and sizes ----

  /**
   * How long to wait for a stage or an event.
   *
   * @return the fixture's await timeout
   */
  public Duration awaitTimeout() {
    return fixture.awaitTimeout();
  }

  /**
   * How long to watch for something that must not happen.
   *
   * @return the fixture's quiet period
   */
  public Duration quietPeriod() {
    return fixture.quietPeriod();
  }

  // ---- sample videos ----

  /**
   * A valid video with the given id, a path made from it, and a {@code createdAt} later than every
   * sample made before it in this test.
   *
   * @param id the id
   * @return the video
   */
  public Video video(String id) {
    return video(id, "/videos/" + id + ".mp4");
  }

  /**
   * A valid video with the given id and path.
   *
   * @param id the id
   * @param path the path
   * @return the video
   */
  public Video video(String id, String path) {
    return video(id, path, BASE.plusSeconds(sequence.incrementAndGet()));
  }

  /**
   * A valid video with the given id, path and {@code createdAt}.
   *
   * @param id the id
   * @param path the path
   * @param createdAt when it was created
   * @return the video
   */
  public Video video(String id, String path, Instant createdAt) {
    String filename = path.substring(path.lastIndexOf('/') + 1);
    return Video.builder()
        .id(id)
        .path(path)
        .filename(filename.isBlank() ? "video" : filename)
        .durationFrames(1440)
        .frameRate(24000, 1001)
        .resolution(1920, 1080)
        .videoCodec("h264")
        .audioCodec("aac")
        .fileSize(10_485_760L)
        .timestamps(createdAt)
        .build();
  }

  // ---- calls ----

  /**
   * Calls an operation and waits for its outcome. A method that throws instead of returning a
   * stage, returns {@code null}, or whose stage does not complete within the timeout fails the test
   * (rule VR-1.1 for the first two).
   *
   * @param rule the rule the test checks
   * @param operation the call as text, e.g. {@code add(a)}
   * @param call the call
   * @return the outcome
   */
  Outcome outcome(Rule rule, String operation, Supplier<? extends CompletionStage<?>> call) {
    Settled s = settle(rule, operation, call);
    return s.error == null ? Outcome.ok(s.value) : Outcome.failed(s.error);
  }

  /**
   * Calls an operation that must succeed, and returns its value.
   *
   * @param <T> the value type
   * @param rule the rule the test checks
   * @param operation the call as text
   * @param call the call
   * @return the value
   */
  @SuppressWarnings("unchecked")
  public <T> T ok(Rule rule, String operation, Supplier<? extends CompletionStage<T>> call) {
    Settled s = settle(rule, operation, call);
    if (s.error != null) {
      throw failure(rule, operation, "success", Outcome.failed(s.error), s.error);
    }
    if (s.value == null) { // every operation's value is non-null: a list, an Optional, a count
      throw failure(Rule.VR_1_1, operation, "a value", "the stage completed with null", null);
    }
    return (T) s.value;
  }

  /**
   * Calls an operation that must fail with a given type of exception, and returns it.
   *
   * @param <E> the exception type
   * @param rule the rule the test checks
   * @param operation the call as text
   * @param type the expected type
   * @param call the call
   * @return the exception
   */
  public <E extends Throwable> E fails(
      Rule rule, String operation, Class<E> type, Supplier<? extends CompletionStage<?>> call) {
    Settled s = settle(rule, operation, call);
    if (!type.isInstance(s.error)) {
      Object actual = s.error == null ? Outcome.ok(s.value) : Outcome.failed(s.error);
      throw failure(rule, operation, "failed with " + type.getSimpleName(), actual, s.error);
    }
    return type.cast(s.error);
  }

  private record Settled(@Nullable Object value, @Nullable Throwable error) {}

  private Settled settle(Rule rule, String operation, Supplier<? extends CompletionStage<?>> call) {
    CompletionStage<?> stage;
    try {
      stage = call.get();
    } catch (RuntimeException | Error e) {
      throw failure(Rule.VR_1_1, operation, "a stage (possibly failed)", "it threw " + e, e);
    }
    if (stage == null) {
      throw failure(Rule.VR_1_1, operation, "a stage", "null", null);
    }
    CompletableFuture<Object> done = new CompletableFuture<>();
    stage.whenComplete(
        (v, e) -> {
          if (e != null) {
            done.completeExceptionally(e);
          } else {
            done.complete(v);
          }
        });
    try {
      return new Settled(done.get(awaitTimeout().toMillis(), TimeUnit.MILLISECONDS), null);
    } catch (ExecutionException e) {
      return new Settled(null, unwrap(e));
    } catch (TimeoutException e) {
      throw failure(
          rule,
          operation,
          "the stage to complete",
          "still pending after " + awaitTimeout().toMillis() + " ms",
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(rule, operation, "the stage to complete", "interrupted", e);
    }
  }

  /**
   * Asserts a value, failing with the rule's message.
   *
   * @param rule the rule
   * @param operation what was called
   * @param expected the expected value
   * @param actual the actual value
   */
  public void expect(
      Rule rule, String operation, @Nullable Object expected, @Nullable Object actual) {
    if (!java.util.Objects.equals(expected, actual)) {
      throw failure(rule, operation, expected, actual, null);
    }
  }

  /**
   * Asserts a condition, failing with the rule's message.
   *
   * @param rule the rule
   * @param operation what was called
   * @param condition the condition
   * @param expected what was expected, in words
   * @param actual what happened, in words
   */
  public void expectThat(
      Rule rule, String operation, boolean condition, String expected, @Nullable Object actual) {
    if (!condition) {
      throw failure(rule, operation, expected, actual, null);
    }
  }

  /**
   * Makes a failure that names the rule, the operation, expected and actual, and the hint.
   *
   * @param rule the rule
   * @param operation the call as text
   * @param expected what was expected
   * @param actual what happened
   * @param cause the underlying exception, or {@code null}
   * @return the error to throw
   */
  public static AssertionFailedError failure(
      Rule rule,
      String operation,
      @Nullable Object expected,
      @Nullable Object actual,
      @Nullable Throwable cause) {
    return failure(rule, operation, expected, actual, cause, null);
  }

  /**
   * Makes a failure as {@link #failure(Rule, String, Object, Object, Throwable)} does, saying also
   * which test found it when that test checks another rule.
   *
   * @param rule the rule
   * @param operation the call as text
   * @param expected what was expected
   * @param actual what happened
   * @param cause the underlying exception, or {@code null}
   * @param foundBy which test found it and why this rule comes first, or {@code null}
   * @return the error to throw
   */
  static AssertionFailedError failure(
      Rule rule,
      String operation,
      @Nullable Object expected,
      @Nullable Object actual,
      @Nullable Throwable cause,
      @Nullable String foundBy) {
    // expected and actual may be whole lists of videos: the message keeps a readable part (the
    // first difference says where to look) and the error keeps them whole for an IDE's diff.
    String message =
        "["
            + rule.id()
            + "] "
            + rule.statement()
            + (foundBy == null ? "" : "\n  found by:  " + foundBy)
            + "\n  operation: "
            + operation
            + firstDifference(expected, actual)
            + "\n  expected:  "
            + cut(String.valueOf(expected))
            + "\n  actual:    "
            + cut(String.valueOf(actual))
            + "\n  hint:      "
            + rule.hint();
    return new AssertionFailedError(Printable.xmlSafe(message), expected, actual, cause);
  }

  private static String cut(String text) {
    int max = 2_000;
    return text.length() <= max
        ? text
        : text.substring(0, max) + "... (" + (text.length() - max) + " more characters)";
  }

  /**
   * Where two lists first differ, by index and video id, so that a reader need not compare two long
   * lists by eye; empty when they are not both lists.
   */
  private static String firstDifference(@Nullable Object expected, @Nullable Object actual) {
    if (!(expected instanceof List<?> e) || !(actual instanceof List<?> a)) {
      return "";
    }
    int n = Math.min(e.size(), a.size());
    for (int i = 0; i < n; i++) {
      if (!java.util.Objects.equals(e.get(i), a.get(i))) {
        return "\n  first difference at index "
            + i
            + ": expected "
            + brief(e.get(i))
            + ", actual "
            + brief(a.get(i));
      }
    }
    if (e.size() == a.size()) {
      return "";
    }
    return "\n  first difference at index "
        + n
        + ": "
        + (e.size() > n
            ? "expected " + brief(e.get(n)) + ", actual: the list ends (" + a.size() + " items)"
            : "expected the list to end (" + e.size() + " items), actual " + brief(a.get(n)));
  }

  private static String brief(@Nullable Object item) {
    if (item instanceof Video v) {
      return "the video with id \"" + v.id() + "\"";
    }
    String text = String.valueOf(item);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  /**
   * Removes the wrappers that futures put around a failure.
   *
   * @param t the failure
   * @return the first cause that is not a {@link CompletionException} or {@link ExecutionException}
   */
  public static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }

  /**
   * Reads every stored video in list order.
   *
   * @param rule the rule being checked
   * @return the videos
   */
  public List<Video> all(Rule rule) {
    return all(rule, repository());
  }

  /**
   * Reads every video of a repository in list order.
   *
   * @param rule the rule being checked
   * @param repo the repository
   * @return the videos
   */
  public List<Video> all(Rule rule, VideoRepository repo) {
    List<Video> out = new ArrayList<>();
    int limit = 1000;
    for (int offset = 0; ; offset += limit) {
      int from = offset;
      List<Video> chunk =
          ok(rule, "list(" + limit + ", " + from + ")", () -> repo.list(limit, from));
      out.addAll(chunk);
      if (chunk.size() < limit) {
        return out;
      }
    }
  }

  /**
   * Walks every page of a repository and returns the videos in the order the pages gave them.
   *
   * @param rule the rule being checked
   * @param repo the repository
   * @param size the page size
   * @return the videos
   */
  public List<Video> walk(Rule rule, VideoRepository repo, int size) {
    List<Video> out = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 1_000_000; pages++) {
      String from = cursor;
      String op = "page(" + from + ", " + size + ")";
      VideoPage p = ok(rule, op, () -> repo.page(from, size));
      expectThat(
          rule, op, p.items().size() <= size, "at most " + size + " items", p.items().size());
      out.addAll(p.items());
      if (p.nextCursor() == null) {
        return out;
      }
      cursor = p.nextCursor();
    }
    throw failure(rule, "page walk", "an end", "a million pages", null);
  }
}
