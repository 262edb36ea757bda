-- videorepo SQLite schema, version 4: the videos table is STRICT, so SQLite itself refuses a
-- value of the wrong type in any column (SQLITE_CONSTRAINT_DATATYPE), whichever program writes
-- it: a text column holds text, an integer column an integer. Reading then takes each column
-- with one typed driver call instead of asking the driver for the value's type first (two
-- calls), which was most of what reading a row cost (VideoRows). Values that are of the right
-- type but not a valid video (a zero frame rate, a year past 9999) are still checked when read.
-- STRICT tables need SQLite 3.37 or later in every program that opens the file.
--
-- The rows keep their rowids (list_slot), so the trigram index, which refers to rows by rowid,
-- stays as it is. A row whose value has the wrong type stops the migration; the engine names
-- the row and the column, and nothing is changed until it is repaired.

CREATE TABLE videos_v4 (
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
) STRICT;

INSERT INTO videos_v4 SELECT list_slot, id, path, filename, duration_frames,
    frame_rate_numerator, frame_rate_denominator, width, height, video_codec, audio_codec,
    file_size, thumbnail_path, created_at_us, updated_at_us, list_key, search_filename,
    search_path
  FROM videos ORDER BY list_slot;

DROP TABLE videos;

ALTER TABLE videos_v4 RENAME TO videos;

CREATE INDEX videos_list_order ON videos (list_key, id);
