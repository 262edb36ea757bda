/**
 * The SQLite engine, not exported. {@code SqliteStore} admits calls and owns the threads; the one
 * {@code Writer} thread commits groups of writes ({@code Writes}) on the writer connection and logs
 * their changes ({@code ChangeLog}); {@code Readers} and {@code PointReads} run reads ({@code
 * Reads}) on read-only connections; the {@code Checkpointer} copies the WAL back in the background
 * and the {@code SearchIndexMerger} merges the trigram index between the writer's groups when its
 * {@code MergeScheduler} says (idle, or asked by {@code optimize}). {@code Database} opens
 * connections with the pragmas, {@code Schema} migrates, {@code Statements} caches a connection's
 * prepared statements, {@code VideoRows} maps rows, {@code SqlErrors} maps SQLite's errors to the
 * specification's exceptions. See ARCHITECTURE.md for the threads and the life of an operation.
 */
@NullMarked
package io.github.stoatferret.videorepo.sqlite.internal;

import org.jspecify.annotations.NullMarked;
