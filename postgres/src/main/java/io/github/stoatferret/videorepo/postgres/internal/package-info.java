/**
 * The PostgreSQL engine, not exported. {@code PostgresStore} admits calls and owns the threads:
 * worker threads run reads ({@code Reads}), writer lanes ({@code Writer}) commit groups of writes
 * ({@code WriteTask}, {@code Writes}) through {@code Transactions} (retries within the budget,
 * commit outcomes resolved by transaction id), which also append each group's changes to the change
 * log ({@code ChangeLog}); one thread follows the log ({@code ChangeFeed}) for the listener and the
 * feed. {@code Schema} migrates, {@code Sql} holds a catalogue's statements, {@code VideoRows} maps
 * rows, {@code SqlErrors} maps SQL states. See ARCHITECTURE.md.
 */
@NullMarked
package io.github.stoatferret.videorepo.postgres.internal;

import org.jspecify.annotations.NullMarked;
