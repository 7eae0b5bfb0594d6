// THE contract: every endpoint is a name with an input and an output schema. Hosts and the UI
// derive everything (validation, client typing, handler completeness) from this one map.
import { z } from 'zod';
import { mediaEndpoints } from './mediaEndpoints.ts';
import { catalogEndpoints } from './catalogEndpoints.ts';
import { complianceEndpoints } from './complianceEndpoints.ts';
import { postEndpoints } from './postEndpoints.ts';
import { rightsEndpoints } from './rightsEndpoints.ts';
import { pinterestEndpoints } from './pinterestEndpoints.ts';
import { mediaHostEndpoints } from './mediaHostEndpoints.ts';
import { authorEndpoints } from './authorEndpoints.ts';
import { moderatorEndpoints } from './moderatorEndpoints.ts';
import { reasonEndpoints } from './reasonEndpoints.ts';
import { hubEndpoints } from './hubEndpoints.ts';
import {
  itemDetailSchema,
  noteSchema,
  itemKindSchema,
  itemStateSchema,
  itemSummarySchema,
  moderationActionSchema,
  pageInput,
  platformSchema,
  queueSortSchema,
} from './schemas.ts';
import {
  accountSchema,
  connectionProfileSchema,
  credentialsInputSchema,
  outboxEntrySchema,
  outboxStateSchema,
  platformBaseUrlSchema,
  syncStatusSchema,
  syncSummarySchema,
} from './syncSchemas.ts';

const empty = z.object({}).strict().default({});

export const endpoints = {
  'system.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      databaseFile: z.string(),
      host: z.enum(['electron', 'server', 'in-process']),
      demo: z.boolean(),
      models: z.array(z.object({ name: z.string(), version: z.string() })),
      counts: z.object({ items: z.number().int(), decisions: z.number().int() }),
    }),
  },
  'items.list': {
    input: z
      .object({
        platform: platformSchema.optional(),
        kind: itemKindSchema.optional(),
        state: itemStateSchema.optional(),
        sort: queueSortSchema.default('newest'),
        ...pageInput,
      })
      .strict(),
    output: z.object({
      items: z.array(itemSummarySchema),
      nextCursor: z.string().nullable(),
      total: z.number().int(),
    }),
  },
  'items.search': {
    input: z
      .object({
        query: z.string().trim().min(1).max(500),
        /** The queue's filters, as items.list takes them; without a sort, the best match comes first. */
        platform: platformSchema.optional(),
        kind: itemKindSchema.optional(),
        state: itemStateSchema.optional(),
        sort: queueSortSchema.optional(),
        ...pageInput,
      })
      .strict(),
    output: z.object({
      items: z.array(itemSummarySchema.extend({ snippet: z.string() })),
      nextCursor: z.string().nullable(),
      /** Every match under the filters, not only this page. */
      total: z.number().int(),
    }),
  },
  'items.get': {
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: itemDetailSchema,
  },
  /** A moderator's note on an item: kept locally, shown to whoever opens the item next, never sent. */
  'items.addNote': {
    input: z.object({ itemId: z.string().min(1).max(100), body: z.string().trim().min(1).max(2000) }).strict(),
    output: noteSchema,
  },
  'queue.decide': {
    input: z
      .object({
        itemId: z.string().min(1).max(100),
        action: moderationActionSchema,
        reason: z.string().trim().max(500).optional(),
        /** Ban only: days, or null for a permanent ban. */
        durationDays: z.number().int().min(1).max(999).nullable().optional(),
        /** Ban only: the message sent to the user. */
        message: z.string().trim().max(1000).optional(),
        /** The caller's id for this request: sent again on a retry, it returns the first decision. */
        requestId: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: z.object({
      decisionId: z.string(),
      itemId: z.string(),
      action: moderationActionSchema,
      state: itemStateSchema,
      /** Whether an outbox entry will carry the action to the platform (false for local-only items). */
      queued: z.boolean(),
    }),
  },
  /**
   * Takes back a decision that has not left this machine (its outbox entry is still pending and
   * was never tried, or the item is local-only): the entry is closed as undone, the item goes back
   * to the state it had before, and the audit log records the undo.
   */
  'queue.undo': {
    input: z.object({ decisionId: z.string().min(1).max(100) }).strict(),
    output: z.object({ decisionId: z.string(), itemId: z.string(), state: itemStateSchema }),
  },
  'accounts.list': { input: empty, output: z.array(accountSchema) },
  /** The platforms an account can be connected to, with their documented defaults. */
  'accounts.platforms': { input: empty, output: z.array(connectionProfileSchema) },
  'accounts.add': {
    input: z
      .object({
        platform: platformSchema,
        baseUrl: platformBaseUrlSchema,
        authBaseUrl: platformBaseUrlSchema.optional(),
        displayName: z.string().trim().min(1).max(200),
        credentials: credentialsInputSchema,
        options: z.record(z.string().max(100), z.string().max(500)).optional(),
      })
      .strict(),
    output: accountSchema,
  },
  'accounts.remove': {
    input: z
      .object({
        id: z.string().min(1).max(100),
        /** Remove even though actions for this account are still unsent (they are marked failed). */
        discardQueued: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ removed: z.literal(true), discarded: z.number().int() }),
  },
  'accounts.test': {
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: z.object({ identity: z.string(), expiresAt: z.string().nullable() }),
  },
  'sync.status': { input: empty, output: syncStatusSchema },
  'sync.run': { input: empty, output: syncSummarySchema },
  'sync.setOffline': { input: z.object({ offline: z.boolean() }).strict(), output: syncStatusSchema },
  'outbox.list': {
    input: z.object({ state: outboxStateSchema.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(outboxEntrySchema),
  },
  'outbox.resolve': {
    input: z.object({ id: z.string().min(1).max(100), choice: z.enum(['retry', 'accept_remote']) }).strict(),
    output: outboxEntrySchema,
  },
  'audit.verify': {
    input: empty,
    output: z.object({
      ok: z.boolean(),
      // edited: a row changed in place; truncated: newest rows deleted; rewritten: hashes recomputed.
      status: z.enum(['intact', 'edited', 'truncated', 'rewritten', 'anchor_missing', 'anchor_invalid', 'unanchored']),
      checked: z.number().int(),
      firstBadSeq: z.number().int().nullable(),
      problem: z.string().nullable(),
      lastSeq: z.number().int(),
      anchor: z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }).nullable(),
    }),
  },
  ...mediaEndpoints,
  ...catalogEndpoints,
  ...complianceEndpoints,
  ...postEndpoints,
  ...rightsEndpoints,
  ...pinterestEndpoints,
  ...mediaHostEndpoints,
  ...authorEndpoints,
  ...moderatorEndpoints,
  ...reasonEndpoints,
  ...hubEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type Method = keyof Endpoints;
export type InputOf<M extends Method> = z.input<Endpoints[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Endpoints[M]['input']>;
export type OutputOf<M extends Method> = z.output<Endpoints[M]['output']>;

export const METHODS = Object.keys(endpoints) as Method[];
export const isMethod = (name: string): name is Method => Object.hasOwn(endpoints, name);
