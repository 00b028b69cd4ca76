-- Party members in the directory (đảng viên; DOMAIN §2, §4 Member): identified by the party card number
-- (số thẻ đảng viên) and the citizen ID (CCCD). The citizen ID is sealed (AES-GCM, kit FieldCipher) and found
-- by exact match through its keyed blind index; it never leaves the service in clear except to admins.

CREATE TABLE member (
    id                 uuid PRIMARY KEY,
    card_number        text        NOT NULL,
    citizen_id_sealed  bytea       NOT NULL,
    citizen_id_index   text        NOT NULL,
    full_name          text        NOT NULL,
    -- lower case without diacritics, for search ("nguyen van hung" finds "Nguyễn Văn Hùng")
    full_name_folded   text        NOT NULL,
    unit_id            uuid        NOT NULL REFERENCES org_unit (id),
    status             text        NOT NULL CHECK (status IN ('PROBATIONARY', 'OFFICIAL', 'SUSPENDED', 'EXPELLED',
                                                              'STRUCK_OFF', 'DECEASED', 'MISSING')),
    admitted_date      date,
    official_date      date,
    status_since       date,
    -- [{unitId, body, post, termStart, termEnd}]: read and written whole, never queried inside
    committee_posts    jsonb       NOT NULL DEFAULT '[]',
    state_position     text,
    -- diện quản lý: the unit whose committee manages the member as a cadre; null = the member's own unit
    managing_unit_id   uuid REFERENCES org_unit (id),
    retired            boolean     NOT NULL DEFAULT false,
    version            bigint      NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX member_card_number ON member (card_number);
CREATE UNIQUE INDEX member_citizen_id ON member (citizen_id_index);
-- lists: a unit's (or a subtree's) members by name
CREATE INDEX member_unit ON member (unit_id, full_name_folded, id);

-- Every change to a member: who, when, what (field: {from, to}); a transfer keeps the unit it left.
-- The citizen ID appears only as "changed", never its value.
CREATE TABLE member_history (
    id           bigserial PRIMARY KEY,
    member_id    uuid        NOT NULL REFERENCES member (id),
    version      bigint      NOT NULL,
    action       text        NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'TRANSFERRED', 'IMPORTED')),
    from_unit_id uuid,
    to_unit_id   uuid,
    changes      jsonb       NOT NULL,
    reason       text,
    actor        text        NOT NULL,
    request_id   text,
    at           timestamptz NOT NULL
);
CREATE INDEX member_history_member ON member_history (member_id, id);
