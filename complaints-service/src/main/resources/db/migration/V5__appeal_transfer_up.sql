-- An appeal body that would change the form beyond its own authority (DOMAIN §3.1-3.3) does not decide: the appeal goes
-- up, with the form it proposes, to the first body that may decide that form; the body it came from is kept.
ALTER TABLE appeal
    ADD COLUMN proposed_form            text,
    ADD COLUMN transferred_from_unit_id uuid;
