package io.github.stoatferret.videorepo.contract;

/**
 * Optional features a backend may support. A fixture declares the ones it supports in {@link
 * VideoRepositoryContract#capabilities()}; the rules that need an undeclared one are reported as
 * skipped, with the reason, never silently dropped.
 *
 * <p>It grows with the specification, in minor releases: do not switch over it exhaustively.
 */
public enum Capability {
  /**
   * The backend takes a {@link io.github.stoatferret.videorepo.VideoChangeListener}: the fixture
   * overrides {@link VideoRepositoryContract#createRepository(
   * io.github.stoatferret.videorepo.VideoChangeListener)}. Enables rules VR-13.*.
   */
  CHANGE_EVENTS,
  /**
   * The backend has a change feed ({@code changes()}, {@code changesAfter}): the fixture overrides
   * {@link VideoRepositoryContract#createRepositoryWithFeedLimits(int, int)}. Enables rules VR-17.*
   * (VR-17.6 with {@link #REOPEN} too).
   */
  CHANGE_FEED,
  /**
   * The backend persists: the fixture overrides {@link VideoRepositoryContract#reopenRepository()}
   * to open a new repository over the storage of the last one it created. Enables rule VR-12.4.
   */
  REOPEN
}
