package io.github.stoatferret.videorepo.contract;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Rules VR-1.10 and VR-1.11: a returned stage is read-only to its caller, and a callback on it may
 * call the repository and wait.
 */
interface StageRules extends RuleTests {

  /**
   * Tries every way a caller could complete a stage: on the stage itself if it is a {@code
   * CompletableFuture}, and on what {@code toCompletableFuture()} returns. (Cancelling is {@link
   * #cancel}'s.) A refusal ({@link UnsupportedOperationException}) is a correct answer; so is a
   * copy that takes the forgery while the stage keeps its own outcome.
   *
   * @param <T> the value type
   * @param stage the stage a repository returned
   * @param forged the value a caller tries to force on it
   */
  private static <T> void tamper(CompletionStage<T> stage, T forged) {
    List<CompletableFuture<T>> targets = new ArrayList<>();
    if (stage instanceof CompletableFuture<T> future) {
      targets.add(future);
    }
    targets.add(stage.toCompletableFuture());
    for (CompletableFuture<T> f : targets) {
      List<Runnable> attempts =
          List.of(
              () -> f.complete(forged),
              () -> f.completeExceptionally(new IllegalStateException("forged by the caller")),
              () -> f.obtrudeException(new IllegalStateException("forged by the caller")),
              () -> f.obtrudeValue(forged));
      for (Runnable attempt : attempts) {
        try {
          attempt.run();
        } catch (UnsupportedOperationException refused) {
          // a read-only stage: what the rule asks for
        }
      }
    }
  }

  /**
   * Cancels a stage as an adapter does when its subscriber goes away: on the stage itself, if it is
   * a {@code Future}, which must answer {@code false} and not throw; and on the copy {@code
   * toCompletableFuture()} gives, which is the caller's to cancel.
   *
   * @param stage the stage a repository returned
   * @param operation the call, for the message
   */
  private void cancel(CompletionStage<?> stage, String operation) {
    if (stage instanceof Future<?> future) {
      boolean cancelled;
      try {
        cancelled = future.cancel(true);
      } catch (RuntimeException e) {
        throw ContractKit.failure(
            Rule.VR_1_10,
            "cancel(true) on the stage of " + operation,
            "false, and no exception",
            "it threw " + e,
            e);
      }
      kit().expect(Rule.VR_1_10, "cancel(true) on the stage of " + operation, false, cancelled);
    }
    stage.toCompletableFuture().cancel(true);
  }

  /**
   * VR-1.10: cancelling the stage of any operation, at once or later, returns {@code false}, throws
   * nothing, and the operation takes effect as if nobody had cancelled it.
   */
  @Test
  default void vr1_10_cancellingAnyStageIsHarmless() {
    VideoRepository repo = kit().repository();
    List<Video> videos = new ArrayList<>();
    List<CompletionStage<Video>> adds = new ArrayList<>();
    for (int i = 0; i < 100; i++) { // many at once, so that some are still pending when cancelled
      Video v = kit().video("c" + i);
      videos.add(v);
      CompletionStage<Video> add = repo.add(v);
      cancel(add, "add(c" + i + ")");
      adds.add(add);
    }
    for (int i = 0; i < adds.size(); i++) {
      CompletionStage<Video> add = adds.get(i);
      kit()
          .expect(
              Rule.VR_1_10,
              "add(c" + i + ") after its stage was cancelled",
              videos.get(i),
              kit().ok(Rule.VR_1_10, "add(c" + i + ")", () -> add));
      cancel(add, "add(c" + i + "), once complete");
    }
    Video batchVideo = kit().video("b");
    Video moved = videos.get(0).toBuilder().path("/moved").build();
    List<CompletionStage<?>> others =
        List.of(
            repo.addAll(List.of(batchVideo)),
            repo.get("c1"),
            repo.getByPath(videos.get(1).path()),
            repo.list(),
            repo.page(null, 5),
            repo.search("c"),
            repo.update(moved),
            repo.delete("c2"),
            repo.count(),
            repo.add(videos.get(3)));
    List<String> names =
        List.of(
            "addAll([b])",
            "get(c1)",
            "getByPath(c1's path)",
            "list()",
            "page(null, 5)",
            "search(\"c\")",
            "update(c0 to /moved)",
            "delete(c2)",
            "count()",
            "add(c3) again");
    for (int i = 0; i < others.size(); i++) {
      cancel(others.get(i), names.get(i));
    }
    for (int i = 0; i < others.size() - 1; i++) {
      CompletionStage<?> stage = others.get(i);
      kit().ok(Rule.VR_1_10, names.get(i) + " after its stage was cancelled", () -> stage);
    }
    kit()
        .fails(
            Rule.VR_1_10,
            "add(c3) again, after its stage was cancelled",
            DuplicateVideoException.class,
            () -> others.get(others.size() - 1));
    kit()
        .expect(
            Rule.VR_1_10,
            "get(c0) after a cancelled update moved it",
            Optional.of(moved),
            kit().ok(Rule.VR_1_10, "get(c0)", () -> repo.get("c0")));
    kit()
        .expect(
            Rule.VR_1_10,
            "count() after cancelled adds, addAll and delete",
            100L,
            kit().ok(Rule.VR_1_10, "count()", repo::count));
  }

