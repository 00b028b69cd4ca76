-- Inspections and supervisions (DOMAIN §1, §4, §5): the record, its subjects, team, steps, verification
-- entries, violations, remediation items and their reports, finance recoveries; and the items of approved
-- plans (from planning's events) that an inspection can carry out.

-- The inspection rule sets. Lists and numbers live here, not in code (ARCHITECTURE §7).
INSERT INTO kit_rule_set (id, domain, regulation, title, effective_from, effective_to) VALUES
    ('INSPECTION-QD22-2021', 'inspection', 'QĐ 22-QĐ/TW (28/7/2021), HD 02-HD/TW (9/12/2021); QĐ 86-QĐ/TW (2017) on supervision',
     'Kiểm tra, giám sát trong Đảng (trước QĐ 296)', DATE '2021-07-28', DATE '2025-05-29'),
    ('INSPECTION-QD296-2025', 'inspection', 'QĐ 296-QĐ/TW (30/5/2025), HD 08-HD/TW (10/6/2025)',
     'Kiểm tra, giám sát trong Đảng', DATE '2025-05-30', NULL);

INSERT INTO kit_rule (rule_set_id, key, value, source, basis)
SELECT s.id, r.key, r.value::jsonb, r.source, r.basis
FROM (VALUES ('INSPECTION-QD22-2021'), ('INSPECTION-QD296-2025')) AS s (id),
     (VALUES
        ('inspection.staff-agency-levels', '["STAFF_AGENCY"]',
         'C2', 'Staff agencies (ban, văn phòng) of a committee run KT,GS tasks as assigned (QĐ 296 Đ3)'),
        ('inspection.kinds.not-for-staff-agencies', '["INSPECTION_ON_SIGNS"]',
         'C2', 'A staff agency may not run an inspection on signs of violation (QĐ 296 Đ5; DOMAIN §7.9)'),
        ('inspection.cell-levels', '["GRASSROOTS_CELL", "CELL"]',
         'C', 'A party cell (chi bộ) decides as the cell meeting, not as a committee'),
        ('inspection.deciding-roles',
         '{"COMMITTEE": ["committee"], "STANDING_COMMITTEE": ["committee"], "INSPECTION_COMMISSION": ["commission"], "CELL": ["committee"], "STAFF_AGENCY": ["committee"]}',
         'C', 'Only the deciding body in session concludes; the team only drafts (DOMAIN §5). Roles of ARCHITECTURE §6 that speak for each body'),
        ('inspection.committee-bodies', '["COMMITTEE", "STANDING_COMMITTEE", "CELL_COMMITTEE"]',
         'C', 'A member with a seat on these bodies is a cấp ủy viên, counted apart in the statistics (DOMAIN §8)'),
        ('inspection.team-roles', '["officer", "commission", "committee"]',
         'C', 'The inspection team (đoàn, tổ kiểm tra) of the deciding unit records the steps of the work'),
        ('inspection.kinds.may-find-violations',
         '["THEMATIC_INSPECTION", "INSPECTION_ON_SIGNS", "INSPECTION_OF_KTGS_WORK", "FINANCE_INSPECTION"]',
         'U', 'A supervision cannot issue discipline (DOMAIN §7.9): it records signs of violation and proposes an inspection'),
        ('inspection.overlap.open-statuses',
         '["PLANNED", "DECIDED", "NOTIFIED", "SELF_REPORT", "VERIFYING", "DRAFT_REPORT", "HEARD"]',
         'C', 'A coordination plan (kế hoạch điều phối) keeps bodies from inspecting the same subject twice (seed 004)')
     ) AS r (key, value, source, basis);

-- The items of approved plans, from plan.approved / plan.amended: what an inspection may name as the item it carries out.
CREATE TABLE plan_item_copy (
    item_id             uuid PRIMARY KEY,
    plan_id             uuid    NOT NULL,
    plan_revision       int     NOT NULL,
    owner_unit_id       uuid    NOT NULL,
    kind                text    NOT NULL,
    subject_type        text    NOT NULL,
    subject_org_unit_id uuid    NOT NULL,
    subject_member_id   text,
    period_from         date    NOT NULL,
    period_to           date    NOT NULL,
    content             text    NOT NULL,
    -- false once an amendment of the plan dropped the item
    in_force            boolean NOT NULL
);
CREATE INDEX plan_item_copy_plan ON plan_item_copy (plan_id);

CREATE TABLE inspection (
    id                  uuid PRIMARY KEY,
    activity            text        NOT NULL CHECK (activity IN ('INSPECTION', 'SUPERVISION')),
    kind                text        NOT NULL,
    status              text        NOT NULL,
    deciding_unit_id    uuid        NOT NULL,
    deciding_body       text        NOT NULL,
    title               text        NOT NULL,
    title_folded        text        NOT NULL,
    content             text        NOT NULL,
    period_from         date,
    period_to           date,
    fields              text[]      NOT NULL DEFAULT '{}',
    plan_id             uuid,
    plan_item_id        uuid,
    origin_type         text        NOT NULL,
    origin_id           uuid,
    rule_set_id         text        NOT NULL REFERENCES kit_rule_set (id),
    decision_number     text,
    decision_date       date,
    -- the day it counts from in statistics: the decision (inspection) or the notice (supervision)
    opened_on           date,
    notified_on         date,
    concluded_on        date,
    strengths           text,
    shortcomings        text,
    causes              text,
    responsibility      text,
    signs_of_violation  text,
    notice_number       text,
    notice_date         date,
    notice_recipients   text[],
    publication_scope   text,
    proposed_inspection_id uuid,
    amount_found        bigint CHECK (amount_found >= 0),
    amount_to_recover   bigint CHECK (amount_to_recover >= 0),
    amount_recovered    bigint      NOT NULL DEFAULT 0 CHECK (amount_recovered >= 0),
    -- derived from the subject and violation rows at each change, so statistics over 100,000 records read one table
    subject_org_units   int         NOT NULL,
    subject_members     int         NOT NULL,
    subject_committee_members int   NOT NULL,
    violations          int         NOT NULL DEFAULT 0,
    violations_for_discipline int   NOT NULL DEFAULT 0,
    version             bigint      NOT NULL,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to),
    CHECK (amount_recovered <= coalesce(amount_to_recover, 0))
);
CREATE INDEX inspection_unit_updated ON inspection (deciding_unit_id, updated_at DESC, id);
CREATE INDEX inspection_updated ON inspection (updated_at DESC, id);
CREATE INDEX inspection_opened ON inspection (opened_on, deciding_unit_id);
CREATE INDEX inspection_plan_item ON inspection (plan_item_id) WHERE plan_item_id IS NOT NULL;
CREATE INDEX inspection_origin ON inspection (origin_type, origin_id) WHERE origin_id IS NOT NULL;

