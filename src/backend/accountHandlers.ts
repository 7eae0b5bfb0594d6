// accounts.* endpoints: connect, list, test and remove platform accounts. Secrets go straight to
// the encrypted store; replies never carry them.
import type { Handlers } from '../api/dispatch.ts';
import { fail, type ErrorCode } from '../api/errors.ts';
import type { BackendContext } from './context.ts';
import { connectionProfiles } from '../platforms/index.ts';
import {
  addWorkspaceAccount,
  listWorkspaceAccounts,
  removeWorkspaceAccount,
  testWorkspaceAccount,
  type AccountProblem,
  type SyncService,
} from './sync/index.ts';

const CODES: Record<AccountProblem['code'], ErrorCode> = {
  invalid_input: 'invalid_input',
  not_found: 'not_found',
  unsupported_platform: 'invalid_input',
  secret_unavailable: 'unavailable',
  reauth: 'reauth_required',
  permanent_failure: 'platform_refused',
  retry_after: 'rate_limited',
};

export const failWith = (problem: AccountProblem): never => fail(CODES[problem.code], problem.message);

export function accountHandlers(
  ctx: BackendContext,
  sync: SyncService,
): Pick<Handlers, 'accounts.list' | 'accounts.platforms' | 'accounts.add' | 'accounts.remove' | 'accounts.test'> {
  return {
    'accounts.list': () => listWorkspaceAccounts(ctx),
    'accounts.platforms': () => connectionProfiles().map(({ platform, profile }) => ({ platform, ...profile, credentialKinds: [...profile.credentialKinds], options: profile.options.map((o) => ({ ...o })) })),
    'accounts.add': (input) => {
      const added = addWorkspaceAccount(ctx, input);
      if (!added.ok) return failWith(added.error);
      sync.refreshAccounts();
      return added.value;
    },
    'accounts.remove': ({ id, discardQueued }) => {
      const removed = removeWorkspaceAccount(ctx, id, { discardQueued });
      if (!removed.ok) return failWith(removed.error);
      sync.refreshAccounts();
      return removed.value;
    },
    'accounts.test': async ({ id }) => {
      const tested = await testWorkspaceAccount(ctx, id);
      return tested.ok ? tested.value : failWith(tested.error);
    },
  };
}
