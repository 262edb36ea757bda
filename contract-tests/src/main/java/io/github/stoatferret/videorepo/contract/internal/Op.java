package io.github.stoatferret.videorepo.contract.internal;

import io.github.stoatferret.videorepo.DuplicateVideoException;
import io.github.stoatferret.videorepo.InvalidArgumentException;
import io.github.stoatferret.videorepo.VersionConflictException;
import io.github.stoatferret.videorepo.Video;
import io.github.stoatferret.videorepo.VideoNotFoundException;
import io.github.stoatferret.videorepo.VideoRepository;
import io.github.stoatferret.videorepo.contract.Rule;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * One repository operation with its arguments: run against a backend by {@link #invoke} and against
 * the reference model by {@link ModelState#apply}.
 */
public sealed interface Op {

  /**
   * Calls the operation on a backend.
   *
   * @param repository the backend
   * @return its stage
   */
  CompletionStage<?> invoke(VideoRepository repository);

  /**
   * The rule that first specifies the operation's result, for failure messages.
   *
   * @return the rule
   */
  Rule rule();

  /**
   * The rule a step breaks when the backend's outcome differs from the model's: the rule that
   * specifies the outcome the model expected or the one the backend gave (a path clash on {@code
   * update} is VR-8.3, not VR-8.1), else {@link #rule()}.
   *
   * @param expected the model's outcome
   * @param actual the backend's outcome
   * @return the rule
   */
  default Rule rule(Outcome expected, Outcome actual) {
    Class<? extends Throwable> failure = expected.isOk() ? actual.failure() : expected.failure();
    if ((!actual.isOk() && !expected.isOk() && expected.failure() != actual.failure())
        || (failure != null
            && failure != DuplicateVideoException.class
            && failure != VideoNotFoundException.class
            && failure != VersionConflictException.class
            && failure != InvalidArgumentException.class)) {
      return Rule.VR_1_8; // a failure of the wrong type, or of a type the step cannot have
    }
    if (this instanceof Add) {
      return failure == null ? Rule.VR_2_1 : Rule.VR_2_2;
    }
    if (this instanceof AddAll) {
      return failure == null ? Rule.VR_3_1 : Rule.VR_3_2;
    }
    if (this instanceof UpdateIfVersion) {
      return failure == DuplicateVideoException.class ? Rule.VR_8_3 : Rule.VR_16_2;
    }
    if (this instanceof Update) {
      if (failure == VideoNotFoundException.class) {
        return Rule.VR_8_2;
      }
      return failure == DuplicateVideoException.class ? Rule.VR_8_3 : Rule.VR_8_1;
    }
    return rule();
  }

  /**
   * Whether the operation may change the stored videos.
   *
   * @return {@code true} for writes
   */
  boolean writes();

  /**
   * {@code add(video)}.
   *
   * @param video the video
   */
  record Add(Video video) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.add(video);
    }

    @Override
    public Rule rule() {
      return Rule.VR_2_2;
    }

    @Override
    public boolean writes() {
      return true;
    }

    @Override
    public String toString() {
      return "add(" + Op.show(video) + ")";
    }
  }

  /**
   * {@code addAll(videos)}.
   *
   * @param videos the batch
   */
  record AddAll(List<Video> videos) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.addAll(videos);
    }

    @Override
    public Rule rule() {
      return Rule.VR_3_2;
    }

    @Override
    public boolean writes() {
      return true;
    }

    @Override
    public String toString() {
      return "addAll("
          + videos.stream().map(Op::show).collect(Collectors.joining(", ", "[", "]"))
          + ")";
    }
  }

  /**
   * {@code get(id)}.
   *
   * @param id the id
   */
  record Get(String id) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.get(id);
    }

    @Override
    public Rule rule() {
      return Rule.VR_4_1;
    }

    @Override
    public boolean writes() {
      return false;
    }

    @Override
    public String toString() {
      return "get(\"" + id + "\")";
    }
  }

  /**
   * {@code getByPath(path)}.
   *
   * @param path the path
   */
  record GetByPath(String path) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.getByPath(path);
    }

    @Override
    public Rule rule() {
      return Rule.VR_4_2;
    }

    @Override
    public boolean writes() {
      return false;
    }

    @Override
    public String toString() {
      return "getByPath(\"" + path + "\")";
    }
  }

  /**
   * {@code list(limit, offset)}.
   *
   * @param limit the limit
   * @param offset the offset
   */
  record ListOp(int limit, int offset) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.list(limit, offset);
    }

    @Override
    public Rule rule() {
      return Rule.VR_5_2;
    }

    @Override
    public boolean writes() {
      return false;
    }

    @Override
    public String toString() {
      return "list(" + limit + ", " + offset + ")";
    }
  }

  /**
   * {@code search(query, limit)}.
   *
   * @param query the query
   * @param limit the limit
   */
  record Search(String query, int limit) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.search(query, limit);
    }

    @Override
    public Rule rule() {
      return Rule.VR_7_1;
    }

    @Override
    public boolean writes() {
      return false;
    }

    @Override
    public String toString() {
      return "search(\"" + query + "\", " + limit + ")";
    }
  }

  /**
   * {@code update(video)}.
   *
   * @param video the new content
   */
  record Update(Video video) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.update(video);
    }

    @Override
    public Rule rule() {
      return Rule.VR_8_1;
    }

    @Override
    public boolean writes() {
      return true;
    }

    @Override
    public String toString() {
      return "update(" + Op.show(video) + ")";
    }
  }

  /**
   * {@code delete(id)}.
   *
   * @param id the id
   */
  record Delete(String id) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.delete(id);
    }

    @Override
    public Rule rule() {
      return Rule.VR_9_1;
    }

    @Override
    public boolean writes() {
      return true;
    }

    @Override
    public String toString() {
      return "delete(\"" + id + "\")";
    }
  }

  /**
   * {@code getVersioned(id)}.
   *
   * @param id the id
   */
  record GetVersioned(String id) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.getVersioned(id);
    }

    @Override
    public Rule rule() {
      return Rule.VR_16_1;
    }

    @Override
    public boolean writes() {
      return false;
    }

    @Override
    public String toString() {
      return "getVersioned(\"" + id + "\")";
    }
  }

  /**
   * {@code update(video, expectedVersion)}.
   *
   * @param video the new content
   * @param expectedVersion the version expected
   */
  record UpdateIfVersion(Video video, long expectedVersion) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.update(video, expectedVersion);
    }

    @Override
    public Rule rule() {
      return Rule.VR_16_2;
    }

    @Override
    public boolean writes() {
      return true;
    }

    @Override
    public String toString() {
      return "update(" + Op.show(video) + ", " + expectedVersion + ")";
    }
  }

  /**
   * {@code delete(id, expectedVersion)}.
   *
   * @param id the id
   * @param expectedVersion the version expected
   */
  record DeleteIfVersion(String id, long expectedVersion) implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.delete(id, expectedVersion);
    }

    @Override
    public Rule rule() {
      return Rule.VR_16_3;
    }

    @Override
    public boolean writes() {
      return true;
    }

    @Override
    public String toString() {
      return "delete(\"" + id + "\", " + expectedVersion + ")";
    }
  }

  /** {@code count()}. */
  record Count() implements Op {
    @Override
    public CompletionStage<?> invoke(VideoRepository r) {
      return r.count();
    }

    @Override
    public Rule rule() {
      return Rule.VR_10_1;
    }

    @Override
    public boolean writes() {
      return false;
    }

    @Override
    public String toString() {
      return "count()";
    }
  }

  /**
   * A short form of a video for sequences: the fields the model's pools vary.
   *
   * @param v the video
   * @return the text
   */
  static String show(Video v) {
    return "{id=\""
        + v.id()
        + "\", path=\""
        + v.path()
        + "\", created="
        + v.createdAt()
        + ", updated="
        + v.updatedAt()
        + ", size="
        + v.fileSize()
        + "}";
  }
}
