-- Discipline cases (DOMAIN §3.1, §3.2, §5 Discipline, §6, §7.1-7.5): the case, its violation acts, each step's record.

-- The discipline rule sets. Every list, number and authority row lives here, not in code (ARCHITECTURE §7).
-- Legacy cases keep the rule set they were decided under: QĐ 102 counted the limitation up to the decision to
-- inspect, QĐ 69 counts it up to the competent body's conclusion (DOMAIN §6).
INSERT INTO kit_rule_set (id, domain, regulation, title, effective_from, effective_to) VALUES
    ('DISCIPLINE-QD102-2017', 'discipline', 'Điều lệ Đảng 2011; QĐ 30-QĐ/TW (2016); QĐ 102-QĐ/TW (2017), QĐ 07-QĐ/TW (2018)',
     'Thi hành kỷ luật đảng (trước QĐ 69)', DATE '2017-11-15', DATE '2022-07-05'),
    ('DISCIPLINE-QD69-2022', 'discipline', 'Điều lệ Đảng 2011; QĐ 22-QĐ/TW (2021); QĐ 69-QĐ/TW (6/7/2022)',
     'Thi hành kỷ luật đảng (QĐ 22 và QĐ 69)', DATE '2022-07-06', DATE '2025-05-29'),
    ('DISCIPLINE-QD296-2025', 'discipline', 'Điều lệ Đảng 2011; QĐ 296-QĐ/TW (30/5/2025); QĐ 69-QĐ/TW, QĐ 264-QĐ/TW',
     'Thi hành kỷ luật đảng', DATE '2025-05-30', NULL);

