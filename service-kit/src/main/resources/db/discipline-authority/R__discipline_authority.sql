-- Who may decide which discipline form (DOMAIN §3.1, §3.2): the level groups, the authority rows and the propose-up
-- order of the discipline rule sets, defined here once for the two services that decide with them
-- (vn.ktgs.kit.discipline.FormAuthority): discipline-service decides cases, complaints-service checks that an appeal's
-- changed form is within the handling body's authority (§3.3). A service takes them by adding db/discipline-authority
-- to quarkus.flyway.locations. Repeatable: Flyway reapplies this file after the versioned migrations whenever it
-- changes, so a correction reaches both services; discipline-service's V1 seeded the same rows first.
INSERT INTO kit_rule_set (id, domain, regulation, title, effective_from, effective_to) VALUES
    ('DISCIPLINE-QD102-2017', 'discipline', 'Điều lệ Đảng 2011; QĐ 30-QĐ/TW (2016); QĐ 102-QĐ/TW (2017), QĐ 07-QĐ/TW (2018)',
     'Thi hành kỷ luật đảng (trước QĐ 69)', DATE '2017-11-15', DATE '2022-07-05'),
    ('DISCIPLINE-QD69-2022', 'discipline', 'Điều lệ Đảng 2011; QĐ 22-QĐ/TW (2021); QĐ 69-QĐ/TW (6/7/2022)',
     'Thi hành kỷ luật đảng (QĐ 22 và QĐ 69)', DATE '2022-07-06', DATE '2025-05-29'),
    ('DISCIPLINE-QD296-2025', 'discipline', 'Điều lệ Đảng 2011; QĐ 296-QĐ/TW (30/5/2025); QĐ 69-QĐ/TW, QĐ 264-QĐ/TW',
     'Thi hành kỷ luật đảng', DATE '2025-05-30', NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO kit_rule (rule_set_id, key, value, source, basis)
SELECT s.id, r.key, r.value::jsonb, r.source, r.basis
FROM (VALUES ('DISCIPLINE-QD102-2017'), ('DISCIPLINE-QD69-2022'), ('DISCIPLINE-QD296-2025')) AS s (id),
     (VALUES
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
           {"group": "CENTRAL", "body": "INSPECTION_COMMISSION", "subjects": ["ORDINARY"], "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION"]},
           {"group": "CENTRAL", "body": "INSPECTION_COMMISSION", "subjects": ["LOWER_LEVEL_COMMITTEE_MEMBER"], "forms": ["REPRIMAND", "WARNING", "REMOVAL_FROM_POST"]}]',
         'C', 'Who may decide which form for which member (ĐL Đ36; QĐ 22 Đ11; QĐ 296 Đ10; DOMAIN §3.1). A cell decides only KTr/CC and not for tasks a higher level assigned; a chi ủy or đảng ủy bộ phận never decides; a grassroots committee expels only if authorised to admit members, and never a same-level cấp ủy viên or a higher-managed cadre. The UBKT rows of the upper levels are [U]'),
        ('discipline.authority.org-units',
         '[{"groups": ["GRASSROOTS", "UPPER", "CENTRAL"], "bodies": ["COMMITTEE", "STANDING_COMMITTEE"], "minDepth": 1, "maxDepth": 1, "forms": ["REPRIMAND", "WARNING"]},
           {"groups": ["GRASSROOTS", "UPPER", "CENTRAL"], "bodies": ["INSPECTION_COMMISSION"], "minDepth": 2, "maxDepth": 99, "forms": ["REPRIMAND", "WARNING"]},
           {"groups": ["UPPER", "CENTRAL"], "bodies": ["COMMITTEE"], "minDepth": 2, "maxDepth": 2, "forms": ["DISSOLUTION"]}]',
         'U', 'Organisations: KTr/CC by the direct upper cấp ủy/BTV, or the UBKT of any level for organisations under the lower cấp ủy [C]; giải tán proposed by the direct upper cấp ủy and decided by the cấp ủy one level above it [U, check ĐL Đ38] (DOMAIN §3.2). Depth: levels between the deciding unit and the subject'),
        ('discipline.propose-order', '["STANDING_COMMITTEE", "INSPECTION_COMMISSION", "COMMITTEE"]',
         'U', 'A body without authority proposes up: to the first body, at its own unit then each unit above, whose rows allow the form')
     ) AS r (key, value, source, basis)
ON CONFLICT (rule_set_id, key) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, basis = EXCLUDED.basis;
