// whatIf.* endpoints: how a "flag/hold when score ≥ t" rule would have done against what
// moderators already decided, and the rules saved from it (shown in the queue as suggestions).
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import { whatIf } from '../core/whatIf.ts';
import { listRules, removeRule, saveRule, whatIfRows, WhatIfRuleError } from '../store/whatIfRules.ts';
import type { BackendContext } from './context.ts';

export function whatIfHandlers(ctx: BackendContext): Pick<Handlers, 'whatIf.run' | 'whatIf.rules.list' | 'whatIf.rules.save' | 'whatIf.rules.remove'> {
  return {
    'whatIf.run': ({ model, threshold, platform, bins }) => ({ model, ...whatIf(whatIfRows(ctx.db, model, platform), threshold, bins) }),
    'whatIf.rules.list': () => listRules(ctx.db),
    'whatIf.rules.save': (input) => saveRule(ctx.db, input, ctx.who, ctx.clock),
    'whatIf.rules.remove': ({ id }) => {
      try {
        removeRule(ctx.db, id, ctx.who, ctx.clock);
      } catch (error) {
        if (error instanceof WhatIfRuleError) return fail('not_found', error.message);
        throw error;
      }
      return { removed: true as const };
    },
  };
}
