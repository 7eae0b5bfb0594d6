// The kinds of events the hub's stream carries and the members' roles. The hub's own table
// stoa_hub.role_event_kinds (0001-initial.ts) says which role may append which; these lists only
// type and validate input. Defined in core, so the UI can show them without importing the hub.
export { HUB_EVENT_KINDS, HUB_ROLES, type HubEventKind, type HubRole } from '../core/hubRoles.ts';
