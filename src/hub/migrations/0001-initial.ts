// The hub's first schema: workspaces (a team), their members with roles and hashed tokens, and one
// append-only event stream with a server-assigned sequence. Members never touch the tables as the
// connection's own user: each request runs as the NOLOGIN role stoa_hub_member (SET LOCAL ROLE),
// with its token in the setting stoa.member_token, and row-level security decides from that token
// what the member may read and append. So a viewer cannot decide even with a hand-written INSERT.
import type { HubMigration } from './types.ts';

const SQL = `
DO $$ BEGIN
  CREATE ROLE stoa_hub_member NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- roles are per cluster: another hub database made it
END $$;
GRANT stoa_hub_member TO CURRENT_USER;
GRANT USAGE ON SCHEMA stoa_hub TO stoa_hub_member;

CREATE TABLE stoa_hub.workspaces (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stoa_hub.members (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES stoa_hub.workspaces (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('owner', 'moderator', 'creator', 'compliance', 'viewer')),
  -- SHA-256 of the member's token: tokens are 256 random bits, so a fast hash is enough, and the
  -- hub can find a member by it in one index lookup.
  token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Which roles may append which event kinds. Kinds are a closed set: an unknown kind is refused.
CREATE TABLE stoa_hub.role_event_kinds (
  role text NOT NULL,
  kind text NOT NULL,
  PRIMARY KEY (role, kind)
);
INSERT INTO stoa_hub.role_event_kinds (role, kind)
SELECT 'owner', kind FROM unnest(ARRAY['decision', 'person_note', 'item_note', 'removal_reason', 'macro', 'saved_view',
  'compliance_verdict', 'remediation_request', 'snapshot_hash']) AS kind
UNION ALL
SELECT 'moderator', kind FROM unnest(ARRAY['decision', 'person_note', 'item_note', 'removal_reason', 'macro', 'saved_view']) AS kind
UNION ALL
SELECT 'creator', kind FROM unnest(ARRAY['item_note', 'saved_view']) AS kind
UNION ALL
SELECT 'compliance', kind FROM unnest(ARRAY['compliance_verdict', 'remediation_request', 'snapshot_hash', 'item_note', 'person_note', 'saved_view']) AS kind;

-- Not an identity column: the sequence is drawn in a trigger after the workspace's append lock,
-- so sequences become visible in order and a reader's cursor never skips a later-committing row.
CREATE SEQUENCE stoa_hub.event_seq AS bigint;
CREATE TABLE stoa_hub.events (
  seq bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  workspace_id uuid NOT NULL REFERENCES stoa_hub.workspaces (id),
  kind text NOT NULL,
  actor uuid NOT NULL REFERENCES stoa_hub.members (id),
  device text NOT NULL CHECK (length(device) BETWEEN 1 AND 200),
  payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
ALTER SEQUENCE stoa_hub.event_seq OWNED BY stoa_hub.events.seq;
CREATE INDEX events_workspace_seq ON stoa_hub.events (workspace_id, seq);

-- The member behind this transaction's stoa.member_token, or no row. SECURITY DEFINER: members
-- cannot read token hashes themselves.
CREATE FUNCTION stoa_hub.current_member() RETURNS TABLE (member_id uuid, workspace_id uuid, role text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, stoa_hub AS $$
  SELECT m.id, m.workspace_id, m.role, m.name FROM stoa_hub.members m
  WHERE m.revoked_at IS NULL
    AND m.token_hash = sha256(convert_to(nullif(current_setting('stoa.member_token', true), ''), 'UTF8'))
$$;
CREATE FUNCTION stoa_hub.current_member_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT member_id FROM stoa_hub.current_member() $$;
CREATE FUNCTION stoa_hub.current_workspace_id() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT workspace_id FROM stoa_hub.current_member() $$;
CREATE FUNCTION stoa_hub.current_member_role() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT role FROM stoa_hub.current_member() $$;

CREATE FUNCTION stoa_hub.assign_event_seq() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, stoa_hub AS $$
BEGIN
  -- Held to the end of the transaction: appends to one workspace commit in sequence order.
  PERFORM pg_advisory_xact_lock(1398034256, hashtext(NEW.workspace_id::text));
  NEW.seq := nextval('stoa_hub.event_seq');
  NEW.received_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER events_assign_seq BEFORE INSERT ON stoa_hub.events FOR EACH ROW EXECUTE FUNCTION stoa_hub.assign_event_seq();

CREATE FUNCTION stoa_hub.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stoa_hub.events is append-only: events are never changed or deleted' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON stoa_hub.events FOR EACH ROW EXECUTE FUNCTION stoa_hub.refuse_event_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON stoa_hub.events FOR EACH STATEMENT EXECUTE FUNCTION stoa_hub.refuse_event_change();

-- Row-level security. The (SELECT f()) form makes PostgreSQL evaluate the member once per query.
ALTER TABLE stoa_hub.workspaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE stoa_hub.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE stoa_hub.events ENABLE ROW LEVEL SECURITY;

CREATE POLICY workspaces_own ON stoa_hub.workspaces FOR SELECT TO stoa_hub_member
  USING (id = (SELECT stoa_hub.current_workspace_id()));
CREATE POLICY members_read ON stoa_hub.members FOR SELECT TO stoa_hub_member
  USING (workspace_id = (SELECT stoa_hub.current_workspace_id()));
CREATE POLICY members_added_by_owner ON stoa_hub.members FOR INSERT TO stoa_hub_member
  WITH CHECK (workspace_id = (SELECT stoa_hub.current_workspace_id()) AND (SELECT stoa_hub.current_member_role()) = 'owner');
CREATE POLICY events_read ON stoa_hub.events FOR SELECT TO stoa_hub_member
  USING (workspace_id = (SELECT stoa_hub.current_workspace_id()));
CREATE POLICY events_append ON stoa_hub.events FOR INSERT TO stoa_hub_member
  WITH CHECK (
    workspace_id = (SELECT stoa_hub.current_workspace_id())
    AND actor = (SELECT stoa_hub.current_member_id())
    AND EXISTS (SELECT 1 FROM stoa_hub.role_event_kinds k WHERE k.role = (SELECT stoa_hub.current_member_role()) AND k.kind = events.kind)
  );

GRANT SELECT ON stoa_hub.workspaces TO stoa_hub_member;
GRANT SELECT (id, workspace_id, name, role, created_at, revoked_at) ON stoa_hub.members TO stoa_hub_member;
GRANT INSERT (id, workspace_id, name, role, token_hash) ON stoa_hub.members TO stoa_hub_member;
GRANT SELECT ON stoa_hub.role_event_kinds TO stoa_hub_member;
GRANT SELECT, INSERT ON stoa_hub.events TO stoa_hub_member;
`;

export const initialHub: HubMigration = {
  version: 1,
  name: 'initial',
  async up(client) {
    await client.query(SQL);
  },
};
