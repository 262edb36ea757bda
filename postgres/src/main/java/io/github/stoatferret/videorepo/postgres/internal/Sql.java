package io.github.stoatferret.videorepo.postgres.internal;

/**
 * The statements of one catalogue, with its schema's name quoted into them once, at open.
 *
 * @param schema the quoted schema name
 * @param channel the NOTIFY channel of the catalogue's change log
 * @param insert inserts a video; bind with {@link VideoRows#bind}
 * @param addLogged inserts a video unless its id or path is taken, and if it did, advances the
 *     counter, notifies and logs the change like {@code append}; bind the video, the channel and
 *     the video's image; returns the counter and the transaction's id, or no row if a key was taken
 * @param update replaces a video's columns by id
 * @param byId reads a video by id
 * @param versionedById reads a video and its version by id
 * @param versionedForUpdate reads and locks a video and its version by id
 * @param byPath reads a video by path
 * @param keysTaken the ids and paths taken among some, for clash checks
 * @param delete deletes by id, returning the row
 * @param list one slice of list order: the offset, then the limit
 * @param page one page after a cursor
 * @param count the number of videos, kept in the change counter's row (schema V2)
 * @param append advances the change counter and the video count, notifies the channel and appends
 *     the changes to the log, in one statement; returns the counter and the transaction's id (see
 *     {@link ChangeLog#append} for its parameters)
 * @param readLog reads the log after a sequence number
 * @param lastSeq the change counter's value
 * @param pruneLog deletes log rows older than an interval, or more than a number of changes behind
 *     the counter
 * @param logBounds the oldest sequence number in the log (null when empty) and the counter's
 * @param commitStatus whether a transaction committed ({@code pg_xact_status} of its id), whether
 *     the log row at a position is the one it wrote (null if there is none), and the counter
 */
