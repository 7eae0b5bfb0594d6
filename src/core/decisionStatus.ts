// What a moderator sees next to each decision: where its action stands on the way to the
// platform, read from the decision's outbox entry. One mapping, shared by the backend's reply and
// the UI's live updates (an outbox.changed event carries only state and reason).
import type { OutboxState } from './domain.ts';

export const DECISION_STATUS_KINDS = ['local', 'queued', 'sending', 'sent', 'failed', 'conflict', 'undone', 'superseded'] as const;
export type DecisionStatusKind = (typeof DECISION_STATUS_KINDS)[number];

export interface DecisionStatus {
  readonly kind: DecisionStatusKind;
  /** Short words for the badge. */
  readonly label: string;
  /** Why it failed, what the conflict is, or why it waits (the last error of a retried entry). */
  readonly reason: string | null;
  /** A person can act on it: Retry for failed, keep mine / take theirs for a conflict. */
  readonly actionable: boolean;
}

export interface OutboxFacts {
  readonly state: OutboxState;
  readonly lastError: string | null;
  readonly errorClass: string | null;
}

/** `entry` null: the item is local-only (no account), so the decision never leaves this machine. */
export function decisionStatus(entry: OutboxFacts | null): DecisionStatus {
  if (entry === null) return { kind: 'local', label: 'kept locally', reason: null, actionable: false };
  switch (entry.state) {
    case 'pending':
      // A retried entry keeps its last error, so the moderator sees why it is still waiting.
      return { kind: 'queued', label: 'queued', reason: entry.lastError, actionable: false };
    case 'sending':
      return { kind: 'sending', label: 'sending', reason: null, actionable: false };
    case 'done':
      return { kind: 'sent', label: 'sent', reason: null, actionable: false };
    case 'failed':
      // store/undo.ts closes an undone entry as failed with error class 'undone': not a failure.
      if (entry.errorClass === 'undone') return { kind: 'undone', label: 'undone', reason: null, actionable: false };
      // "Take theirs" on a conflict (SyncService.resolveConflict) closes the entry the same way.
      if (entry.errorClass === 'superseded') return { kind: 'superseded', label: 'platform kept', reason: entry.lastError, actionable: false };
      return { kind: 'failed', label: 'failed', reason: entry.lastError ?? 'the platform refused it', actionable: entry.errorClass !== 'account_removed' };
    case 'conflict':
      return { kind: 'conflict', label: 'conflict', reason: entry.lastError ?? 'the item changed on the platform', actionable: true };
  }
}
