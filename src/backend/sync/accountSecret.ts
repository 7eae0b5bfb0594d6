// What an account keeps encrypted: its credentials, plus the connector options and token host.
// The options are not secret, but keeping the whole connector configuration in one ciphertext
// means one write when a token rotates and no schema change for per-platform extras.
import { z } from 'zod';
import type { Credentials } from '../../platforms/index.ts';
import { listAccounts, readSecret } from '../../store/accounts.ts';
import { SecretUnavailableError } from '../../store/secrets.ts';
import type { BackendContext } from '../context.ts';
import { StoaUserError } from '../errors.ts';

const credentialsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('oauth2'),
    clientId: z.string().min(1),
    clientSecret: z.string(),
    refreshToken: z.string().min(1),
    accessToken: z.string().optional(),
    accessTokenExpiresAt: z.string().optional(),
  }),
  z.object({ kind: z.literal('api_key'), apiKey: z.string().min(1), username: z.string().min(1) }),
  z.object({ kind: z.literal('access_token'), accessToken: z.string().min(1), expiresAt: z.string().optional() }),
]);

export const accountSecretSchema = z.object({
  credentials: credentialsSchema,
  options: z.record(z.string(), z.string()).default({}),
  authBaseUrl: z.string().url().optional(),
});

export interface AccountSecret {
  readonly credentials: Credentials;
  readonly options: Readonly<Record<string, string>>;
  readonly authBaseUrl?: string | undefined;
}

export { credentialsSchema };

/** Parses stored or user-given secret JSON; the error never echoes the input (it holds secrets). */
export function parseAccountSecret(text: string): AccountSecret | null {
  try {
    const parsed = accountSecretSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const serializeAccountSecret = (secret: AccountSecret): string => JSON.stringify(secret);

/**
 * Before a sync: every account's credentials must decrypt. A missing or wrong key otherwise turns
 * into a run that pulls nothing and exits 0, which looks like "no new items".
 */
export function requireReadableSecrets(ctx: BackendContext): void {
  const unreadable: string[] = [];
  let first: SecretUnavailableError | null = null;
  for (const account of listAccounts(ctx.db)) {
    try {
      readSecret(ctx.db, account.id, ctx.cipher);
    } catch (error) {
      if (!(error instanceof SecretUnavailableError)) throw error;
      first ??= error;
      unreadable.push(`${account.displayName} (${account.id})`);
    }
  }
  if (first) throw new StoaUserError(`${first.message} Accounts whose credentials cannot be read: ${unreadable.join(', ')}.`);
}