-- rules shared by the three sets
INSERT INTO kit_rule (rule_set_id, key, value, source, basis)
SELECT s.id, r.key, r.value::jsonb, r.source, r.basis
FROM (VALUES ('DISCIPLINE-QD102-2017'), ('DISCIPLINE-QD69-2022'), ('DISCIPLINE-QD296-2025')) AS s (id),
     (VALUES
        ('discipline.forms.MEMBER', '["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"]',
         'C', 'Forms for members, least severe first: khiển trách, cảnh cáo, cách chức, khai trừ (ĐL Đ36)'),
        ('discipline.forms.ORG_UNIT', '["REPRIMAND", "WARNING", "DISSOLUTION"]',
         'C', 'Forms for party organisations, least severe first: khiển trách, cảnh cáo, giải tán (DOMAIN §7.1)'),
        ('discipline.forms.probationary', '["REPRIMAND", "WARNING"]',
         'C', 'A probationary member (đảng viên dự bị) is only reprimanded or warned (DOMAIN §3.1, §7.1)'),
        ('discipline.forms.need-post', '["REMOVAL_FROM_POST"]',
         'C', 'Cách chức needs a post held: a seat on a party body or a state post (DOMAIN §7.1)'),
        ('discipline.statuses.may-be-disciplined', '["PROBATIONARY", "OFFICIAL", "SUSPENDED", "MISSING", "DECEASED"]',
         'C', 'Expelled and struck-off people are no longer members; rules still apply to retired and transferred ones (DOMAIN §4)'),
        ('discipline.statuses.probationary', '["PROBATIONARY"]', 'C', 'Đảng viên dự bị'),
        ('discipline.deceased', '{"statuses": ["DECEASED"], "unlessEspeciallySerious": true}',
         'C', 'A deceased member is not disciplined unless the violation is especially serious (DOMAIN §6)'),
        ('discipline.level-groups',
         '{"CELL": {"levels": ["CELL", "GRASSROOTS_CELL"], "bodies": ["CELL", "CELL_COMMITTEE"]},
           "PARTIAL": {"levels": ["PARTIAL"], "bodies": ["PARTIAL_COMMITTEE"]},
           "GRASSROOTS": {"levels": ["GRASSROOTS", "COMMUNE"], "bodies": ["COMMITTEE", "STANDING_COMMITTEE", "INSPECTION_COMMISSION"]},
           "UPPER": {"levels": ["PROVINCE", "DISTRICT", "SUPERIOR_GRASSROOTS"], "bodies": ["COMMITTEE", "STANDING_COMMITTEE", "INSPECTION_COMMISSION"]},
           "CENTRAL": {"levels": ["CENTRAL"], "bodies": ["COMMITTEE", "STANDING_COMMITTEE", "INSPECTION_COMMISSION"]}}',
         'U', 'Which bodies of which levels the authority rows name; a standing committee only where the unit has a BTV, an inspection commission only where it has a UBKT. The new communes (1/7/2025) are taken as grassroots committees until their powers are confirmed (DOMAIN §2, §9)'),
        ('discipline.authority.members',
         '[{"group": "CELL", "body": "CELL", "subjects": ["ORDINARY", "SAME_LEVEL_COMMITTEE_MEMBER", "HIGHER_MANAGED", "LOWER_LEVEL_COMMITTEE_MEMBER"],
            "forms": ["REPRIMAND", "WARNING"], "notForHigherLevelTasks": true},
           {"group": "GRASSROOTS", "body": "STANDING_COMMITTEE", "subjects": ["ORDINARY", "LOWER_LEVEL_COMMITTEE_MEMBER"], "forms": ["REPRIMAND", "WARNING"]},
           {"group": "GRASSROOTS", "body": "INSPECTION_COMMISSION", "subjects": ["ORDINARY", "LOWER_LEVEL_COMMITTEE_MEMBER"], "forms": ["REPRIMAND", "WARNING"]},
           {"group": "GRASSROOTS", "body": "COMMITTEE", "subjects": ["ORDINARY"], "forms": ["REPRIMAND", "WARNING", "EXPULSION"],
            "onlyIfAuthorisedToAdmit": ["EXPULSION"]},
           {"group": "GRASSROOTS", "body": "COMMITTEE", "subjects": ["LOWER_LEVEL_COMMITTEE_MEMBER"],
            "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"], "onlyIfAuthorisedToAdmit": ["EXPULSION"]},
           {"group": "GRASSROOTS", "body": "COMMITTEE", "subjects": ["SAME_LEVEL_COMMITTEE_MEMBER", "HIGHER_MANAGED"], "forms": ["REPRIMAND", "WARNING"]},
           {"group": "UPPER", "body": "COMMITTEE", "subjects": ["ORDINARY", "LOWER_LEVEL_COMMITTEE_MEMBER"],
            "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"]},
           {"group": "UPPER", "body": "STANDING_COMMITTEE", "subjects": ["ORDINARY", "LOWER_LEVEL_COMMITTEE_MEMBER"],
            "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"]},
           {"group": "UPPER", "body": "COMMITTEE", "subjects": ["SAME_LEVEL_COMMITTEE_MEMBER", "HIGHER_MANAGED"], "forms": ["REPRIMAND", "WARNING"]},
           {"group": "UPPER", "body": "STANDING_COMMITTEE", "subjects": ["SAME_LEVEL_COMMITTEE_MEMBER", "HIGHER_MANAGED"], "forms": ["REPRIMAND", "WARNING"]},
           {"group": "UPPER", "body": "INSPECTION_COMMISSION", "subjects": ["ORDINARY"], "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"]},
           {"group": "UPPER", "body": "INSPECTION_COMMISSION", "subjects": ["LOWER_LEVEL_COMMITTEE_MEMBER"], "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST"]},
           {"group": "CENTRAL", "body": "COMMITTEE", "subjects": ["ORDINARY", "SAME_LEVEL_COMMITTEE_MEMBER", "HIGHER_MANAGED", "LOWER_LEVEL_COMMITTEE_MEMBER"],
            "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"]},
           {"group": "CENTRAL", "body": "STANDING_COMMITTEE", "subjects": ["ORDINARY", "SAME_LEVEL_COMMITTEE_MEMBER", "HIGHER_MANAGED", "LOWER_LEVEL_COMMITTEE_MEMBER"],
            "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"]},
           {"group": "CENTRAL", "body": "INSPECTION_COMMISSION", "subjects": ["ORDINARY", "LOWER_LEVEL_COMMITTEE_MEMBER"],
            "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"]}]',
         'C', 'Who may decide which form for which member (ĐL Đ36; QĐ 22 Đ11; QĐ 296 Đ10; DOMAIN §3.1). A cell decides only KTr/CC and not for tasks a higher level assigned; a chi ủy or đảng ủy bộ phận never decides; a grassroots committee expels only if authorised to admit members, and never a same-level cấp ủy viên or a higher-managed cadre. The UBKT rows of the upper levels are [U]'),
        ('discipline.authority.org-units',
         '[{"groups": ["GRASSROOTS", "UPPER", "CENTRAL"], "bodies": ["COMMITTEE", "STANDING_COMMITTEE"], "minDepth": 1, "maxDepth": 1, "forms": ["REPRIMAND", "WARNING"]},
           {"groups": ["GRASSROOTS", "UPPER", "CENTRAL"], "bodies": ["INSPECTION_COMMISSION"], "minDepth": 2, "maxDepth": 99, "forms": ["REPRIMAND", "WARNING"]},
           {"groups": ["UPPER", "CENTRAL"], "bodies": ["COMMITTEE"], "minDepth": 2, "maxDepth": 2, "forms": ["DISSOLUTION"]}]',
         'U', 'Organisations: KTr/CC by the direct upper cấp ủy/BTV, or the UBKT of any level for organisations under the lower cấp ủy [C]; giải tán proposed by the direct upper cấp ủy and decided by the cấp ủy one level above it [U, check ĐL Đ38] (DOMAIN §3.2). Depth: levels between the deciding unit and the subject'),
        ('discipline.propose-order', '["STANDING_COMMITTEE", "INSPECTION_COMMISSION", "COMMITTEE"]',
         'U', 'A body without authority proposes up: to the first body, at its own unit then each unit above, whose rows allow the form'),
        ('discipline.deciding-roles',
         '{"CELL": ["committee"], "CELL_COMMITTEE": ["committee"], "PARTIAL_COMMITTEE": ["committee"], "COMMITTEE": ["committee"], "STANDING_COMMITTEE": ["committee"], "INSPECTION_COMMISSION": ["commission"]}',
         'C', 'The roles of ARCHITECTURE §6 that speak for each body when it votes, decides and announces'),
        ('discipline.record-roles', '["officer", "commission", "committee"]',
         'C', 'Officers of the deciding unit open cases and record the steps: deferral, self-criticism, hearing, report up'),
        ('discipline.vote.decide', '{"numerator": 1, "denominator": 2, "strict": true}',
         'C', 'More than half of the whole denominator, official members of the cell or members of the body (QĐ 22 Đ15): exactly half is not more than half'),
        ('discipline.vote.propose-expulsion', '{"numerator": 2, "denominator": 3, "strict": false}',
         'C', 'Expulsion: at least two thirds of the cell''s official members propose it; below that the file still goes up and the upper body decides (DOMAIN §3.1, §6)'),
        ('discipline.limitation.months', '{"MEMBER": {"REPRIMAND": 60, "WARNING": 120, "REMOVAL_FROM_POST": 120}, "ORG_UNIT": {"REPRIMAND": 60, "WARNING": 120}}',
         'C', 'Thời hiệu: 5 years for KTr, 10 for CC and CCh; forms not listed (khai trừ, giải tán) have none (QĐ 69 Đ4)'),
        ('discipline.limitation.exempt-groups', '["INTERNAL_POLITICAL_SECURITY", "DEFENCE_SECURITY_FOREIGN"]',
         'C', 'No limitation for internal political security, or defence, security and foreign affairs harming the national interest (QĐ 102 Đ3; QĐ 69)'),
        ('discipline.limitation.exempt-kinds', '["ILLEGAL_DIPLOMA"]',
         'C', 'No limitation for using illegal diplomas or certificates (QĐ 102 Đ3)'),
        ('discipline.effect.months', '12',
         'C', 'A decision ends its effect by itself 12 months after its announcement, or after the appeal decision (QĐ 69 Đ2.5)'),
        ('discipline.effect.permanent-forms', '["EXPULSION", "DISSOLUTION"]', 'C', 'Khai trừ and giải tán do not end'),
        ('discipline.effect.restrictions', '["NO_TRANSFER", "NO_ROTATION", "NO_APPOINTMENT", "NO_MILITARY_PROMOTION", "NO_AWARDS"]',
         'C', 'While in effect: no transfer, rotation, appointment, military promotion or awards (QĐ 69 Đ2.13)'),
        ('discipline.effect.after-removal', '{"months": 12, "restrictions": ["NOT_ELECTED_TO_COMMITTEE", "NO_EQUAL_OR_HIGHER_POST"]}',
         'C', 'One year after cách chức: not elected to a cấp ủy, not appointed to an equal or higher post (ĐL Đ40.3)'),
        ('discipline.deferral-grounds', '["PREGNANCY", "MATERNITY_LEAVE", "CHILD_UNDER_12_MONTHS", "GRAVE_ILLNESS", "LOSS_OF_COGNITION", "INPATIENT"]',
         'C', 'Grounds to defer considering a member (QĐ 102 Đ5; QĐ 22 Đ9.7; QĐ 296 Đ8)'),
        ('discipline.tags.mitigating', '["SELF_REPORTED", "COOPERATED", "STOPPED_AND_REMEDIED", "COERCED", "ACHIEVEMENTS", "INNOVATION"]',
         'U', 'Mitigating factors (QĐ 69)'),
        ('discipline.tags.aggravating', '["EVASION_OR_OBSTRUCTION", "REPEATED", "LEADING_OR_INSTIGATING", "COERCING_OTHERS", "RETALIATION", "WHILE_UNDER_DISCIPLINE"]',
         'U', 'Aggravating factors (QĐ 69)')
     ) AS r (key, value, source, basis);

