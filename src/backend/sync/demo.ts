// `stoa init --demo <simulator URL>`: one account per platform the running simulator mounts, with
// the simulator's own test credentials (GET /__sim/accounts), for platforms Stoa has a connector for.
import { z } from 'zod';
import { err, ok, type Result } from '../../core/result.ts';
import { isSupportedPlatform, type FetchFn } from '../../platforms/index.ts';
import { listAccounts } from '../../store/accounts.ts';
import { setSetting } from '../../store/settings.ts';
import type { BackendContext } from '../context.ts';
import { credentialsSchema } from './accountSecret.ts';
import { addWorkspaceAccount, type AccountView } from './accounts.ts';

const simAccountsSchema = z.record(
  z.string(),
  z.object({ baseUrl: z.string(), credentials: credentialsSchema, options: z.record(z.string(), z.string()).optional(), authBaseUrl: z.string().optional() }),
);

export async function initDemoAccounts(ctx: BackendContext, simulatorUrl: string, fetch: FetchFn = globalThis.fetch): Promise<Result<AccountView[], { code: 'unavailable' | 'invalid_input'; message: string }>> {
  const root = simulatorUrl.replace(/\/+$/, '');
  let body: unknown;
  try {
    const response = await fetch(`${root}/__sim/accounts`);
    if (!response.ok) return err({ code: 'unavailable', message: `The simulator at ${root} answered ${response.status} to /__sim/accounts.` });
    body = await response.json();
  } catch {
    return err({ code: 'unavailable', message: `No simulator answers at ${root} (start one with \`stoa sim\`).` });
  }
  const parsed = simAccountsSchema.safeParse(body);
  if (!parsed.success) return err({ code: 'invalid_input', message: `${root}/__sim/accounts is not a simulator account list.` });
  const existing = new Set(listAccounts(ctx.db).map((account) => `${account.platform} ${account.baseUrl}`));
  const added: AccountView[] = [];
  for (const [name, account] of Object.entries(parsed.data).sort(([a], [b]) => a.localeCompare(b))) {
    if (!isSupportedPlatform(name) || existing.has(`${name} ${account.baseUrl.replace(/\/+$/, '')}`)) continue;
    const result = addWorkspaceAccount(ctx, {
      platform: name,
      baseUrl: account.baseUrl,
      // The simulator serves tokens under the same prefix as the API.
      authBaseUrl: account.authBaseUrl ?? account.baseUrl,
      displayName: `${name} (simulator)`,
      credentials: account.credentials,
      options: account.options,
    });
    if (result.ok) added.push(result.value);
  }
  setSetting(ctx.db, 'demo', true);
  return ok(added);
}