record Sql(
    String schema,
    String channel,
    String insert,
    String addLogged,
    String update,
    String byId,
    String versionedById,
    String versionedForUpdate,
    String byPath,
    String keysTaken,
    String delete,
    String list,
    String page,
    String count,
    String append,
    String readLog,
    String lastSeq,
    String pruneLog,
    String logBounds,
    String commitStatus) {

  /**
   * The statements of a schema.
   *
   * @param schemaName the schema's name, unquoted
   * @return the statements
   */
  static Sql forSchema(String schemaName) {
    String s = quote(schemaName);
    String videos = s + ".videos";
    String select = "SELECT " + VideoRows.COLUMNS + " FROM " + videos;
    String insert =
        "INSERT INTO "
            + videos
            + " ("
            + VideoRows.INSERT_COLUMNS
            + ") VALUES "
            + VideoRows.INSERT_VALUES;
    return new Sql(
        s,
        "videorepo_changes_" + schemaName,
        insert,
        "WITH added AS ("
            + insert
            + " ON CONFLICT DO NOTHING RETURNING 1),"
            + counter(s, "1", "1", "WHERE EXISTS (SELECT FROM added)")
            + " logged AS (INSERT INTO "
            + s
            + ".video_changes (seq, kind, after_image) SELECT seq, 'A', ? FROM counter)"
            + " SELECT seq, xid FROM counter",
        // Every update advances the version (VR-16.1); an insert takes the default, 1.
        "UPDATE "
            + videos
            + " SET "
            + VideoRows.UPDATE_SET
            + ", version = version + 1"
            + " WHERE id = ?",
        select + " WHERE id = ?",
        "SELECT version, " + VideoRows.COLUMNS + " FROM " + videos + " WHERE id = ?",
        "SELECT version, " + VideoRows.COLUMNS + " FROM " + videos + " WHERE id = ? FOR UPDATE",
        select + " WHERE path = ?",
        "SELECT id, path FROM " + videos + " WHERE id = ANY (?) OR path = ANY (?)",
        "DELETE FROM " + videos + " WHERE id = ? RETURNING " + VideoRows.COLUMNS,
        // The offset is walked over the list-order index alone, which holds just the two keys;
        // only the rows of the slice are read. (LIMIT ... OFFSET builds every skipped row: 2.8
        // times as slow at offset 19,000 of 20,000, ListDepthBenchmark.) No row at the offset:
        // the slice is empty.
        select
            + " WHERE (list_key, id) >= (SELECT list_key, id FROM "
            + videos
            + " ORDER BY list_key, id OFFSET ? LIMIT 1) ORDER BY list_key, id LIMIT ?",
        select + " WHERE (list_key, id) > (?, ?) ORDER BY list_key, id LIMIT ?",
        "SELECT videos FROM " + s + ".video_change_counter",
        // One round trip for the counter, the notification (sent at commit, like NOTIFY) and the
        // log rows, numbered from the counter's new value: seq - n + 1 to seq.
        "WITH"
            + counter(s, "?", "?", "")
            + " logged AS (INSERT INTO "
            + s
            + ".video_changes (seq, kind, before_image, after_image)"
            + " SELECT counter.seq - ? + e.n, e.kind, e.before_image, e.after_image FROM counter,"
            + " unnest(?::text[], ?::text[], ?::text[])"
            + " WITH ORDINALITY AS e(kind, before_image, after_image, n))"
            + " SELECT seq, xid FROM counter",
        "SELECT seq, kind, before_image, after_image FROM "
            + s
            + ".video_changes"
            + " WHERE seq > ? ORDER BY seq LIMIT ?",
        "SELECT seq FROM " + s + ".video_change_counter",
        // The log is in seq order, which is commit order: both limits cut a prefix of it.
        "DELETE FROM "
            + s
            + ".video_changes WHERE committed_at < now() - ?::interval"
            + " OR seq <= (SELECT seq FROM "
            + s
            + ".video_change_counter) - ?",
        "SELECT (SELECT min(seq) FROM "
            + s
            + ".video_changes),"
            + " (SELECT seq FROM "
            + s
            + ".video_change_counter)",
        "SELECT pg_xact_status(?::xid8),"
            + " (SELECT kind::text = ?::text AND before_image IS NOT DISTINCT FROM ?::text"
            + " AND after_image IS NOT DISTINCT FROM ?::text FROM "
            + s
            + ".video_changes WHERE seq = ?),"
            + " (SELECT seq FROM "
            + s
            + ".video_change_counter)");
  }

  /**
   * The common table expression {@code counter} that advances the change counter and the video
   * count, and returns the new counter value and the transaction's id: the row lock it takes orders
   * the commits (see {@link ChangeLog}). It notifies the channel (a parameter) too, in the same
   * round trip: the notification is sent at commit, like {@code NOTIFY}.
   */
  private static String counter(String schema, String changes, String videos, String where) {
    return " counter AS (UPDATE "
        + schema
        + ".video_change_counter SET seq = seq + "
        + changes
        + ", videos = videos + "
        + videos
        + (where.isEmpty() ? "" : " " + where)
        + " RETURNING seq, pg_current_xact_id()::text AS xid, pg_notify(?, '')),";
  }

  /**
   * A search, matching the folded file name or path with {@code LIKE}. With {@code indexed} false
   * the columns are wrapped so that the planner cannot pick the trigram index: a pattern of fewer
   * than three characters has no trigram, and PostgreSQL would scan the whole index.
   *
   * @param indexed whether the trigram index may serve the query
   * @return the statement: the pattern twice, then the limit
   */
  String search(boolean indexed) {
    return matching(indexed) + " ORDER BY list_key, id LIMIT ?";
  }

  /**
   * A page of a search: {@link #search}'s matches after a keyset position.
   *
   * @param indexed whether the trigram index may serve the query
   * @return the statement: the pattern twice, the position's list_key and id, then the limit
   */
  String searchPage(boolean indexed) {
    return matching(indexed) + " AND (list_key, id) > (?, ?) ORDER BY list_key, id LIMIT ?";
  }

  private String matching(boolean indexed) {
    String f = indexed ? "search_filename" : "(search_filename || '')";
    String p = indexed ? "search_path" : "(search_path || '')";
    return "SELECT "
        + VideoRows.COLUMNS
        + " FROM "
        + schema
        + ".videos WHERE ("
        + f
        + " LIKE ? ESCAPE '\\' OR "
        + p
        + " LIKE ? ESCAPE '\\')";
  }

  /**
   * Quotes an identifier for PostgreSQL.
   *
   * @param name the identifier
   * @return it in double quotes, inner quotes doubled
   */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
