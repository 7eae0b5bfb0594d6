// Wire shapes of the Pinterest v5 endpoints the connector uses (openapi.subset.json: Pin, Board,
// OauthAccessTokenResponseRefresh, Pinterest.Lib.Error, the bookmark page). Pages keep `items` as
// unknown[] so one malformed pin is quarantined without losing its siblings.
import { z } from 'zod';

const digits = z.string().regex(/^\d+$/);

/** `{items, bookmark}`; bookmark null or absent on the last page. */
export const pageSchema = z.object({ items: z.array(z.unknown()), bookmark: z.string().nullable().optional() });

const imageDetails = z.object({ url: z.string(), width: z.number().nullable().optional(), height: z.number().nullable().optional() });

export const pinSchema = z.object({
  id: digits,
  created_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
  board_id: digits.optional(),
  title: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  link: z.string().nullable().optional(),
  alt_text: z.string().nullable().optional(),
  media: z
    .object({
      media_type: z.string(),
      images: z.record(z.string(), imageDetails).optional(),
      items: z.array(z.object({ images: z.record(z.string(), imageDetails).optional() }).passthrough()).optional(),
    })
    .passthrough()
    .optional(),
  board_owner: z.object({ username: z.string().optional() }).optional(),
});
export type WirePin = z.infer<typeof pinSchema>;

export const boardSchema = z.object({ id: digits, name: z.string(), description: z.string().nullable().optional(), privacy: z.string().optional(), pin_count: z.number().optional() });
export type WireBoard = z.infer<typeof boardSchema>;

export const accountSchema = z.object({ username: z.string(), id: z.string().optional(), account_type: z.string().optional() });

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  scope: z.string(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().int().optional(),
  refresh_token_expires_at: z.number().int().optional(),
});

export const errorSchema = z.object({ code: z.number().int(), message: z.string() });
export type WireError = z.infer<typeof errorSchema>;
