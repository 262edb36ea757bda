package io.github.stoatferret.videorepo;

import java.util.Objects;

/**
 * A committed change as the change feed delivers it: the change and its place in commit order (rule
 * VR-17.1). {@link #kind()} lets Java 17 code switch on what happened; the {@link VideoChangeEvent}
 * records carry the videos.
 *
 * <pre>{@code
 * switch (event.kind()) {
 *   case ADDED -> index(((VideoChangeEvent.Added) event.change()).video());
 *   case UPDATED -> reindex(((VideoChangeEvent.Updated) event.change()).after());
 *   case DELETED -> unindex(event.id());
 * }
 * checkpoint(event.position());
 * }</pre>
 *
 * @param position where the change stands in commit order; a subscriber resumes after it
 * @param change the change
 */
public record ChangeFeedEvent(ChangePosition position, VideoChangeEvent change) {

  /**
   * Checks both are present.
   *
   * @param position the {@linkplain #position() position}
   * @param change the {@linkplain #change() change}
   */
  public ChangeFeedEvent {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(change, "change");
  }

  /**
   * What kind of change it is.
   *
   * @return the change's kind
   */
  public VideoChangeEvent.Kind kind() {
    return change.kind();
  }

  /**
   * The id of the video that changed.
   *
   * @return the id
   */
  public String id() {
    return change.id();
  }
}
