-- KT,GS plans (DOMAIN §4 KTGSPlan, §8): term programmes and annual plans, their revisions, items,
-- workflow transitions and the fulfilment of each item.

-- The planning rule sets. Numbers and lists live here, not in code (ARCHITECTURE §7).
INSERT INTO kit_rule_set (id, domain, regulation, title, effective_from, effective_to) VALUES
    ('PLANNING-QD22-2021', 'planning', 'QĐ 22-QĐ/TW (28/7/2021), HD 02-HD/TW (2021)',
     'Lập chương trình, kế hoạch kiểm tra, giám sát (trước QĐ 296)', DATE '2021-07-28', DATE '2025-05-29'),
    ('PLANNING-QD296-2025', 'planning', 'QĐ 296-QĐ/TW (30/5/2025), HD 08-HD/TW (10/6/2025)',
     'Lập chương trình, kế hoạch kiểm tra, giám sát', DATE '2025-05-30', NULL);

INSERT INTO kit_rule (rule_set_id, key, value, source, basis)
SELECT s.id, r.key, r.value::jsonb, r.source, r.basis
FROM (VALUES ('PLANNING-QD22-2021'), ('PLANNING-QD296-2025')) AS s (id),
     (VALUES
        ('plan.annual.required-levels',
         '["PROVINCE", "DISTRICT", "SUPERIOR_GRASSROOTS", "COMMUNE", "GRASSROOTS", "PARTIAL", "GRASSROOTS_CELL", "CELL"]',
         'C', 'Every party body from the grassroots up adopts a KT,GS plan each year (DOMAIN §4, §8)'),
        ('plan.term.required-levels',
         '["PROVINCE", "DISTRICT", "SUPERIOR_GRASSROOTS", "COMMUNE", "GRASSROOTS", "PARTIAL", "GRASSROOTS_CELL", "CELL"]',
         'U', 'Every party body adopts a KT,GS programme for its whole term'),
        ('plan.item-kinds.not-for-staff-agencies', '["INSPECTION_ON_SIGNS"]',
         'C2', 'A staff agency (ban, văn phòng) may not run an inspection on signs of violation (QĐ 296 Đ5; DOMAIN §7.9)'),
        ('plan.term.max-years', '5', 'C', 'A party congress term is five years')
     ) AS r (key, value, source, basis);

CREATE TABLE plan (
    id                uuid PRIMARY KEY,
    owner_unit_id     uuid        NOT NULL REFERENCES org_unit (id),
    kind              text        NOT NULL CHECK (kind IN ('ANNUAL', 'TERM_PROGRAMME')),
    year              int,
    term_start        int,
    term_end          int,
    title             text        NOT NULL,
    title_folded      text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'CLOSED')),
    -- the revision being worked on (the latest); approved_revision is the one in force, if any
    revision          int         NOT NULL,
    approved_revision int,
    rule_set_id       text        NOT NULL REFERENCES kit_rule_set (id),
    version           bigint      NOT NULL,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CHECK ((kind = 'ANNUAL' AND year IS NOT NULL AND term_start IS NULL)
        OR (kind = 'TERM_PROGRAMME' AND year IS NULL AND term_start IS NOT NULL AND term_end > term_start))
);
-- one approved annual plan per unit and year, and one approved programme per unit and term
CREATE UNIQUE INDEX plan_one_approved_annual ON plan (owner_unit_id, year)
    WHERE kind = 'ANNUAL' AND approved_revision IS NOT NULL;
CREATE UNIQUE INDEX plan_one_approved_term ON plan (owner_unit_id, term_start, term_end)
    WHERE kind = 'TERM_PROGRAMME' AND approved_revision IS NOT NULL;
CREATE INDEX plan_owner ON plan (owner_unit_id, year, kind);
CREATE INDEX plan_listing ON plan (year, created_at DESC, id);

CREATE TABLE plan_revision (
    row_id      bigserial PRIMARY KEY,
    plan_id     uuid        NOT NULL REFERENCES plan (id),
    revision    int         NOT NULL,
    title       text        NOT NULL,
    reason      text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    approved_by text,
    approved_at timestamptz,
    UNIQUE (plan_id, revision)
);

CREATE TABLE plan_item (
    row_id                  bigserial PRIMARY KEY,
    plan_id                 uuid NOT NULL,
    revision                int  NOT NULL,
    -- stable across revisions: inspections name the item they carry out by it
    id                      uuid NOT NULL,
    seq                     int  NOT NULL,
    activity                text NOT NULL,
    kind                    text NOT NULL,
    subject_type            text NOT NULL CHECK (subject_type IN ('ORG_UNIT', 'MEMBER')),
    subject_org_unit_id     uuid NOT NULL REFERENCES org_unit (id),
    subject_member_id       text,
    subject_member_name     text,
    subject_member_position text,
    content                 text NOT NULL,
    focus                   text,
    period_type             text NOT NULL CHECK (period_type IN ('MONTH', 'QUARTER', 'RANGE')),
    period_from             date NOT NULL,
    period_to               date NOT NULL,
    lead                    text,
    notes                   text,
    UNIQUE (plan_id, revision, id),
    FOREIGN KEY (plan_id, revision) REFERENCES plan_revision (plan_id, revision)
);
CREATE INDEX plan_item_subject ON plan_item (subject_org_unit_id);
CREATE INDEX plan_item_revision ON plan_item (plan_id, revision, seq);

-- Fulfilment of the items of a plan's approved revision, from inspection-service's events.
CREATE TABLE plan_item_progress (
    item_id       uuid PRIMARY KEY,
    plan_id       uuid        NOT NULL REFERENCES plan (id),
    status        text        NOT NULL CHECK (status IN ('PLANNED', 'SCHEDULED', 'IN_PROGRESS', 'DONE')),
    inspection_id uuid,
    scheduled_at  timestamptz,
    started_at    timestamptz,
    concluded_at  timestamptz
);
CREATE INDEX plan_item_progress_plan ON plan_item_progress (plan_id);

CREATE TABLE plan_transition (
    id          bigserial PRIMARY KEY,
    plan_id     uuid        NOT NULL REFERENCES plan (id),
    revision    int         NOT NULL,
    action      text        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    reason      text,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX plan_transition_plan ON plan_transition (plan_id, id);
