import { describe, expect, it } from 'vitest';
import { ITEM_STATES, MODERATION_ACTIONS, stateAfter } from '../../../src/core/domain.ts';
import { QUEUE_SORTS, scoreModelOf } from '../../../src/core/queueSort.ts';

describe('moderation state machine', () => {
  it('moves items to the state each verdict names', () => {
    expect(stateAfter('approve', 'open')).toBe('approved');
    expect(stateAfter('remove', 'approved')).toBe('removed');
    expect(stateAfter('spam', 'open')).toBe('spam');
  });

  it('leaves the state alone for actions that are not verdicts', () => {
    for (const state of ITEM_STATES) expect(stateAfter('ban', state)).toBe(state);
    expect(stateAfter('ignore_reports', 'open')).toBe('ignored');
    expect(stateAfter('ignore_reports', 'removed')).toBe('removed');
  });

  it('has an answer for every action from every state', () => {
    for (const action of MODERATION_ACTIONS) for (const state of ITEM_STATES) expect(ITEM_STATES).toContain(stateAfter(action, state));
  });
});

describe('queue sorts', () => {
  it('names the model behind each score ordering', () => {
    expect(scoreModelOf('score:toxicity')).toBe('toxicity');
    expect(scoreModelOf('newest')).toBeNull();
    expect(QUEUE_SORTS.filter((s) => scoreModelOf(s) !== null)).toHaveLength(5);
  });
});
