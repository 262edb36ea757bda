/**
 * The SQLite backend. Start at {@link
 * io.github.stoatferret.videorepo.sqlite.SqliteVideoRepository}.
 */
@NullMarked
package io.github.stoatferret.videorepo.sqlite;

import org.jspecify.annotations.NullMarked;
