-- Handling a denunciation after its screening (DOMAIN §5, §6, §7.8): the named team (login names for the identity
-- read, member ids for the conflict check), the extension of the deadline, a withdrawal.
ALTER TABLE denunciation
    ADD COLUMN team_subjects      text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN team_member_ids    uuid[]  NOT NULL DEFAULT '{}',
    ADD COLUMN extended_by        int,
    ADD COLUMN withdrawn_on       date,
    ADD COLUMN withdrawal_coerced boolean;
DROP INDEX denunciation_due;
CREATE INDEX denunciation_due ON denunciation (due_on) WHERE status IN ('ACCEPTED', 'HANDLING', 'EXPLAINED', 'VERIFYING');

INSERT INTO kit_rule (rule_set_id, key, value, source, basis)
SELECT s.id, 'denunciation.extension-max-working-days', '30'::jsonb, 'C',
       'The deadline may be extended once, by at most 30 working days, with a notice to the denouncer (QĐ 30 era; DOMAIN §6)'
FROM (VALUES ('COMPLAINTS-QD22-2021'), ('COMPLAINTS-QD296-2025')) AS s (id);
