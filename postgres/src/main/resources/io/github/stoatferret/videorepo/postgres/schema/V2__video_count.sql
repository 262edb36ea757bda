-- videorepo schema version 2: count() in O(1). The change counter's one row also holds the
-- number of videos: every write transaction adds its net change (adds minus deletes) in the same
-- UPDATE that numbers its changes, under the row lock it takes anyway, so the count is exact and
-- costs no extra statement. Stop processes of an older videorepo-postgres before migrating.
-- A program that writes rows of {schema}.videos with its own SQL must keep it too; to reset it:
--   UPDATE {schema}.video_change_counter SET videos = (SELECT count(*) FROM {schema}.videos);
ALTER TABLE {schema}.video_change_counter ADD COLUMN videos bigint;
UPDATE {schema}.video_change_counter SET videos = (SELECT count(*) FROM {schema}.videos);
ALTER TABLE {schema}.video_change_counter ALTER COLUMN videos SET NOT NULL;
UPDATE {schema}.videorepo_schema SET version = 2;
