-- The trail of a matter across the four services (plan item -> inspection -> violation -> discipline case -> appeal;
-- denunciation -> inspection or discipline), built from the events every service publishes: one row per record an
-- event announced, with the record it came from (its origin), the unit that owns it and when the event happened.
CREATE TABLE trail_entry (
    id          uuid PRIMARY KEY,
    -- the CloudEvent id; the inbox applies an event once, the unique key makes sure of it
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    record_type text        NOT NULL,
    record_id   uuid        NOT NULL,
    linked_type text,
    linked_id   uuid,
    unit_id     uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    -- the event's codes and dates, never free text or a person's identity
    facts       jsonb       NOT NULL DEFAULT '{}',
    UNIQUE (event_id, record_id)
);
CREATE INDEX trail_entry_record ON trail_entry (record_id);
CREATE INDEX trail_entry_linked ON trail_entry (linked_id) WHERE linked_id IS NOT NULL;
