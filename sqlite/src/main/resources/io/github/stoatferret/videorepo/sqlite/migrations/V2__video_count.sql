-- videorepo SQLite schema, version 2: the number of videos, kept by triggers inside each writing
-- transaction, so that count() reads one row instead of scanning the table (13.7 ms at 1M
-- videos before), and stays exact whichever process writes the file.

CREATE TABLE video_count (one INTEGER PRIMARY KEY CHECK (one = 1), n INTEGER NOT NULL);

INSERT INTO video_count (one, n) SELECT 1, count(*) FROM videos;

-- Each trigger on one line: the migration runner ends a statement at a line ending in ';'.
CREATE TRIGGER videos_counted_on_insert AFTER INSERT ON videos BEGIN UPDATE video_count SET n = n + 1; END;

CREATE TRIGGER videos_counted_on_delete AFTER DELETE ON videos BEGIN UPDATE video_count SET n = n - 1; END;
