-- The organisation directory: a tree of typed party bodies (DOMAIN §2). Levels and which level may
-- sit under which are data, valid by date, so that a reform (the district level ended on 1/7/2025)
-- is a row change, not a code change.

CREATE TABLE org_level (
    code          text PRIMARY KEY,
    label_vi      text    NOT NULL,
    label_en      text    NOT NULL,
    sort_order    int     NOT NULL,
    -- UBKT exists from đảng ủy cơ sở upward (DOMAIN §2)
    may_have_ubkt boolean NOT NULL,
    -- staff agencies (ban, văn phòng) may not run an inspection on signs of violation (DOMAIN §7.9)
    staff_agency  boolean NOT NULL DEFAULT false,
    valid_from    date    NOT NULL DEFAULT DATE '1930-02-03',
    valid_to      date,
    regulation    text    NOT NULL
);

CREATE TABLE org_level_parent (
    level_code        text NOT NULL REFERENCES org_level (code),
    parent_level_code text NOT NULL REFERENCES org_level (code),
    PRIMARY KEY (level_code, parent_level_code)
);

INSERT INTO org_level (code, label_vi, label_en, sort_order, may_have_ubkt, staff_agency, valid_to, regulation) VALUES
    ('CENTRAL',      'Trung ương',                                  'Central level',                 10, true,  false, NULL, 'Điều lệ Đảng 2011'),
    ('PROVINCE',     'Đảng bộ tỉnh, thành phố trực thuộc Trung ương', 'Province or centrally-run city', 20, true,  false, NULL, 'Điều lệ Đảng 2011'),
    ('DISTRICT',     'Đảng bộ huyện, quận, thị xã, thành phố thuộc tỉnh', 'District (abolished 1/7/2025)', 30, true,  false, DATE '2025-06-30', 'HD 31-HD/BTCTW (23/4/2025)'),
    ('SUPERIOR_GRASSROOTS', 'Đảng bộ cấp trên cơ sở trực thuộc tỉnh ủy, thành ủy', 'Superior-grassroots committee', 35, true, false, NULL, 'Điều lệ Đảng 2011'),
    ('COMMUNE',      'Đảng bộ xã, phường, đặc khu',                 'Commune, ward or special zone', 40, true,  false, NULL, 'HD 31-HD/BTCTW (23/4/2025)'),
    ('GRASSROOTS',   'Đảng bộ cơ sở',                               'Grassroots committee',          50, true,  false, NULL, 'Điều lệ Đảng 2011'),
    ('PARTIAL',      'Đảng bộ bộ phận',                             'Partial committee',             60, false, false, NULL, 'Điều lệ Đảng 2011'),
    ('GRASSROOTS_CELL', 'Chi bộ cơ sở',                             'Grassroots cell',               65, false, false, NULL, 'Điều lệ Đảng 2011'),
    ('CELL',         'Chi bộ trực thuộc',                           'Party cell',                    70, false, false, NULL, 'Điều lệ Đảng 2011'),
    ('GROUP',        'Tổ đảng',                                     'Party group',                   80, false, false, NULL, 'Điều lệ Đảng 2011'),
    ('STAFF_AGENCY', 'Cơ quan tham mưu, giúp việc (ban, văn phòng)', 'Staff agency',                 90, false, true,  NULL, 'QĐ 296-QĐ/TW Đ3');

INSERT INTO org_level_parent (level_code, parent_level_code) VALUES
    ('PROVINCE', 'CENTRAL'),
    ('DISTRICT', 'PROVINCE'),
    ('SUPERIOR_GRASSROOTS', 'PROVINCE'),
    ('COMMUNE', 'PROVINCE'),
    ('COMMUNE', 'DISTRICT'),
    ('GRASSROOTS', 'PROVINCE'),
    ('GRASSROOTS', 'DISTRICT'),
    ('GRASSROOTS', 'SUPERIOR_GRASSROOTS'),
    ('PARTIAL', 'COMMUNE'),
    ('PARTIAL', 'GRASSROOTS'),
    ('GRASSROOTS_CELL', 'PROVINCE'),
    ('GRASSROOTS_CELL', 'DISTRICT'),
    ('GRASSROOTS_CELL', 'SUPERIOR_GRASSROOTS'),
    ('CELL', 'COMMUNE'),
    ('CELL', 'GRASSROOTS'),
    ('CELL', 'PARTIAL'),
    ('GROUP', 'CELL'),
    ('GROUP', 'GRASSROOTS_CELL'),
    ('STAFF_AGENCY', 'CENTRAL'),
    ('STAFF_AGENCY', 'PROVINCE'),
    ('STAFF_AGENCY', 'COMMUNE');

CREATE TABLE org_unit (
    id                  uuid PRIMARY KEY,
    code                text        NOT NULL,
    name                text        NOT NULL,
    -- lower case without diacritics, for search ("ha noi" finds "Hà Nội")
    name_folded         text        NOT NULL,
    level               text        NOT NULL REFERENCES org_level (code),
    parent_id           uuid REFERENCES org_unit (id),
    -- '/' + ancestor ids + own id + '/': "below X" is a prefix test on an index
    path                text        NOT NULL,
    has_ubkt            boolean     NOT NULL DEFAULT false,
    has_btv             boolean     NOT NULL DEFAULT false,
    authorised_to_admit boolean     NOT NULL DEFAULT false,
    active              boolean     NOT NULL DEFAULT true,
    version             bigint      NOT NULL DEFAULT 0,
    -- the version last written to the outbox; behind version means an event is owed (see OrgEvents)
    announced_version   bigint,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX org_unit_code ON org_unit (code);
CREATE INDEX org_unit_parent ON org_unit (parent_id, name_folded, id);
CREATE INDEX org_unit_path ON org_unit (path text_pattern_ops);

-- The one root: the Party Central Committee. Every other unit is created under it through the API.
INSERT INTO org_unit (id, code, name, name_folded, level, parent_id, path, has_ubkt, has_btv, authorised_to_admit)
VALUES ('00000000-0000-0000-0000-000000000001', 'TW', 'Ban Chấp hành Trung ương Đảng', 'ban chap hanh trung uong dang',
        'CENTRAL', NULL, '/00000000-0000-0000-0000-000000000001/', true, true, true);
