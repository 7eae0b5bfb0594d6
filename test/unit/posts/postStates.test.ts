// The post lifecycle: draft ↔ valid by validation, valid → scheduled → publishing → published |
// failed, no edits once publishing, a failed post editable and retryable.
import { describe, expect, it } from 'vitest';
import { canMovePost, isPostEditable, POST_STATES, stateAfterSave } from '../../../src/core/postValidationStates.ts';

describe('post states', () => {
  it('allows exactly the documented moves', () => {
    const allowed = POST_STATES.flatMap((from) => POST_STATES.filter((to) => to !== from && canMovePost(from, to)).map((to) => `${from}->${to}`));
    expect(allowed).toEqual([
      'draft->valid',
      'valid->draft',
      'valid->scheduled',
      'valid->publishing',
      'scheduled->draft',
      'scheduled->valid',
      'scheduled->publishing',
      'scheduled->failed',
      'scheduled->missed',
      'publishing->published',
      'publishing->failed',
      'failed->draft',
      'failed->valid',
      'failed->publishing',
      'missed->draft',
      'missed->valid',
      'missed->scheduled',
      'missed->publishing',
    ]);
    expect(canMovePost('draft', 'publishing')).toBe(false);
    expect(canMovePost('published', 'draft')).toBe(false);
  });

  it('stops edits while publishing and after, and saves to valid only when the check passes', () => {
    expect(POST_STATES.filter(isPostEditable)).toEqual(['draft', 'valid', 'scheduled', 'failed', 'missed']);
    expect([stateAfterSave(true), stateAfterSave(false)]).toEqual(['valid', 'draft']);
  });
});
