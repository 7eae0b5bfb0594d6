// Wire shapes for accounts, sync and the outbox. Credentials only ever travel inward (add); no
// reply carries a secret, only which kind of credential an account holds.
import { z } from 'zod';
import { MODERATION_ACTIONS, OUTBOX_STATES } from '../core/domain.ts';
import { platformSchema } from './schemas.ts';

export const credentialsInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('oauth2'),
    clientId: z.string().min(1).max(500),
    clientSecret: z.string().max(500),
    refreshToken: z.string().min(1).max(4000),
  }),
  z.object({ kind: z.literal('api_key'), apiKey: z.string().min(1).max(500), username: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('access_token'), accessToken: z.string().min(1).max(4000), expiresAt: z.string().max(40).optional() }),
]);

/** A platform's address: http(s) only, since Stoa fetches from it and shows it as a link. */
export const platformBaseUrlSchema = z.url({ protocol: /^https?$/, error: 'Use an http:// or https:// address.' }).max(500);

const credentialKindSchema = z.enum(['oauth2', 'api_key', 'access_token']);

/** How to connect an account of one platform: what the add-account form offers (see ConnectionProfile). */
export const connectionProfileSchema = z.object({
  platform: platformSchema,
  defaultBaseUrl: z.string().nullable(),
  defaultAuthBaseUrl: z.string().nullable(),
  credentialKinds: z.array(credentialKindSchema),
  options: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean(), placeholder: z.string() })),
});

export const accountSchema = z.object({
  id: z.string(),
  platform: platformSchema,
  baseUrl: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
  credentialKind: credentialKindSchema.nullable(),
  options: z.record(z.string(), z.string()),
});

export const outboxStateSchema = z.enum(OUTBOX_STATES);
export const outboxCountsSchema = z.object(Object.fromEntries(OUTBOX_STATES.map((s) => [s, z.number().int()])) as Record<(typeof OUTBOX_STATES)[number], z.ZodNumber>);

export const syncStatusSchema = z.object({
  offline: z.object({ manual: z.boolean(), detected: z.boolean() }),
  running: z.boolean(),
  stats: z.object({
    items: z.number().int(),
    by_platform: z.record(z.string(), z.number().int()),
    decisions: z.number().int(),
    outbox: outboxCountsSchema,
    quarantined: z.number().int(),
  }),
});

export const syncSummarySchema = z.object({
  pulled: z.number().int(),
  quarantined: z.number().int(),
  acted: z.number().int(),
  failed: z.number().int(),
  conflicts: z.number().int(),
  remaining: z.number().int(),
  offline: z.boolean(),
  problems: z.array(z.object({ accountId: z.string(), queue: z.string(), status: z.string(), reason: z.string() })),
});

export const outboxEntrySchema = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  accountId: z.string().nullable(),
  platform: platformSchema,
  targetRemoteId: z.string(),
  action: z.enum(MODERATION_ACTIONS),
  state: outboxStateSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  remoteSnapshot: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
