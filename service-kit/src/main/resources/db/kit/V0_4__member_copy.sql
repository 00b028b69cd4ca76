-- The local copy of the member directory (from ktgs.members.v1) for authority and scope checks.
-- unit_id is not a foreign key to kit_org_unit_copy: a member's event may arrive before its unit's, and
-- scope queries join the org copy when they run.
CREATE TABLE kit_member_copy (
    id               uuid PRIMARY KEY,
    card_number      text    NOT NULL,
    full_name        text    NOT NULL,
    unit_id          uuid    NOT NULL,
    status           text    NOT NULL,
    status_since     date,
    state_position   text,
    managing_unit_id uuid,
    retired          boolean NOT NULL,
    version          bigint  NOT NULL,
    changed_at       timestamptz NOT NULL
);
-- the members of a subtree (joined with the org copy's path range); a member by card number
CREATE INDEX kit_member_copy_unit ON kit_member_copy (unit_id);
CREATE INDEX kit_member_copy_card ON kit_member_copy (card_number);

-- Seats on party bodies, in the event's order: "does X sit on the committee / UBKT of U" and
-- "who sits on the UBKT of U" are index lookups.
CREATE TABLE kit_member_copy_post (
    member_id  uuid NOT NULL REFERENCES kit_member_copy (id) ON DELETE CASCADE,
    seq        int  NOT NULL,
    unit_id    uuid NOT NULL,
    body       text NOT NULL,
    post       text NOT NULL,
    term_start date,
    term_end   date,
    PRIMARY KEY (member_id, seq)
);
CREATE INDEX kit_member_copy_post_seat ON kit_member_copy_post (unit_id, body, member_id);
