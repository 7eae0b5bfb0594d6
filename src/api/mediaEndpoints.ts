// media.* endpoints: the studio's image library. Files arrive as base64 (whole, or in parts staged
// with media.uploadPart when the transport caps request bodies), come back as assets with their
// renditions per target, and are shown through data: URLs (the CSP's img-src allows data:).
import { z } from 'zod';
import { base64Length, MEDIA_MAX_IMPORT_BYTES, MEDIA_UPLOAD_PART_BYTES } from '../core/mediaLimits.ts';
import { RENDITION_TARGETS } from '../core/renditionTargets.ts';

/** The byte cap on one imported file, for callers that check before reading a file (the CLI). */
export { MEDIA_MAX_IMPORT_BYTES } from '../core/mediaLimits.ts';

export const renditionTargetSchema = z.enum(RENDITION_TARGETS);
const assetId = z.string().min(1).max(100);
const unit = z.number().min(0).max(1);

export const focalPointSchema = z.object({ x: unit, y: unit });

export const mediaRenditionSchema = z.object({
  target: renditionTargetSchema,
  ratio: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  sha256: z.string(),
  /** Absolute path of the JPEG in the workspace's media folder. */
  path: z.string(),
});

export const mediaAssetSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  originalName: z.string(),
  format: z.enum(['jpeg', 'png', 'webp']),
  /** Upright size. */
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  /** Absolute path of the stored copy. */
  path: z.string(),
  sourceOrientation: z.number().int(),
  orientationApplied: z.boolean(),
  metadataStripped: z.boolean(),
  focalPoint: focalPointSchema,
  altText: z.string(),
  createdAt: z.string(),
  renditions: z.array(mediaRenditionSchema),
});

export const mediaEndpoints = {
  /** Stages one part of a file; without uploadId it starts a new upload. */
  'media.uploadPart': {
    input: z.object({ uploadId: z.string().max(64).optional(), dataBase64: z.string().min(1).max(base64Length(MEDIA_UPLOAD_PART_BYTES)) }).strict(),
    output: z.object({ uploadId: z.string(), receivedBytes: z.number().int() }),
  },
  /** Imports a file given whole (dataBase64) or staged (uploadId). A second import of the same bytes returns the first asset. */
  'media.import': {
    input: z
      .object({
        name: z.string().trim().min(1).max(255),
        dataBase64: z.string().min(1).max(base64Length(MEDIA_MAX_IMPORT_BYTES)).optional(),
        uploadId: z.string().max(64).optional(),
        /** Keep EXIF/XMP/IPTC, location included, and the exact bytes. Off by default. */
        keepMetadata: z.boolean().default(false),
      })
      .strict()
      .refine((input) => (input.dataBase64 === undefined) !== (input.uploadId === undefined), { message: 'Give either dataBase64 or uploadId.' }),
    output: z.object({ asset: mediaAssetSchema, duplicate: z.boolean() }),
  },
  'media.list': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(50), cursor: z.string().max(20).nullable().default(null) }).strict(),
    output: z.object({ assets: z.array(mediaAssetSchema), nextCursor: z.string().nullable(), total: z.number().int() }),
  },
  'media.get': { input: z.object({ id: assetId }).strict(), output: mediaAssetSchema },
  /** The thumbnail (no target) or one rendition, as a data: URL the UI can put in an <img>. */
  'media.preview': {
    input: z.object({ id: assetId, target: renditionTargetSchema.optional() }).strict(),
    output: z.object({ dataUrl: z.string(), width: z.number().int().nullable(), height: z.number().int().nullable() }),
  },
  /** Moves the focal point (x, y from the top-left, 0..1) and re-renders every rendition around it. */
  'media.setFocalPoint': {
    input: z.object({ id: assetId, x: unit, y: unit }).strict(),
    /** tagsRemapped: the product tags moved to stay on the same point of the photo in posts that send it cropped; `outside` of them fell off the new crop. */
    output: mediaAssetSchema.extend({ tagsRemapped: z.object({ posts: z.number().int(), tags: z.number().int(), outside: z.number().int() }) }),
  },
  /** Alt text; Pinterest allows 500 characters, Instagram's alt_text fits in that too. */
  'media.setAltText': { input: z.object({ id: assetId, altText: z.string().trim().max(500) }).strict(), output: mediaAssetSchema },
  /** Removes an asset no post uses (refused with conflict otherwise) and the files nothing else names. */
  'media.delete': { input: z.object({ id: assetId }).strict(), output: z.object({ id: z.string(), removedFiles: z.number().int() }) },
} as const;
