-- Each letter whose deadline passes unresolved is announced once (denunciation.overdue / appeal.overdue).
ALTER TABLE denunciation ADD COLUMN overdue_noticed_at timestamptz;
ALTER TABLE appeal ADD COLUMN overdue_noticed_at timestamptz;
-- the letters still to be noticed: small partial indexes the periodic check walks
CREATE INDEX denunciation_overdue_due ON denunciation (due_on)
    WHERE status IN ('ACCEPTED', 'HANDLING', 'EXPLAINED', 'VERIFYING') AND overdue_noticed_at IS NULL AND due_on IS NOT NULL;
CREATE INDEX appeal_overdue_due ON appeal (due_on)
    WHERE status IN ('ACCEPTED', 'INVESTIGATING') AND overdue_noticed_at IS NULL AND due_on IS NOT NULL;
