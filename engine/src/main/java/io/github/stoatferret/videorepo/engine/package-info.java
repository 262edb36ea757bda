/**
 * The parts of an engine that runs operations on threads of its own, shared by the SQLite and the
 * PostgreSQL engines. Components, not a framework: each engine composes them in its store ({@code
 * SqliteStore}, {@code PostgresStore}) and keeps what is its own (SQLite's single writer,
 * checkpointer and index merger; PostgreSQL's writer lanes, retries and change-log thread).
 *
 * <ul>
 *   <li>{@link io.github.stoatferret.videorepo.engine.Gate}: admission of calls (argument checks on
 *       the caller's thread, refusal once closed or failed) and the handle on each caller's stage;
 *       {@link io.github.stoatferret.videorepo.engine.Admission} is its counter.
 *   <li>{@link io.github.stoatferret.videorepo.engine.EngineHealth}: the failure policy, the same
 *       in both engines: what a check throws is the operation's result, a driver's {@code
 *       SQLException} a mapped {@code StorageException}, anything else a non-retryable one, and an
 *       {@code Error} also ends the engine's service until it is reopened.
 *   <li>{@link io.github.stoatferret.videorepo.engine.TaskQueue} and {@link
 *       io.github.stoatferret.videorepo.engine.QueuedTask}: the writer threads' queue (group
 *       taking, the stop mark, uninterruptible waits) and the task every queue holds.
 *   <li>{@link io.github.stoatferret.videorepo.engine.CallbackExecutor} and {@link
 *       io.github.stoatferret.videorepo.engine.EngineThreads}: the threads an engine owns, and how
 *       close waits for them.
 *   <li>{@link io.github.stoatferret.videorepo.engine.VideoColumns}, {@link
 *       io.github.stoatferret.videorepo.engine.Micros}, {@link
 *       io.github.stoatferret.videorepo.engine.VideoImage} and {@link
 *       io.github.stoatferret.videorepo.engine.ChangeCounts}: a video as table columns, as log
 *       text, and what changes do to the count.
 * </ul>
 */
@NullMarked
package io.github.stoatferret.videorepo.engine;

import org.jspecify.annotations.NullMarked;
