// Settings → Publishing: the workspace's public media host (where renditions are uploaded for
// Instagram to fetch). The token is write-only: it goes in, and only `hasToken` comes out.
import { z } from 'zod';

const url = z.string().min(1).max(2000);

export const mediaHostSchema = z.object({ uploadUrl: z.string(), publicBase: z.string(), hasToken: z.boolean() });

export const mediaHostEndpoints = {
  'mediaHost.get': { input: z.object({}).strict(), output: z.object({ host: mediaHostSchema.nullable() }) },
  'mediaHost.set': {
    /** token: a string sets it, null removes it, absent keeps the stored one. */
    input: z.object({ uploadUrl: url, publicBase: url, token: z.string().max(4096).nullable().optional() }).strict(),
    output: z.object({ host: mediaHostSchema }),
  },
  'mediaHost.clear': { input: z.object({}).strict(), output: z.object({ cleared: z.boolean() }) },
} as const;
