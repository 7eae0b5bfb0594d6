// Claims ("Ana is looking"), send rights ("exactly one desktop sends each platform action") and the
// record of the desks' login. Members read claims and send rights of their own workspace through
// row-level security, but write them only through the SECURITY DEFINER functions below, which judge
// leases by the server's clock and refuse members whose role may not append 'decision' events. So a
// hand-written INSERT as stoa_hub_member is refused (no INSERT privilege), and a viewer cannot claim.
import type { HubMigration } from './types.ts';

const SQL = `
CREATE TABLE stoa_hub.claims (
  workspace_id uuid NOT NULL REFERENCES stoa_hub.workspaces (id),
  platform text NOT NULL CHECK (length(platform) BETWEEN 1 AND 100),
  remote_id text NOT NULL CHECK (length(remote_id) BETWEEN 1 AND 500),
  member_id uuid NOT NULL REFERENCES stoa_hub.members (id),
  device text NOT NULL CHECK (length(device) BETWEEN 1 AND 200),
  claimed_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CONSTRAINT claims_item PRIMARY KEY (workspace_id, platform, remote_id)
);

-- Every send right ever taken; the current holder of an item is its one row not ended. An ended
-- row stays as history: released (the send failed for good or was withdrawn) or overridden (a
-- member chose "Keep mine" over it).
CREATE TABLE stoa_hub.send_rights (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES stoa_hub.workspaces (id),
  platform text NOT NULL CHECK (length(platform) BETWEEN 1 AND 100),
  remote_id text NOT NULL CHECK (length(remote_id) BETWEEN 1 AND 500),
  decision_id uuid NOT NULL,
  member_id uuid NOT NULL REFERENCES stoa_hub.members (id),
  action text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
  device text NOT NULL CHECK (length(device) BETWEEN 1 AND 200),
  decided_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ended_how text CHECK (ended_how IN ('released', 'overridden')),
  overridden_by uuid,
  CHECK ((ended_at IS NULL) = (ended_how IS NULL))
);
CREATE UNIQUE INDEX send_rights_one_holder ON stoa_hub.send_rights (workspace_id, platform, remote_id) WHERE ended_at IS NULL;
CREATE INDEX send_rights_decision ON stoa_hub.send_rights (workspace_id, decision_id);

-- The LOGIN role desks connect with (deskLogin.ts), one per hub database. Its password travels in
-- every member's join URL, so it is a shared gate, not a secret per member (tokens are); it is kept
-- here so \`stoa hub add-member\` can print join URLs. Only the database's own login reads it.
CREATE TABLE stoa_hub.desk_login (
  role_name text PRIMARY KEY,
  password text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE stoa_hub.desk_login ENABLE ROW LEVEL SECURITY;

-- The member behind the token if their role may decide; otherwise insufficient_privilege, with the
-- role (or 'unknown') as DETAIL for the caller's sentence.
CREATE FUNCTION stoa_hub.current_decider() RETURNS TABLE (member_id uuid, workspace_id uuid, name text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, stoa_hub AS $$
DECLARE
  me record;
BEGIN
  SELECT m.member_id, m.workspace_id, m.role, m.name INTO me FROM stoa_hub.current_member() m;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the hub does not know this member token' USING ERRCODE = 'insufficient_privilege', DETAIL = 'unknown';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM stoa_hub.role_event_kinds k WHERE k.role = me.role AND k.kind = 'decision') THEN
    RAISE EXCEPTION 'a % may not claim items or take the right to send', me.role USING ERRCODE = 'insufficient_privilege', DETAIL = me.role;
  END IF;
  RETURN QUERY SELECT me.member_id, me.workspace_id, me.name;
END $$;

-- Claims or renews (same member, any of their desks) a lease; an expired claim is taken over.
-- One statement on the item's row: concurrent claimers are serialized by its lock.
CREATE FUNCTION stoa_hub.claim_item(p_platform text, p_remote_id text, p_device text, p_lease_ms integer)
RETURNS TABLE (granted boolean, member_id uuid, member_name text, device text, claimed_at timestamptz, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, stoa_hub AS $$
#variable_conflict use_column
DECLARE
  me record;
  won boolean;
BEGIN
  SELECT d.member_id, d.workspace_id INTO me FROM stoa_hub.current_decider() d;
  IF p_lease_ms IS NULL OR p_lease_ms < 1000 OR p_lease_ms > 600000 THEN
    RAISE EXCEPTION 'a claim''s lease is 1 s to 10 min (got % ms)', p_lease_ms USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO stoa_hub.claims AS c (workspace_id, platform, remote_id, member_id, device, claimed_at, expires_at)
  VALUES (me.workspace_id, p_platform, p_remote_id, me.member_id, p_device, now(), now() + p_lease_ms * interval '1 millisecond')
  ON CONFLICT ON CONSTRAINT claims_item DO UPDATE
    SET member_id = EXCLUDED.member_id,
        device = EXCLUDED.device,
        claimed_at = CASE WHEN c.member_id = EXCLUDED.member_id AND c.expires_at > now() THEN c.claimed_at ELSE now() END,
        expires_at = EXCLUDED.expires_at
    WHERE c.member_id = EXCLUDED.member_id OR c.expires_at <= now();
  won := FOUND;
  -- Not granted: the row is locked by the statement above, so this reads the holder that won.
  RETURN QUERY SELECT won, c.member_id, m.name, c.device, c.claimed_at, c.expires_at
    FROM stoa_hub.claims c JOIN stoa_hub.members m ON m.id = c.member_id
    WHERE c.workspace_id = me.workspace_id AND c.platform = p_platform AND c.remote_id = p_remote_id;
END $$;

-- Releases the claim the member holds from this desk (another desk of theirs may have renewed it since).
CREATE FUNCTION stoa_hub.release_claim(p_platform text, p_remote_id text, p_device text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, stoa_hub AS $$
#variable_conflict use_column
DECLARE
  me record;
BEGIN
  SELECT d.member_id, d.workspace_id INTO me FROM stoa_hub.current_decider() d;
  DELETE FROM stoa_hub.claims c
  WHERE c.workspace_id = me.workspace_id AND c.platform = p_platform AND c.remote_id = p_remote_id
    AND c.member_id = me.member_id AND c.device = p_device AND c.expires_at > now();
  RETURN FOUND;
END $$;

-- One holder per item, decided under a per-item advisory lock (class 1398034258, apart from the
-- append lock 1398034256 and the migration lock 1398034257). outcome is granted, claimed (another
-- member's unexpired claim: its fields) or decided (the holder's fields).
CREATE FUNCTION stoa_hub.acquire_send_right(p_platform text, p_remote_id text, p_decision_id uuid, p_action text, p_device text, p_overrides uuid)
RETURNS TABLE (outcome text, member_id uuid, member_name text, action text, decision_id uuid, device text, at timestamptz, expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, stoa_hub AS $$
#variable_conflict use_column
DECLARE
  me record;
  cur record;
  has_holder boolean;
  cl record;
BEGIN
  SELECT d.member_id, d.workspace_id, d.name INTO me FROM stoa_hub.current_decider() d;
  PERFORM pg_advisory_xact_lock(1398034258, hashtext(me.workspace_id::text || '/' || p_platform || '/' || p_remote_id));
  SELECT s.id, s.member_id, m.name, s.action, s.decision_id, s.device, s.decided_at INTO cur
    FROM stoa_hub.send_rights s JOIN stoa_hub.members m ON m.id = s.member_id
    WHERE s.workspace_id = me.workspace_id AND s.platform = p_platform AND s.remote_id = p_remote_id AND s.ended_at IS NULL;
  has_holder := FOUND;
  IF has_holder AND cur.decision_id = p_decision_id AND cur.member_id = me.member_id THEN
    RETURN QUERY SELECT 'granted', cur.member_id, cur.name, cur.action, cur.decision_id, cur.device, cur.decided_at, NULL::timestamptz;
    RETURN;
  END IF;
  SELECT c.member_id, m.name, c.device, c.claimed_at, c.expires_at INTO cl
    FROM stoa_hub.claims c JOIN stoa_hub.members m ON m.id = c.member_id
    WHERE c.workspace_id = me.workspace_id AND c.platform = p_platform AND c.remote_id = p_remote_id
      AND c.expires_at > now() AND c.member_id <> me.member_id;
  IF FOUND THEN
    RETURN QUERY SELECT 'claimed', cl.member_id, cl.name, NULL::text, NULL::uuid, cl.device, cl.claimed_at, cl.expires_at;
    RETURN;
  END IF;
  IF has_holder AND (p_overrides IS NULL OR p_overrides <> cur.decision_id) THEN
    RETURN QUERY SELECT 'decided', cur.member_id, cur.name, cur.action, cur.decision_id, cur.device, cur.decided_at, NULL::timestamptz;
    RETURN;
  END IF;
  IF has_holder THEN
    UPDATE stoa_hub.send_rights s SET ended_at = now(), ended_how = 'overridden', overridden_by = p_decision_id
    WHERE s.id = cur.id AND s.ended_at IS NULL;
  END IF;
  RETURN QUERY INSERT INTO stoa_hub.send_rights AS s (workspace_id, platform, remote_id, decision_id, member_id, action, device)
    VALUES (me.workspace_id, p_platform, p_remote_id, p_decision_id, me.member_id, p_action, p_device)
    RETURNING 'granted'::text, s.member_id, me.name, s.action, s.decision_id, s.device, s.decided_at, NULL::timestamptz;
END $$;

-- Frees the item for another member's decision; only the holder's own member may.
CREATE FUNCTION stoa_hub.release_send_right(p_decision_id uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, stoa_hub AS $$
#variable_conflict use_column
DECLARE
  me record;
BEGIN
  SELECT d.member_id, d.workspace_id INTO me FROM stoa_hub.current_decider() d;
  UPDATE stoa_hub.send_rights s SET ended_at = now(), ended_how = 'released'
  WHERE s.workspace_id = me.workspace_id AND s.decision_id = p_decision_id AND s.member_id = me.member_id AND s.ended_at IS NULL;
  RETURN FOUND;
END $$;

ALTER TABLE stoa_hub.claims ENABLE ROW LEVEL SECURITY;
ALTER TABLE stoa_hub.send_rights ENABLE ROW LEVEL SECURITY;
CREATE POLICY claims_read ON stoa_hub.claims FOR SELECT TO stoa_hub_member
  USING (workspace_id = (SELECT stoa_hub.current_workspace_id()));
CREATE POLICY send_rights_read ON stoa_hub.send_rights FOR SELECT TO stoa_hub_member
  USING (workspace_id = (SELECT stoa_hub.current_workspace_id()));
GRANT SELECT ON stoa_hub.claims, stoa_hub.send_rights TO stoa_hub_member;

REVOKE EXECUTE ON FUNCTION stoa_hub.current_decider(), stoa_hub.claim_item(text, text, text, integer), stoa_hub.release_claim(text, text, text),
  stoa_hub.acquire_send_right(text, text, uuid, text, text, uuid), stoa_hub.release_send_right(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION stoa_hub.current_decider(), stoa_hub.claim_item(text, text, text, integer), stoa_hub.release_claim(text, text, text),
  stoa_hub.acquire_send_right(text, text, uuid, text, text, uuid), stoa_hub.release_send_right(uuid) TO stoa_hub_member;
`;

export const claimsAndSendRightsHub: HubMigration = {
  version: 2,
  name: 'claims-send-rights',
  async up(client) {
    await client.query(SQL);
  },
};
