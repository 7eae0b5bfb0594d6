// The badge beside each decision, from its outbox entry's state.
import { describe, expect, it } from 'vitest';
import { decisionStatus } from '../../../src/core/decisionStatus.ts';

describe('decision status', () => {
  it('says a local-only decision stays on this machine', () => {
    expect(decisionStatus(null)).toEqual({ kind: 'local', label: 'kept locally', reason: null, actionable: false });
  });

  it('maps pending, sending and done to queued, sending and sent', () => {
    expect(decisionStatus({ state: 'pending', lastError: null, errorClass: null })).toMatchObject({ kind: 'queued', label: 'queued', reason: null, actionable: false });
    // A retried entry keeps saying why it still waits.
    expect(decisionStatus({ state: 'pending', lastError: 'Reddit answered 503', errorClass: 'retry_after' })).toMatchObject({ kind: 'queued', reason: 'Reddit answered 503' });
    expect(decisionStatus({ state: 'sending', lastError: 'old', errorClass: null })).toMatchObject({ kind: 'sending', reason: null });
    expect(decisionStatus({ state: 'done', lastError: 'old', errorClass: 'ambiguous' })).toMatchObject({ kind: 'sent', label: 'sent', reason: null });
  });

  it('shows a failure with its reason and offers a retry, except for a removed account', () => {
    expect(decisionStatus({ state: 'failed', lastError: 'not a moderator of r/x', errorClass: 'forbidden' })).toEqual({
      kind: 'failed',
      label: 'failed',
      reason: 'not a moderator of r/x',
      actionable: true,
    });
    expect(decisionStatus({ state: 'failed', lastError: null, errorClass: 'forbidden' }).reason).toBe('the platform refused it');
    expect(decisionStatus({ state: 'failed', lastError: 'account removed', errorClass: 'account_removed' }).actionable).toBe(false);
  });

  it('reads an entry closed by undo as undone, not failed', () => {
    expect(decisionStatus({ state: 'failed', lastError: 'undone by ana before it was sent', errorClass: 'undone' })).toEqual({ kind: 'undone', label: 'undone', reason: null, actionable: false });
  });

  it("reads a conflict settled with take theirs as the platform's state kept", () => {
    expect(decisionStatus({ state: 'failed', lastError: 'a person kept the platform’s state instead', errorClass: 'superseded' })).toEqual({
      kind: 'superseded',
      label: 'platform kept',
      reason: 'a person kept the platform’s state instead',
      actionable: false,
    });
  });

  it('shows a conflict as a choice to make', () => {
    expect(decisionStatus({ state: 'conflict', lastError: 'approved remotely by another moderator', errorClass: 'conflict' })).toEqual({
      kind: 'conflict',
      label: 'conflict',
      reason: 'approved remotely by another moderator',
      actionable: true,
    });
  });
});
