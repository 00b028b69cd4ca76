-- Denunciations (tố cáo; DOMAIN §3.4, §5 Denunciation, §6, §7.7, §7.8): the letter with its denouncers' identity sealed
-- at rest, the accused, the screening, the deadline from the competent body's receipt, and the conclusion.

INSERT INTO kit_rule (rule_set_id, key, value, source, basis)
SELECT s.id, r.key, r.value::jsonb, r.source, r.basis
FROM (VALUES ('COMPLAINTS-QD22-2021'), ('COMPLAINTS-QD296-2025')) AS s (id),
     (VALUES
        ('denunciation.resolution-working-days', '{"CENTRAL": 180, "default": 90}',
         'C', 'A denunciation is resolved within 90 working days (province and below) or 180 (centre), counted from its receipt by the competent body (QĐ 30 era; QĐ 296 [U])'),
        ('denunciation.intake-roles', '["intake"]',
         'C', 'Who receives letters and reads the denouncer''s identity (ARCHITECTURE §6)'),
        ('denunciation.record-roles', '["intake", "officer", "commission", "committee"]',
         'C', 'Who screens, records the steps and the conclusion for the handling body'),
        ('denunciation.several-signatories', '2',
         'C', 'A letter signed by two or more people is not handled as a denunciation (DOMAIN §7.7)')
     ) AS r (key, value, source, basis);

CREATE TABLE denunciation (
    id                       uuid PRIMARY KEY,
    handling_unit_id         uuid        NOT NULL,
    handling_body            text        NOT NULL CHECK (handling_body IN ('CELL', 'COMMITTEE', 'STANDING_COMMITTEE', 'INSPECTION_COMMISSION')),
    channel                  text        NOT NULL,
    received_on              date        NOT NULL,
    postmarked_on            date,
    -- the competent body's receipt: the clock starts here (DOMAIN §6)
    received_by_competent_on date        NOT NULL,
    -- the denouncers' names, addresses and contacts: AES-GCM sealed, readable only through the audited identity read
    denouncers_sealed        bytea,
    denouncer_count          int         NOT NULL,
    signed_in_person         boolean     NOT NULL,
    content                  text        NOT NULL,
    evidence                 text[]      NOT NULL DEFAULT '{}',
    status                   text        NOT NULL,
    not_handled_reasons      text[]      NOT NULL DEFAULT '{}',
    due_on                   date,
    outcome                  text,
    conclusion               text,
    concluded_on             date,
    notified_on              date,
    rule_set_id              text        NOT NULL REFERENCES kit_rule_set (id),
    version                  bigint      NOT NULL,
    created_by               text        NOT NULL,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    CHECK ((denouncer_count = 0) = (denouncers_sealed IS NULL))
);
CREATE INDEX denunciation_unit_updated ON denunciation (handling_unit_id, updated_at DESC, id);
CREATE INDEX denunciation_due ON denunciation (due_on) WHERE status = 'ACCEPTED';

CREATE TABLE denunciation_accused (
    denunciation_id uuid    NOT NULL REFERENCES denunciation (id),
    seq             int     NOT NULL,
    type            text    NOT NULL CHECK (type IN ('MEMBER', 'ORG_UNIT')),
    member_id       uuid,
    -- the organisation, or the member's unit
    org_unit_id     uuid    NOT NULL,
    name            text    NOT NULL,
    PRIMARY KEY (denunciation_id, seq)
);

CREATE TABLE denunciation_step (
    id              bigserial PRIMARY KEY,
    denunciation_id uuid        NOT NULL REFERENCES denunciation (id),
    action          text        NOT NULL,
    from_status     text,
    to_status       text        NOT NULL,
    on_date         date        NOT NULL,
    summary         text,
    actor           text        NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX denunciation_step_denunciation ON denunciation_step (denunciation_id, id);
