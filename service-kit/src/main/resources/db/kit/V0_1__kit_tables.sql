-- Plumbing tables every service has. Kit migrations are numbered 0.x so that they sort before a
-- service's own (1 and up); quarkus.flyway.out-of-order lets a later kit migration still apply.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
CREATE TABLE kit_outbox (
    id         bigserial PRIMARY KEY,
    event_id   uuid        NOT NULL UNIQUE,
    topic      text        NOT NULL,
    event_key  text        NOT NULL,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at    timestamptz
);
CREATE INDEX kit_outbox_unsent ON kit_outbox (id) WHERE sent_at IS NULL;

-- Idempotent consumer (inbox): one row per event a consumer has applied, written with the effect.
CREATE TABLE kit_processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    topic        text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Append-only audit trail: who, when, what, from which request.
CREATE TABLE kit_audit (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    actor_org   uuid,
    request_id  text,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text        NOT NULL,
    details     jsonb
);
CREATE INDEX kit_audit_entity ON kit_audit (entity_type, entity_id, id);
CREATE FUNCTION kit_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kit_audit is append-only';
END $$;
CREATE TRIGGER kit_audit_no_change BEFORE UPDATE OR DELETE ON kit_audit
    FOR EACH ROW EXECUTE FUNCTION kit_audit_append_only();

-- Idempotency-Key on creation: a retry with the same key returns the first result.
CREATE TABLE kit_idempotency (
    actor         text        NOT NULL,
    scope         text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    status        int,
    location      text,
    body          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, scope, key)
);

-- The local copy of the org directory (from ktgs.org-units.v1) for scope checks.
-- path = '/' + ancestor ids + own id + '/', so "X is within Y" is a prefix test.
CREATE TABLE kit_org_unit_copy (
    id        uuid PRIMARY KEY,
    parent_id uuid,
    path      text    NOT NULL,
    code      text    NOT NULL,
    name      text    NOT NULL,
    level     text    NOT NULL,
    has_ubkt  boolean NOT NULL,
    has_btv   boolean NOT NULL,
    authorised_to_admit boolean NOT NULL,
    active    boolean NOT NULL,
    version   bigint  NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX kit_org_unit_copy_path ON kit_org_unit_copy (path text_pattern_ops);