CREATE TABLE inspection_subject (
    inspection_id    uuid    NOT NULL REFERENCES inspection (id),
    seq              int     NOT NULL,
    type             text    NOT NULL CHECK (type IN ('ORG_UNIT', 'MEMBER')),
    -- the org unit, or the member's unit when the member was named
    org_unit_id      uuid    NOT NULL,
    member_id        uuid,
    name             text    NOT NULL,
    -- a cấp ủy viên when named: counted apart in statistics
    committee_member boolean NOT NULL,
    PRIMARY KEY (inspection_id, seq),
    CHECK ((type = 'MEMBER') = (member_id IS NOT NULL))
);
CREATE INDEX inspection_subject_unit ON inspection_subject (org_unit_id);
CREATE INDEX inspection_subject_member ON inspection_subject (member_id) WHERE member_id IS NOT NULL;

CREATE TABLE inspection_team_member (
    inspection_id uuid NOT NULL REFERENCES inspection (id),
    seq           int  NOT NULL,
    member_id     uuid,
    full_name     text NOT NULL,
    role          text NOT NULL CHECK (role IN ('LEADER', 'DEPUTY_LEADER', 'MEMBER', 'SECRETARY')),
    PRIMARY KEY (inspection_id, seq)
);

-- Each step with its record (the decision, the notice, the self-report, a draft, a hearing...): the history.
CREATE TABLE inspection_step (
    id            bigserial PRIMARY KEY,
    inspection_id uuid        NOT NULL REFERENCES inspection (id),
    action        text        NOT NULL,
    from_status   text        NOT NULL,
    to_status     text        NOT NULL,
    on_date       date        NOT NULL,
    summary       text,
    document      text,
    actor         text        NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX inspection_step_inspection ON inspection_step (inspection_id, id);

-- Verification entries (documents, interviews, supplements) of an inspection, working sessions of a supervision.
CREATE TABLE inspection_verification (
    id            bigserial PRIMARY KEY,
    inspection_id uuid NOT NULL REFERENCES inspection (id),
    kind          text NOT NULL CHECK (kind IN ('DOCUMENT', 'INTERVIEW', 'SUPPLEMENT', 'WORKING_SESSION')),
    on_date       date NOT NULL,
    summary       text NOT NULL,
    reference     text,
    actor         text NOT NULL
);
CREATE INDEX inspection_verification_inspection ON inspection_verification (inspection_id, id);

CREATE TABLE inspection_violation (
    id                  uuid PRIMARY KEY,
    inspection_id       uuid    NOT NULL REFERENCES inspection (id),
    seq                 int     NOT NULL,
    -- one of the inspection's subjects, or a member of a subject unit
    subject_type        text    NOT NULL CHECK (subject_type IN ('ORG_UNIT', 'MEMBER')),
    subject_org_unit_id uuid    NOT NULL,
    subject_member_id   uuid,
    subject_name        text    NOT NULL,
    act                 text    NOT NULL,
    article             text,
    act_from            date    NOT NULL,
    act_to              date,
    continuing          boolean NOT NULL,
    warrants_discipline boolean NOT NULL,
    CHECK (continuing = (act_to IS NULL)),
    CHECK (act_to IS NULL OR act_from <= act_to)
);
CREATE INDEX inspection_violation_inspection ON inspection_violation (inspection_id, seq);

CREATE TABLE remediation_item (
    id               uuid PRIMARY KEY,
    inspection_id    uuid        NOT NULL REFERENCES inspection (id),
    seq              int         NOT NULL,
    owner_unit_id    uuid        NOT NULL,
    owner_member_id  uuid,
    action           text        NOT NULL,
    deadline         date        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE')),
    done_on          date,
    overdue_noticed_at timestamptz,
    version          bigint      NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX remediation_item_inspection ON remediation_item (inspection_id, seq);
CREATE INDEX remediation_item_owner ON remediation_item (owner_unit_id, deadline);
-- the items still to be noticed as overdue: a small partial index the periodic check walks
CREATE INDEX remediation_item_due ON remediation_item (deadline) WHERE status <> 'DONE' AND overdue_noticed_at IS NULL;

CREATE TABLE remediation_report (
    id        bigserial PRIMARY KEY,
    item_id   uuid        NOT NULL REFERENCES remediation_item (id),
    on_date   date        NOT NULL,
    status    text        NOT NULL,
    summary   text        NOT NULL,
    actor     text        NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX remediation_report_item ON remediation_report (item_id, id);

CREATE TABLE finance_recovery (
    id            bigserial PRIMARY KEY,
    inspection_id uuid        NOT NULL REFERENCES inspection (id),
    on_date       date        NOT NULL,
    amount        bigint      NOT NULL CHECK (amount > 0),
    note          text,
    actor         text        NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX finance_recovery_inspection ON finance_recovery (inspection_id, id);