  /**
   * VR-1.10: completing, cancelling or obtruding a write's stage changes neither it nor the write.
   */
  @Test
  default void vr1_10_callersCannotCompleteOrCancelAWritesStage() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    Video forged = kit().video("forged");
    CompletionStage<Video> add = repo.add(a);
    cancel(add, "add(a)");
    tamper(add, forged);
    kit()
        .expect(
            Rule.VR_1_10,
            "add(a), after its caller tried to cancel, complete and obtrude" + " it",
            a,
            kit().ok(Rule.VR_1_10, "add(a)", () -> add));
    kit()
        .expect(
            Rule.VR_1_10,
            "get(\"a\") after add(a) whose stage was cancelled by its caller",
            Optional.of(a),
            kit().ok(Rule.VR_1_10, "get(\"a\")", () -> repo.get("a")));
    CompletionStage<Video> clash = repo.add(a);
    cancel(clash, "add(a) again");
    tamper(clash, forged);
    kit()
        .fails(
            Rule.VR_1_10,
            "add(a) again, after its caller tried to complete it",
            DuplicateVideoException.class,
            () -> clash);
    CompletionStage<Boolean> delete = repo.delete("a");
    tamper(delete, false);
    kit()
        .expect(
            Rule.VR_1_10,
            "delete(\"a\"), after its caller tried to complete it",
            true,
            kit().ok(Rule.VR_1_10, "delete(\"a\")", () -> delete));
  }

  /** VR-1.10: a read's stage keeps the value read, whatever its caller does to it. */
  @Test
  default void vr1_10_callersCannotCompleteOrCancelAReadsStage() {
    VideoRepository repo = kit().repository();
    Video a = kit().video("a");
    kit().ok(Rule.VR_1_10, "add(a)", () -> repo.add(a));
    CompletionStage<Optional<Video>> get = repo.get("a");
    cancel(get, "get(\"a\")");
    tamper(get, Optional.empty());
    kit()
        .expect(
            Rule.VR_1_10,
            "get(\"a\"), after its caller tried to complete it with empty",
            Optional.of(a),
            kit().ok(Rule.VR_1_10, "get(\"a\")", () -> get));
    CompletionStage<Long> count = repo.count();
    tamper(count, -1L);
    kit()
        .expect(
            Rule.VR_1_10,
            "count(), after its caller tried to complete it with -1",
            1L,
            kit().ok(Rule.VR_1_10, "count()", () -> count));
    CompletionStage<List<Video>> list = repo.list();
    tamper(list, List.of());
    kit()
        .expect(
            Rule.VR_1_10,
            "list(), after its caller tried to complete it with []",
            List.of(a),
            kit().ok(Rule.VR_1_10, "list()", () -> list));
  }

  /**
   * VR-1.11: a callback may call any operation, a write as well as a read, and wait for it, whether
   * the stage it is attached to succeeded or failed, and whether that stage came from a write or a
   * read: a backend whose writer thread completes write stages (reads on the caller's thread)
   * deadlocks only where the inner call is a write.
   */
  @Test
  default void vr1_11_aCallbackMayCallAnyOperationAndWait() {
    VideoRepository repo = kit().repository();
    List<Video> seeds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      seeds.add(kit().video("s" + i));
    }
    kit().ok(Rule.VR_1_11, "addAll([s0, s1, s2])", () -> repo.addAll(seeds));
    AtomicInteger fresh = new AtomicInteger();
    Map<String, Supplier<CompletionStage<?>>> inner = new LinkedHashMap<>();
    inner.put("add(new)", () -> repo.add(kit().video("in" + fresh.incrementAndGet())));
    inner.put(
        "addAll([new])", () -> repo.addAll(List.of(kit().video("in" + fresh.incrementAndGet()))));
    inner.put(
        "update(s1)",
        () -> repo.update(seeds.get(1).toBuilder().fileSize(fresh.incrementAndGet()).build()));
    inner.put("delete(absent)", () -> repo.delete("absent"));
    inner.put("get(s0)", () -> repo.get("s0"));
    inner.put("getByPath(s0's path)", () -> repo.getByPath(seeds.get(0).path()));
    inner.put("list(5, 0)", () -> repo.list(5, 0));
    inner.put("page(null, 5)", () -> repo.page(null, 5));
    inner.put("search(\"s\")", () -> repo.search("s"));
    inner.put("count()", repo::count);
    Map<String, Supplier<CompletionStage<?>>> outer = new LinkedHashMap<>();
    outer.put(
        "add(new), which succeeds", () -> repo.add(kit().video("out" + fresh.incrementAndGet())));
    outer.put("add(s0), which fails", () -> repo.add(seeds.get(0)));
    outer.put("get(s2)", () -> repo.get("s2"));
    outer.put("delete(s2 again)", () -> repo.delete("never-" + fresh.incrementAndGet()));
    // A callback attached to a stage that is already complete runs on the attaching thread: each
    // is attached from a daemon thread of its own, so that a backend that deadlocks fails the
    // test after the await timeout instead of hanging the test thread.
    ExecutorService attaching =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "videorepo-kit-callback");
              t.setDaemon(true);
              return t;
            });
    try {
      Map<String, CompletionStage<?>> nested = new LinkedHashMap<>();
      for (var o : outer.entrySet()) {
        for (var i : inner.entrySet()) {
          String op = o.getKey() + ".handle((v, e) -> " + i.getKey() + ".join())";
          nested.put(
              op,
              CompletableFuture.supplyAsync(
                      () ->
                          o.getValue()
                              .get()
                              .handle((v, e) -> i.getValue().get().toCompletableFuture().join()),
                      attaching)
                  .thenCompose(stage -> stage));
        }
      }
      for (var n : nested.entrySet()) {
        kit().ok(Rule.VR_1_11, n.getKey(), () -> n.getValue());
      }
    } finally {
      attaching.shutdown(); // threads stuck in a deadlocked backend are daemons: left behind
    }
  }

  /**
   * VR-1.11: a callback that calls the repository and joins the result does not deadlock. Many
   * calls at once, so that some callbacks are attached before their stage completes and run on
   * whatever thread completes it.
   */
  @Test
  default void vr1_11_aCallbackMayCallTheRepositoryAndWait() {
    VideoRepository repo = kit().repository();
    List<CompletionStage<Optional<Video>>> nested = new ArrayList<>();
    List<Video> videos = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Video v = kit().video("v" + i);
      videos.add(v);
      nested.add(
          repo.add(v).thenApply(stored -> repo.get(stored.id()).toCompletableFuture().join()));
    }
    for (int i = 0; i < nested.size(); i++) {
      CompletionStage<Optional<Video>> stage = nested.get(i);
      String op = "add(v" + i + ").thenApply(x -> get(\"v" + i + "\").join())";
      kit()
          .expect(
              Rule.VR_1_11,
              op,
              Optional.of(videos.get(i)),
              kit().ok(Rule.VR_1_11, op, () -> stage));
    }
    CompletionStage<Optional<Video>> read =
        repo.get("v0")
            .thenCompose(found -> repo.get("v1"))
            .thenApply(found -> repo.get("v0").toCompletableFuture().join());
    kit()
        .expect(
            Rule.VR_1_11,
            "get(v0).thenCompose(get(v1)).thenApply(x -> get(v0).join())",
            Optional.of(videos.get(0)),
            kit().ok(Rule.VR_1_11, "get(v0), then get(v1), then get(v0).join()", () -> read));
  }
}
