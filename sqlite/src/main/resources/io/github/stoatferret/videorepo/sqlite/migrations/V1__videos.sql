-- Schema version 1: the videos table, its list-order index and the trigram search index.
-- Applied by SqliteVideoRepository at open (PRAGMA user_version records the version); named the
-- Flyway way so that teams who run Flyway can adopt the scripts.

CREATE TABLE videos (
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
  created_at_us          INTEGER NOT NULL, -- microseconds since the epoch
  updated_at_us          INTEGER NOT NULL,
  -- List order is createdAt descending, then id ascending: with the negated instant, both
  -- ascend, so a keyset page is one row-value range seek on the index below.
  list_key               INTEGER NOT NULL, -- = -created_at_us
  -- SearchText.fold of filename and path, computed in Java so that every backend folds alike.
  search_filename        TEXT    NOT NULL,
  search_path            TEXT    NOT NULL
);

CREATE INDEX videos_list_order ON videos (list_key, id);

-- Trigrams of the folded text, for queries of 3+ characters. It holds the rowids only
-- (contentless) and no positions (detail=none): a query asks for rows holding all the query's
-- trigrams and checks each candidate with instr() on the columns above. filename_text is empty
-- when the folded file name is inside the folded path, as it usually is: the path's trigrams
-- already cover it.
CREATE VIRTUAL TABLE videos_search USING fts5 (
  path_text, filename_text,
  content = '', contentless_delete = 1,
  tokenize = 'trigram case_sensitive 1', detail = none
);
