-- videorepo schema version 3: every video has a version (VR-16.1), for conditional updates and
-- deletes. A new row gets 1; every update adds one in its own statement, under the row lock the
-- update takes first. Rows that exist when the schema is migrated get 1, as if just added: no
-- caller can hold a version of them yet. Since PostgreSQL 11 ADD COLUMN with a constant default
-- changes only the catalogue, not the rows, so this step is quick however many videos exist.
-- Stop processes of an older videorepo-postgres before migrating.
ALTER TABLE {schema}.videos ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
UPDATE {schema}.videorepo_schema SET version = 3;
