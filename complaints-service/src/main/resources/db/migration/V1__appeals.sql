-- Discipline appeals (khiếu nại kỷ luật; DOMAIN §3.3, §5 Appeal, §6, §7.6): the decisions that can be appealed, as
-- discipline-service announces them, and the appeals with their admissibility, level, deadline and outcome.

-- The complaints rule sets. Lists and numbers live here, not in code (ARCHITECTURE §7).
INSERT INTO kit_rule_set (id, domain, regulation, title, effective_from, effective_to) VALUES
    ('COMPLAINTS-QD22-2021', 'complaints', 'QĐ 22-QĐ/TW (28/7/2021), amended by QĐ 262-QĐ/TW (3/2/2025); HD 02-HD/TW',
     'Giải quyết tố cáo, khiếu nại kỷ luật đảng (trước QĐ 296)', DATE '2021-07-28', DATE '2025-05-29'),
    ('COMPLAINTS-QD296-2025', 'complaints', 'QĐ 296-QĐ/TW (30/5/2025); HD 08-HD/TW',
     'Giải quyết tố cáo, khiếu nại kỷ luật đảng', DATE '2025-05-30', NULL);

INSERT INTO kit_rule (rule_set_id, key, value, source, basis)
SELECT s.id, r.key, r.value::jsonb, r.source, r.basis
FROM (VALUES ('COMPLAINTS-QD22-2021'), ('COMPLAINTS-QD296-2025')) AS s (id),
     (VALUES
        ('appeal.resolution-working-days', '{"CENTRAL": 180, "default": 90}',
         'C', 'An appeal is resolved within 90 working days from receipt at province level and below, 180 at the centre; if late, the appellant is told (QĐ 30; QĐ 296 [U])'),
        ('appeal.first-level',
         '{"INSPECTION_COMMISSION": {"unit": "SAME", "bodies": ["STANDING_COMMITTEE", "COMMITTEE"]},
           "default": {"unit": "PARENT", "bodies": ["INSPECTION_COMMISSION", "STANDING_COMMITTEE", "COMMITTEE"]}}',
         'C', 'An appeal against a UBKT decision goes first to the same-level BTV or cấp ủy; other decisions to the level above (QĐ 22 Đ22; DOMAIN §3.3)'),
        ('appeal.next-level-bodies', '["STANDING_COMMITTEE", "COMMITTEE"]',
         'C', 'Appealed again, the case goes one level up at a time, to the BTV or cấp ủy above the last handling body; no skipping levels (QĐ 22 Đ23)'),
        ('appeal.final-levels', '["CENTRAL"]',
         'C', 'At the centre the appeal is finally decided (UBKTTW, Ban Bí thư, BCH TW by form, DOMAIN §3.3); nothing goes above it'),
        ('appeal.handling-roles', '{"STANDING_COMMITTEE": ["committee"], "COMMITTEE": ["committee"], "INSPECTION_COMMISSION": ["commission"]}',
         'C', 'The roles of ARCHITECTURE §6 that speak for the handling body when it decides'),
        ('appeal.forms', '{"MEMBER": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"], "ORG_UNIT": ["REPRIMAND", "WARNING", "DISSOLUTION"]}',
         'C', 'The forms an appeal decision may change a member''s or an organisation''s discipline to (DOMAIN §7.1)'),
        ('appeal.record-roles', '["officer", "commission", "committee"]',
         'C', 'Officers and members of the handling body record the investigation and the notice to the appellant'),
        ('appeal.intake-roles', '["intake", "officer", "commission", "committee"]',
         'C', 'Who records an appeal received by the handling body')
     ) AS r (key, value, source, basis);

-- The decisions announced by discipline-service (discipline.decided / discipline.amended): what can be appealed.
CREATE TABLE decision_copy (
    case_id            uuid PRIMARY KEY,
    subject_type       text    NOT NULL,
    subject_member_id  uuid,
    subject_org_unit_id uuid   NOT NULL,
    deciding_unit_id   uuid    NOT NULL,
    deciding_body      text    NOT NULL,
    form               text    NOT NULL,
    decision_number    text    NOT NULL,
    decided_on         date    NOT NULL,
    announced_on       date    NOT NULL,
    effect_until       date,
    appeal_window_ends date,
    rule_set_id        text    NOT NULL,
    -- null when decided; UPHELD, CHANGED or ANNULLED after an appeal
    amendment          text,
    -- the event time of the newest event applied: an older one changes nothing
    changed_at         timestamptz NOT NULL
);

CREATE TABLE appeal (
    id                    uuid PRIMARY KEY,
    case_id               uuid        NOT NULL REFERENCES decision_copy (case_id),
    appellant_member_id   uuid,
    appellant_name        text        NOT NULL,
    -- who signed the letter: the disciplined member (or organisation), or someone on their behalf
    filed_by_subject      boolean     NOT NULL,
    decision_received_on  date,
    refused_decision      boolean     NOT NULL,
    court_sentence        boolean     NOT NULL,
    moved_before_filing   boolean     NOT NULL,
    postmarked_on         date,
    filed_directly_on     date,
    received_on           date        NOT NULL,
    content               text        NOT NULL,
    handling_unit_id      uuid        NOT NULL,
    handling_body         text        NOT NULL,
    level                 int         NOT NULL,
    status                text        NOT NULL,
    rejection_reasons     text[]      NOT NULL DEFAULT '{}',
    due_on                date,
    outcome               text,
    new_form              text,
    decided_on            date,
    decision_number       text,
    notified_on           date,
    rule_set_id           text        NOT NULL REFERENCES kit_rule_set (id),
    version               bigint      NOT NULL,
    created_by            text        NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CHECK (postmarked_on IS NOT NULL OR filed_directly_on IS NOT NULL)
);
CREATE INDEX appeal_case ON appeal (case_id, level);
CREATE INDEX appeal_unit_updated ON appeal (handling_unit_id, updated_at DESC, id);
CREATE INDEX appeal_due ON appeal (due_on) WHERE status IN ('ACCEPTED', 'INVESTIGATING');
-- one appeal in handling per decision at a time: the others wait or are refused
CREATE UNIQUE INDEX appeal_one_open ON appeal (case_id) WHERE status IN ('ACCEPTED', 'INVESTIGATING');

CREATE TABLE appeal_step (
    id          bigserial PRIMARY KEY,
    appeal_id   uuid        NOT NULL REFERENCES appeal (id),
    action      text        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    on_date     date        NOT NULL,
    summary     text,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX appeal_step_appeal ON appeal_step (appeal_id, id);
