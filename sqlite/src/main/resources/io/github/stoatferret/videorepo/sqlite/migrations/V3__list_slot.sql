-- videorepo SQLite schema, version 3: each row's key (list_slot, the rowid) follows list order
-- when read backwards, and the trigram index holds it inverted (~list_slot), so that the index,
-- which returns candidates in its rowid order, returns them in list order, and a search stops at
-- its limit instead of fetching and sorting every candidate (a rare term at 1M videos had
-- 1,000). It also makes the rowid explicit, so VACUUM keeps it, and with it the index's keys.
--
-- list_slot = ((created_at_us >> 12) << 16) + n: createdAt in microseconds cut into buckets of
-- 4,096 us, each with 65,536 slots taken in turn (n). Rows of a smaller bucket come later in list
-- order; inside one bucket the order is not kept, so a search reads its last bucket whole and
-- sorts what it found. Newer videos get larger keys: an import appends at the table's end. The
-- 65,537th row of a bucket spills below -2^62 (in no order; a search reads those rows whole).
-- With years 0001 to 9999 every bucket's slots lie between -2^62 and 2^62. A program that
-- inserts rows with its own SQL must choose list_slot the same way (ListSlots in the writer) and
-- index the row under ~list_slot.

CREATE TABLE videos_v3 (
  list_slot              INTEGER PRIMARY KEY,
  id                     TEXT    NOT NULL UNIQUE,
  path                   TEXT    NOT NULL UNIQUE,
  filename               TEXT    NOT NULL,
  duration_frames        INTEGER NOT NULL,
  frame_rate_numerator   INTEGER NOT NULL,
  frame_rate_denominator INTEGER NOT NULL,
  width                  INTEGER NOT NULL,
  height                 INTEGER NOT NULL,
  video_codec            TEXT    NOT NULL,
  audio_codec            TEXT,
  file_size              INTEGER NOT NULL,
  thumbnail_path         TEXT,
  created_at_us          INTEGER NOT NULL,
  updated_at_us          INTEGER NOT NULL,
  list_key               INTEGER NOT NULL,
  search_filename        TEXT    NOT NULL,
  search_path            TEXT    NOT NULL
);

-- Slots in list order inside each bucket; a bucket's rows past 65,536 spill, numbered apart.
INSERT INTO videos_v3 (list_slot, id, path, filename, duration_frames, frame_rate_numerator,
    frame_rate_denominator, width, height, video_codec, audio_codec, file_size, thumbnail_path,
    created_at_us, updated_at_us, list_key, search_filename, search_path)
  SELECT CASE WHEN n < 65536 THEN ((created_at_us >> 12) << 16) + n
              ELSE -9223372036854775807 + everywhere END,
    id, path, filename, duration_frames, frame_rate_numerator, frame_rate_denominator, width,
    height, video_codec, audio_codec, file_size, thumbnail_path, created_at_us, updated_at_us,
    list_key, search_filename, search_path
  FROM (SELECT *,
          row_number() OVER (PARTITION BY created_at_us >> 12 ORDER BY list_key DESC, id DESC)
            - 1 AS n,
          row_number() OVER (ORDER BY list_key, id) AS everywhere
        FROM videos)
  ORDER BY 1;

DROP TABLE videos;

ALTER TABLE videos_v3 RENAME TO videos;

CREATE INDEX videos_list_order ON videos (list_key, id);

-- The search index refers to rows by rowid: rebuilt on the new keys, as the writer fills it:
-- under ~list_slot (bitwise not), so that its ascending order, the one FTS5 reads fastest, is
-- list order; the file name's text only when it is not inside the path's.
DROP TABLE videos_search;

CREATE VIRTUAL TABLE videos_search USING fts5 (
  path_text, filename_text,
  content = '', contentless_delete = 1,
  tokenize = 'trigram case_sensitive 1', detail = none
);

INSERT INTO videos_search (rowid, path_text, filename_text)
  SELECT ~list_slot, search_path,
         CASE WHEN instr(search_path, search_filename) > 0 THEN '' ELSE search_filename END
  FROM videos ORDER BY list_slot DESC;
