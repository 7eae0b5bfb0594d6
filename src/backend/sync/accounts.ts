// Workspace accounts for the sync service: add (secret encrypted with the context's cipher), list
// (never with secrets), remove, and test (the connector's verify). Also the Platform instance for
// an account, whose CredentialStore writes rotated tokens back through writeSecret before the
// connector uses them.
import { err, ok, type Result } from '../../core/result.ts';
import { PLATFORMS, type PlatformName } from '../../core/domain.ts';
import { connectionProfile, createPlatform, isSupportedPlatform, type Credentials, type FetchFn, type Platform } from '../../platforms/index.ts';
import { addAccount, listAccounts, readSecret, removeAccount, writeSecret, type Account } from '../../store/accounts.ts';
import { countUnsent, detachAccount } from '../../store/outbox.ts';
import { SecretUnavailableError } from '../../store/secrets.ts';
import { deleteSetting, getSetting, setSetting } from '../../store/settings.ts';
import { STOA_VERSION } from '../version.ts';
import type { BackendContext } from '../context.ts';
import { parseAccountSecret, serializeAccountSecret, type AccountSecret } from './accountSecret.ts';

export interface AccountProblem {
  readonly code: 'invalid_input' | 'not_found' | 'unsupported_platform' | 'secret_unavailable' | 'reauth' | 'permanent_failure' | 'retry_after';
  readonly message: string;
}

export interface AddAccountInput {
  readonly platform: string;
  readonly baseUrl: string;
  readonly displayName: string;
  readonly credentials: Credentials;
  readonly options?: Readonly<Record<string, string>> | undefined;
  readonly authBaseUrl?: string | undefined;
}

/** What the UI and `stoa accounts list` show: never a secret, only which kind of credential it is. */
export interface AccountView extends Account {
  readonly credentialKind: Credentials['kind'] | null;
  readonly options: Readonly<Record<string, string>>;
}

const USER_AGENT = `desktop:stoa:v${STOA_VERSION} (by /u/stoa-app)`;

export function addWorkspaceAccount(ctx: BackendContext, input: AddAccountInput): Result<AccountView, AccountProblem> {
  if (!(PLATFORMS as readonly string[]).includes(input.platform) || !isSupportedPlatform(input.platform)) {
    return err({ code: 'unsupported_platform', message: `Stoa has no connector for "${input.platform}".` });
  }
  const profile = connectionProfile(input.platform);
  if (profile && !profile.credentialKinds.includes(input.credentials.kind)) {
    return err({ code: 'invalid_input', message: `A ${input.platform} account signs in with ${profile.credentialKinds.join(' or ')} credentials, not ${input.credentials.kind}.` });
  }
  const missing = profile?.options.filter((o) => o.required && (input.options?.[o.key] ?? '').trim() === '') ?? [];
  if (missing.length > 0) {
    return err({ code: 'invalid_input', message: `A ${input.platform} account needs ${missing.map((o) => `${o.key} (${o.label})`).join(', ')} in its settings.` });
  }
  for (const url of [input.baseUrl, input.authBaseUrl]) {
    if (url === undefined) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return err({ code: 'invalid_input', message: 'The base URL is not a URL.' });
    }
    // The CLI reaches here without the API schema; a file: or javascript: address is never a platform.
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      return err({ code: 'invalid_input', message: `The base URL must start with http:// or https:// (not ${parsed.protocol}).` });
    }
    // The URL is shown and audited in clear: a password in it would leak.
    if (parsed.username !== '' || parsed.password !== '') {
      return err({ code: 'invalid_input', message: 'Put credentials in the credentials, not in the URL (it is stored and shown in clear).' });
    }
  }
  const secret: AccountSecret = { credentials: input.credentials, options: input.options ?? {}, ...(input.authBaseUrl ? { authBaseUrl: input.authBaseUrl } : {}) };
  const account = addAccount(
    ctx.db,
    { platform: input.platform, baseUrl: input.baseUrl.replace(/\/+$/, ''), displayName: input.displayName, secret: serializeAccountSecret(secret) },
    ctx.cipher,
    ctx.who,
    ctx.clock,
  );
  return ok({ ...account, credentialKind: input.credentials.kind, options: secret.options });
}

