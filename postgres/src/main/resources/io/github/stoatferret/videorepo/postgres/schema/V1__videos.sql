-- videorepo schema version 1. {schema} is the catalogue's schema, quoted; the library runs this
-- inside the migration transaction, or a user's own tool runs V1, V2, ... in order (Flyway, with
-- its placeholder prefix and suffix set to the braces around schema here; Liquibase; by hand),
-- then opens with SchemaMode.VALIDATE or NONE. No other braces may appear in these scripts.

-- Ids and paths compare byte-wise (COLLATE "C"): code-point order for list ties, exact equality.
CREATE TABLE {schema}.videos (
  id                     text COLLATE "C" NOT NULL,
  path                   text COLLATE "C" NOT NULL,
  filename               text NOT NULL,
  duration_frames        bigint NOT NULL,
  frame_rate_numerator   integer NOT NULL,
  frame_rate_denominator integer NOT NULL,
  width                  integer NOT NULL,
  height                 integer NOT NULL,
  video_codec            text NOT NULL,
  audio_codec            text,
  file_size              bigint NOT NULL,
  thumbnail_path         text,
  created_at_us          bigint NOT NULL,
  updated_at_us          bigint NOT NULL,
  -- list order's first key ascending: -created_at_us, so that one index serves list and page
  list_key               bigint NOT NULL,
  -- SearchText.fold of the file name and the path, matched with LIKE (trigram-indexed when
  -- the pg_trgm extension is available)
  search_filename        text COLLATE "C" NOT NULL,
  search_path            text COLLATE "C" NOT NULL,
  CONSTRAINT videos_id_key PRIMARY KEY (id),
  CONSTRAINT videos_path_key UNIQUE (path)
);

CREATE INDEX videos_list_order ON {schema}.videos (list_key, id);

-- The change log: one row per committed change, numbered in commit order by the counter below.
CREATE TABLE {schema}.video_changes (
  seq          bigint PRIMARY KEY,
  committed_at timestamptz NOT NULL DEFAULT now(),
  kind         char(1) NOT NULL CHECK (kind IN ('A', 'U', 'D')),
  before_image text,
  after_image  text
);

CREATE INDEX video_changes_committed_at ON {schema}.video_changes (committed_at);

-- One row. Every write transaction updates it as its last step, so the row lock orders the
-- commits, and seq values are handed out in commit order, without gaps.
CREATE TABLE {schema}.video_change_counter (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  seq bigint NOT NULL
);

INSERT INTO {schema}.video_change_counter (one, seq) VALUES (true, 0);

-- The version that SchemaMode.VALIDATE checks and MIGRATE starts from; each script sets its own,
-- so that a tool applying the scripts itself leaves the schema as the library would.
CREATE TABLE IF NOT EXISTS {schema}.videorepo_schema (
  one     boolean PRIMARY KEY DEFAULT true CHECK (one),
  version integer NOT NULL
);

INSERT INTO {schema}.videorepo_schema (one, version) VALUES (true, 1)
  ON CONFLICT (one) DO UPDATE SET version = 1;
