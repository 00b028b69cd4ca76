-- Rules as data (ARCHITECTURE §7): every number of DOMAIN.md lives in a versioned rule set, keyed by
-- the regulation and the dates it is in force. Each service seeds the rule sets of its own domain in
-- its own migrations; a record stores the id of the rule set it was decided under.
CREATE TABLE kit_rule_set (
    id             text PRIMARY KEY,
    domain         text NOT NULL,
    regulation     text NOT NULL,
    title          text NOT NULL,
    effective_from date NOT NULL,
    effective_to   date,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX kit_rule_set_domain ON kit_rule_set (domain, effective_from);

CREATE TABLE kit_rule (
    rule_set_id text  NOT NULL REFERENCES kit_rule_set (id),
    key         text  NOT NULL,
    value       jsonb NOT NULL,
    -- DOMAIN.md's tag: C confirmed from the text, C2 seen in a secondary source, U unverified
    source      text  NOT NULL CHECK (source IN ('C', 'C2', 'U')),
    basis       text  NOT NULL,
    PRIMARY KEY (rule_set_id, key)
);

-- The working-day calendar: weekends are days off unless listed as WORKDAY (a Saturday worked to
-- make up a bridge day); HOLIDAY days are off. Tết moves with the lunar calendar, so every year is rows.
CREATE TABLE kit_calendar_day (
    day     date PRIMARY KEY,
    kind    text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name_vi text NOT NULL,
    name_en text NOT NULL,
    source  text NOT NULL CHECK (source IN ('C', 'C2', 'U'))
);

INSERT INTO kit_calendar_day (day, kind, name_vi, name_en, source)
SELECT d::date, 'HOLIDAY', name_vi, name_en, source FROM (VALUES
    ('2025-01-01', '2025-01-01', 'Tết Dương lịch', 'New Year''s Day', 'C'),
    ('2025-01-25', '2025-02-02', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Tết)', 'C'),
    ('2025-04-07', '2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings'' Commemoration', 'C'),
    ('2025-04-30', '2025-05-02', 'Ngày Giải phóng miền Nam và Quốc tế Lao động', 'Reunification Day and Labour Day', 'C2'),
    ('2025-08-30', '2025-09-02', 'Quốc khánh', 'National Day', 'C'),
    ('2026-01-01', '2026-01-01', 'Tết Dương lịch', 'New Year''s Day', 'C2'),
    ('2026-02-14', '2026-02-22', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)', 'C2'),
    ('2026-04-26', '2026-04-27', 'Giỗ Tổ Hùng Vương (10/3 âm lịch) và ngày nghỉ bù', 'Hung Kings'' Commemoration and day in lieu', 'C2'),
    ('2026-04-30', '2026-05-01', 'Ngày Giải phóng miền Nam và Quốc tế Lao động', 'Reunification Day and Labour Day', 'C2'),
    ('2026-09-01', '2026-09-02', 'Quốc khánh', 'National Day', 'U')
) AS h (first_day, last_day, name_vi, name_en, source),
LATERAL generate_series(h.first_day::date, h.last_day::date, interval '1 day') AS d;

-- 2/5/2025 was a bridge day, made up by working Saturday 26/4/2025.
INSERT INTO kit_calendar_day (day, kind, name_vi, name_en, source)
VALUES ('2025-04-26', 'WORKDAY', 'Làm bù cho ngày nghỉ 2/5/2025', 'Worked to make up for 2 May 2025', 'C2');
