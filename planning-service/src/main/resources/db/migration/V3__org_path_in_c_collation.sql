-- Paths are ids and '/', compared byte by byte: in the C collation one plain index serves both
-- "every unit below X" (a range: path >= X.path AND path < X's upper bound) and ordering by path,
-- whatever the database's locale.
DROP INDEX org_unit_path;
ALTER TABLE org_unit ALTER COLUMN path TYPE text COLLATE "C";
CREATE INDEX org_unit_path ON org_unit (path);
