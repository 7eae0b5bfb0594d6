// The kinds of events the hub's stream carries. The hub's own table stoa_hub.role_event_kinds
// (0001-initial.ts) says which role may append which; this list only types and validates input.
export const HUB_EVENT_KINDS = [
  'decision',
  'person_note',
  'item_note',
  'removal_reason',
  'macro',
  'saved_view',
  'compliance_verdict',
  'remediation_request',
  'snapshot_hash',
] as const;

export type HubEventKind = (typeof HUB_EVENT_KINDS)[number];

export const HUB_ROLES = ['owner', 'moderator', 'creator', 'compliance', 'viewer'] as const;
export type HubRole = (typeof HUB_ROLES)[number];