-- rules that differ between the sets
INSERT INTO kit_rule (rule_set_id, key, value, source, basis) VALUES
    ('DISCIPLINE-QD102-2017', 'discipline.limitation.end-point', '"DECISION_TO_INSPECT"',
     'C', 'QĐ 102 (HD 04/2018): counted from the act until the decision to inspect or consider'),
    ('DISCIPLINE-QD69-2022', 'discipline.limitation.end-point', '"CONCLUSION"',
     'C', 'QĐ 69: counted from the act until the competent body concludes that the violation warrants discipline'),
    ('DISCIPLINE-QD296-2025', 'discipline.limitation.end-point', '"CONCLUSION"',
     'C', 'QĐ 69: counted from the act until the competent body concludes that the violation warrants discipline'),
    ('DISCIPLINE-QD102-2017', 'discipline.appeal-window', '{"count": 30, "unit": "WORKING_DAYS"}',
     'C', 'QĐ 30: 30 working days from the announcement'),
    ('DISCIPLINE-QD69-2022', 'discipline.appeal-window', '{"count": 1, "unit": "MONTHS"}',
     'U', 'ĐL Đ39.7: one month from receiving the decision'),
    ('DISCIPLINE-QD296-2025', 'discipline.appeal-window', '{"count": 30, "unit": "CALENDAR_DAYS"}',
     'C2', 'QĐ 296 Đ25.1: 30 days from receiving the decision');

