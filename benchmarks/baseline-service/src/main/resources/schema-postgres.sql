CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE IF NOT EXISTS videos (
  id TEXT PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  filename TEXT NOT NULL,
  duration_frames BIGINT NOT NULL,
  frame_rate_numerator INTEGER NOT NULL,
  frame_rate_denominator INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  video_codec TEXT NOT NULL,
  audio_codec TEXT,
  file_size BIGINT NOT NULL,
  thumbnail_path TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS videos_created ON videos (created_at, id);
CREATE INDEX IF NOT EXISTS videos_filename_trgm ON videos USING gin (filename gin_trgm_ops);
CREATE INDEX IF NOT EXISTS videos_path_trgm ON videos USING gin (path gin_trgm_ops);
