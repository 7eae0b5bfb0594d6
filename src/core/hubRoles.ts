// The roles a member of a team hub can have, and the kinds of events the hub's stream carries.
// Shared by the hub (which enforces them in PostgreSQL), the backend and the UI (which shows them).
export const HUB_ROLES = ['owner', 'moderator', 'creator', 'compliance', 'viewer'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

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