CREATE TABLE discipline_case (
    id                    uuid PRIMARY KEY,
    subject_type          text        NOT NULL CHECK (subject_type IN ('MEMBER', 'ORG_UNIT')),
    subject_member_id     uuid,
    -- the org unit disciplined, or the member's unit when the case was opened
    subject_org_unit_id   uuid        NOT NULL,
    subject_name          text        NOT NULL,
    subject_category      text,
    deciding_unit_id      uuid        NOT NULL,
    deciding_body         text        NOT NULL,
    source                text        NOT NULL,
    origin_type           text        NOT NULL,
    origin_id             uuid,
    summary               text        NOT NULL,
    summary_folded        text        NOT NULL,
    status                text        NOT NULL,
    status_before_deferral text,
    rule_set_id           text        NOT NULL REFERENCES kit_rule_set (id),
    proposed_form         text,
    especially_serious    boolean     NOT NULL DEFAULT false,
    higher_level_task     boolean     NOT NULL DEFAULT false,
    mitigating            text[]      NOT NULL DEFAULT '{}',
    aggravating           text[]      NOT NULL DEFAULT '{}',
    -- the two end-points of the limitation count (DOMAIN §6)
    decision_to_inspect_on date,
    concluded_on          date,
    deferral_ground       text,
    deferred_until        date,
    self_criticism        text,
    self_proposed_form    text,
    heard_on              date,
    vote_on               date,
    vote_official         int,
    vote_denominator      int,
    vote_result_form      text,
    -- a cell's expulsion proposal: whether two thirds of the official members proposed it
    expulsion_proposal_reached boolean,
    proposed_to_unit_id   uuid,
    proposed_to_body      text,
    proposal_case_id      uuid,
    decision_number       text,
    decided_on            date,
    decided_form          text,
    limitation_last_day   date,
    limitation_expired    boolean,
    announced_on          date,
    effect_until          date,
    appeal_window_ends    date,
    reported_up_on        date,
    effect_ended_on       date,
    -- an appeal accepted and not yet decided (appeal.filed): the effect does not end meanwhile
    appeal_pending_id     uuid,
    -- the last appeal decision applied (appeal.decided from complaints-service)
    appeal_id             uuid,
    appeal_outcome        text,
    appeal_decided_on     date,
    version               bigint      NOT NULL,
    created_by            text        NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    CHECK ((subject_type = 'MEMBER') = (subject_member_id IS NOT NULL))
);
CREATE INDEX discipline_case_unit_updated ON discipline_case (deciding_unit_id, updated_at DESC, id);
CREATE INDEX discipline_case_updated ON discipline_case (updated_at DESC, id);
CREATE INDEX discipline_case_member ON discipline_case (subject_member_id, announced_on) WHERE subject_member_id IS NOT NULL;
CREATE INDEX discipline_case_org_subject ON discipline_case (subject_org_unit_id);
CREATE INDEX discipline_case_decided ON discipline_case (decided_on, deciding_unit_id) WHERE decided_on IS NOT NULL;
-- the decisions whose effect is still to end: a small partial index the periodic check walks
CREATE INDEX discipline_case_effect_due ON discipline_case (effect_until) WHERE status IN ('ANNOUNCED', 'REPORTED_UP') AND effect_until IS NOT NULL;
-- one case per subject of an inspection's conclusion or a denunciation's (its violations are the case's acts), and per proposal from below
CREATE UNIQUE INDEX discipline_case_origin ON discipline_case (origin_type, origin_id, subject_type, coalesce(subject_member_id, subject_org_unit_id))
    WHERE origin_id IS NOT NULL AND origin_type IN ('INSPECTION', 'DENUNCIATION', 'DISCIPLINE_CASE');

-- the vote per form (phiếu kín) and who was left out of the denominator
CREATE TABLE discipline_vote (
    case_id uuid NOT NULL REFERENCES discipline_case (id),
    form    text NOT NULL,
    yes     int  NOT NULL CHECK (yes >= 0),
    PRIMARY KEY (case_id, form)
);
CREATE TABLE discipline_vote_exclusion (
    case_id uuid NOT NULL REFERENCES discipline_case (id),
    reason  text NOT NULL,
    members int  NOT NULL CHECK (members > 0),
    PRIMARY KEY (case_id, reason)
);

-- the violation acts (hành vi vi phạm), each under a QĐ 69 article
CREATE TABLE discipline_act (
    case_id      uuid    NOT NULL REFERENCES discipline_case (id),
    seq          int     NOT NULL,
    act          text    NOT NULL,
    article      text,
    violation_group text NOT NULL,
    act_from     date    NOT NULL,
    act_to       date,
    continuing   boolean NOT NULL,
    exempt_kind  text,
    -- the violation of the inspection's conclusion it came from, if it did
    violation_id uuid,
    PRIMARY KEY (case_id, seq),
    UNIQUE (case_id, violation_id),
    CHECK (continuing = (act_to IS NULL)),
    CHECK (act_to IS NULL OR act_from <= act_to)
);

-- each step with its record: who, when, the date it happened, a summary and a document
CREATE TABLE discipline_step (
    id          bigserial PRIMARY KEY,
    case_id     uuid        NOT NULL REFERENCES discipline_case (id),
    action      text        NOT NULL,
    from_status text,
    to_status   text        NOT NULL,
    on_date     date        NOT NULL,
    summary     text,
    document    text,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX discipline_step_case ON discipline_step (case_id, id);