export function listWorkspaceAccounts(ctx: BackendContext): AccountView[] {
  return listAccounts(ctx.db).map((account) => {
    const secret = loadSecret(ctx, account.id);
    return { ...account, credentialKind: secret.ok ? secret.value.credentials.kind : null, options: secret.ok ? secret.value.options : {} };
  });
}

/**
 * Removes the account and its secret. Actions still queued for it would be lost silently, so the
 * removal is refused unless `discardQueued` says to close them as failed.
 */
export function removeWorkspaceAccount(ctx: BackendContext, accountId: string, options: { discardQueued?: boolean } = {}): Result<{ removed: true; discarded: number }, AccountProblem> {
  const { db, clock } = ctx;
  if (!findAccount(ctx, accountId)) return err({ code: 'not_found', message: `There is no account with id ${accountId}.` });
  const unsent = countUnsent(db, accountId);
  if (unsent > 0 && !options.discardQueued) {
    return err({ code: 'invalid_input', message: `${unsent} action(s) for this account have not been sent yet; sync first, or remove it and discard them.` });
  }
  return db.transaction(() => {
    const { discarded } = detachAccount(db, accountId, 'the account was removed before this action was sent', clock);
    removeAccount(db, accountId, ctx.who, clock);
    deleteSetting(db, usageKey(accountId));
    return ok({ removed: true as const, discarded });
  })();
}

function loadSecret(ctx: BackendContext, accountId: string): Result<AccountSecret, AccountProblem> {
  let text: string | null;
  try {
    text = readSecret(ctx.db, accountId, ctx.cipher);
  } catch (error) {
    if (error instanceof SecretUnavailableError) return err({ code: 'secret_unavailable', message: error.message });
    throw error;
  }
  const secret = text === null ? null : parseAccountSecret(text);
  return secret ? ok(secret) : err({ code: 'secret_unavailable', message: 'The account has no usable stored credentials; add it again.' });
}

/** The settings key of a connector's own budget state (e.g. YouTube's quota spent today) for one account. */
const usageKey = (accountId: string): string => `connector-usage:${accountId}`;

/** A connector for the account, or why there cannot be one. */
export function platformFor(ctx: BackendContext, account: Account, fetch: FetchFn): Result<Platform, AccountProblem> {
  const name: PlatformName = account.platform;
  if (!isSupportedPlatform(name)) return err({ code: 'unsupported_platform', message: `Stoa has no connector for "${name}".` });
  const secret = loadSecret(ctx, account.id);
  if (!secret.ok) return secret;
  let current = secret.value;
  return ok(
    createPlatform(name, {
      baseUrl: account.baseUrl,
      authBaseUrl: current.authBaseUrl,
      options: current.options,
      credentials: current.credentials,
      credentialStore: {
        // Synchronous SQLite write, committed before the promise resolves: a rotated refresh
        // token is on disk before the connector sends anything with it.
        save: async (next) => {
          current = { ...current, credentials: next };
          writeSecret(ctx.db, account.id, serializeAccountSecret(current), ctx.cipher, ctx.clock);
        },
      },
      userAgent: USER_AGENT,
      fetch,
      clock: ctx.clock,
      usageStore: {
        load: () => getSetting<unknown>(ctx.db, usageKey(account.id)),
        save: (state) => setSetting(ctx.db, usageKey(account.id), state),
      },
    }),
  );
}

export function findAccount(ctx: BackendContext, accountId: string): Account | null {
  return listAccounts(ctx.db).find((account) => account.id === accountId) ?? null;
}

/** The Settings "Test" button and `stoa accounts test`: refresh if needed, then one cheap authenticated call. */
export async function testWorkspaceAccount(ctx: BackendContext, accountId: string, fetch: FetchFn = globalThis.fetch): Promise<Result<{ identity: string; expiresAt: string | null }, AccountProblem>> {
  const account = findAccount(ctx, accountId);
  if (!account) return err({ code: 'not_found', message: `There is no account with id ${accountId}.` });
  const platform = platformFor(ctx, account, fetch);
  if (!platform.ok) return platform;
  const outcome = await platform.value.auth.verify();
  if (outcome.status === 'ok') return ok(outcome.info);
  return err({ code: outcome.status, message: outcome.reason });
}
