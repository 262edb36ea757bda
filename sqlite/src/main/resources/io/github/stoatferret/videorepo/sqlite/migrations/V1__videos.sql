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

CREATE VIRTUAL TABLE videos_search USING fts5 (
  search_filename, search_path,
  content = 'videos', content_rowid = 'rowid',
  tokenize = 'trigram case_sensitive 1'
);
