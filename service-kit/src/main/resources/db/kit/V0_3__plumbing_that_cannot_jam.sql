-- Outbox: the trace context travels with the event; a row Kafka refuses for good is set aside with its
-- error instead of blocking the rows behind it; the janitor finds sent rows by age.
ALTER TABLE kit_outbox ADD COLUMN traceparent text, ADD COLUMN failed_at timestamptz, ADD COLUMN error text;
DROP INDEX kit_outbox_unsent;
CREATE INDEX kit_outbox_unsent ON kit_outbox (id) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX kit_outbox_sent_at ON kit_outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX kit_processed_event_at ON kit_processed_event (processed_at);
CREATE INDEX kit_idempotency_created_at ON kit_idempotency (created_at);

-- The org copy's paths compared byte by byte, as planning's directory does: one plain index serves
-- "every unit below X" as a range whatever the database's locale.
DROP INDEX kit_org_unit_copy_path;
ALTER TABLE kit_org_unit_copy ALTER COLUMN path TYPE text COLLATE "C";
CREATE INDEX kit_org_unit_copy_path ON kit_org_unit_copy (path);

-- The working-day calendar (DOMAIN §6): each row names the document it comes from; a day announced but
-- not yet in force is listed (in_force = false) and not counted; a year is usable only once it is
-- listed in kit_calendar_year, so a deadline in a year nobody has entered is refused, never computed
-- as if the year had no holidays.
ALTER TABLE kit_calendar_day ADD COLUMN document text, ADD COLUMN in_force boolean NOT NULL DEFAULT true;
UPDATE kit_calendar_day SET document = 'Bộ luật Lao động 2019 Đ112; thông báo nghỉ lễ, Tết năm 2025 của Bộ Nội vụ'
 WHERE extract(year FROM day) = 2025;
UPDATE kit_calendar_day SET document = 'Bộ luật Lao động 2019 Đ112; thông báo nghỉ lễ, Tết năm 2026 của Bộ Nội vụ'
 WHERE extract(year FROM day) = 2026;
UPDATE kit_calendar_day SET document = 'Thông báo 9441/TB-BNV (nghỉ Tết Bính Ngọ 2026)'
 WHERE day BETWEEN '2026-02-14' AND '2026-02-22';
ALTER TABLE kit_calendar_day ALTER COLUMN document SET NOT NULL;

-- 2/1/2026 (Friday) off, made up by working Saturday 10/1/2026.
INSERT INTO kit_calendar_day (day, kind, name_vi, name_en, source, document) VALUES
 ('2026-01-02', 'HOLIDAY', 'Nghỉ hoán đổi dịp Tết Dương lịch 2026', 'New Year bridge day (swapped)', 'C2',
  'Thông báo nghỉ Tết Dương lịch 2026 của Bộ Nội vụ (hoán đổi ngày 2/1 với thứ Bảy 10/1)'),
 ('2026-01-10', 'WORKDAY', 'Làm bù cho ngày nghỉ 2/1/2026', 'Worked to make up for 2 January 2026', 'C2',
  'Thông báo nghỉ Tết Dương lịch 2026 của Bộ Nội vụ (hoán đổi ngày 2/1 với thứ Bảy 10/1)');
-- Announced as a future day off, not yet law: listed, not counted.
INSERT INTO kit_calendar_day (day, kind, name_vi, name_en, source, document, in_force) VALUES
 ('2026-11-24', 'HOLIDAY', 'Ngày Văn hóa Việt Nam (đã công bố, chưa có hiệu lực)',
  'Vietnam Culture Day (announced, not yet in force)', 'C', 'Công bố ngày nghỉ Ngày Văn hóa Việt Nam 24/11', false);

CREATE TABLE kit_calendar_year (
    year     int  PRIMARY KEY,
    source   text NOT NULL CHECK (source IN ('C', 'C2', 'U')),
    document text NOT NULL
);
INSERT INTO kit_calendar_year (year, source, document) VALUES
 (2025, 'C', 'Bộ luật Lao động 2019 Đ112; thông báo nghỉ lễ, Tết năm 2025 của Bộ Nội vụ'),
 (2026, 'C2', 'Bộ luật Lao động 2019 Đ112; thông báo nghỉ lễ, Tết năm 2026 của Bộ Nội vụ (Quốc khánh: ngày nghỉ liền kề chưa xác minh)');
