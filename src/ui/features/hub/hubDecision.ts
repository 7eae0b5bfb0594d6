// Another member's decision as the team hub reports it: in hub.item's decidedBy, and in the
// remoteSnapshot of an outbox conflict the send gate made ({source:'hub', memberName, action,
// decidedAt}). Both read as "Decided by Ana 2 min ago (remove)".
import { timeAgo } from './relativeTime.ts';

export interface HubDecision {
  readonly memberName: string;
  readonly action: string;
  readonly decidedAt: string;
}

/** The hub's decision in an outbox conflict's remote snapshot, or null when the platform made the conflict. */
export function hubDecisionOf(snapshot: unknown): HubDecision | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const { source, memberName, action, decidedAt } = snapshot as Record<string, unknown>;
  if (source !== 'hub' || typeof memberName !== 'string' || typeof action !== 'string' || typeof decidedAt !== 'string') return null;
  return { memberName, action, decidedAt };
}

export const decidedByText = (decision: HubDecision, now: number): string =>
  `Decided by ${decision.memberName} ${timeAgo(decision.decidedAt, now)} (${decision.action.replaceAll('_', ' ')})`;
