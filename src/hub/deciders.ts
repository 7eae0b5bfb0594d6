// Shared by claims and send rights: checking an item's key before it reaches the hub, and turning
// the hub's refusal of a member whose role may not decide (stoa_hub.current_decider() in
// 0002-claims-send-rights.ts raises insufficient_privilege with the role as DETAIL) into a sentence.
import type { HubProblem } from './errors.ts';
import { sqlState } from './errors.ts';
import { unknownToken } from './members.ts';

export interface ItemKeyInput {
  readonly platform: string;
  readonly remoteId: string;
  readonly device: string;
}

/** A sentence for the first field out of the hub's bounds, or null when all fit. */
export function itemKeyProblem(input: ItemKeyInput): HubProblem | null {
  const fields: [string, string, number][] = [
    ['platform', input.platform, 100],
    ['remoteId', input.remoteId, 500],
    ['device', input.device, 200],
  ];
  for (const [name, value, max] of fields) {
    if (typeof value !== 'string' || value.length === 0 || value.length > max) {
      return { code: 'bad_request', message: `The hub needs ${name} as 1 to ${max} characters.` };
    }
  }
  return null;
}

/** The hub's refusal of a member who may not decide, as a problem; null for any other error. */
export function decisionRefusal(error: unknown, what: string): HubProblem | null {
  if (sqlState(error) !== '42501') return null;
  const role = error instanceof Error && 'detail' in error && typeof error.detail === 'string' ? error.detail : 'unknown';
  if (role === 'unknown') return unknownToken();
  return { code: 'not_permitted', message: `The hub refused: a ${role} may not ${what}; only members whose role may decide can.` };
}
