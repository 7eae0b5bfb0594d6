// Reads posts under audit from an export the compliance person already has: JSON (an array of
// posts, or {"posts": [...]}) or CSV with a header row. One post per row/object:
//   platform         instagram | youtube | pinterest | tiktok | … (default: the --platform given)
//   creator          the creator's handle (with or without '@')
//   id               the post's id on the platform
//   caption          the caption, description or pin text as published
//   permalink        URL of the post (optional)
//   timestamp        when it was posted, ISO 8601 (optional; `posted_at` is accepted too)
//   media_type       IMAGE | VIDEO | CAROUSEL_ALBUM | … (optional)
//   media_urls       media URLs (JSON array, or '|'-separated in CSV; `media_url` for one)
//   paid_partnership the platform's paid-partnership label: true/false, yes/no, 1/0 (optional)
//   tagged_products  product names, or {name, brand} objects in JSON ('|'-separated names in CSV)
//   tagged_users     accounts tagged on the media ('|'-separated in CSV)
//   image_text       text on the image, if someone (or OCR) read it (optional)
//   image_files      local image files of the post, relative to the export ('|'-separated in CSV),
//                    read by OCR on import when asked (`stoa audit import-posts --ocr`)
// A row that does not fit is reported with its number and left out; the others are read.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { PostContent, TaggedProduct } from './postContent.ts';

const list = z.union([z.array(z.string()), z.string()]).optional();
const flag = z.union([z.boolean(), z.number(), z.string()]).optional();

const rowSchema = z.object({
  platform: z.string().trim().min(1).optional(),
  creator: z.string().trim().min(1),
  id: z.union([z.string().trim().min(1), z.number()]),
  caption: z.string().default(''),
  permalink: z.string().trim().optional(),
  timestamp: z.string().trim().optional(),
  posted_at: z.string().trim().optional(),
  media_type: z.string().trim().optional(),
  media_urls: list,
  media_url: z.string().trim().optional(),
  paid_partnership: flag,
  tagged_products: z.union([z.array(z.union([z.string(), z.object({ name: z.string(), brand: z.string().nullable().optional() })])), z.string()]).optional(),
  tagged_users: list,
  image_text: z.string().optional(),
  image_files: list,
});

export interface ImportProblem {
  readonly row: number;
  readonly message: string;
}

export interface ImportedPosts {
  readonly posts: PostContent[];
  /** Local image files of each post (same order as `posts`), for OCR. */
  readonly imageFiles: string[][];
  readonly problems: ImportProblem[];
}

const split = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : (typeof value === 'string' ? value.split('|') : [...value]).map((s) => s.trim()).filter((s) => s !== '');

function truthy(value: boolean | number | string | undefined): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return value !== undefined && /^(?:true|yes|y|1)$/i.test(value.trim());
}

function isoOrNull(value: string | undefined): string | null | 'bad' {
  if (value === undefined || value === '') return null;
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? 'bad' : new Date(t).toISOString();
}

export function parsePostExport(text: string, format: 'json' | 'csv', defaultPlatform: string | null): ImportedPosts {
  let rows: unknown[];
  if (format === 'json') {
    const parsed = JSON.parse(text) as unknown;
    const inner = Array.isArray(parsed) ? parsed : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { posts?: unknown }).posts) ? (parsed as { posts: unknown[] }).posts : null;
    if (inner === null) return { posts: [], imageFiles: [], problems: [{ row: 0, message: 'the JSON is neither an array of posts nor {"posts": [...]}' }] };
    rows = inner;
  } else {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as Record<string, string>[];
  }
  const posts: PostContent[] = [];
  const imageFiles: string[][] = [];
  const problems: ImportProblem[] = [];
  rows.forEach((raw, i) => {
    const rowNumber = format === 'csv' ? i + 2 : i + 1; // CSV: the header is row 1
    const checked = rowSchema.safeParse(raw);
    if (!checked.success) {
      problems.push({ row: rowNumber, message: checked.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ') });
      return;
    }
    const r = checked.data;
    const platform = r.platform ?? defaultPlatform;
    if (!platform) {
      problems.push({ row: rowNumber, message: 'platform: missing (give it per row or with --platform)' });
      return;
    }
    const postedAt = isoOrNull(r.timestamp ?? r.posted_at);
    if (postedAt === 'bad') {
      problems.push({ row: rowNumber, message: `timestamp: "${r.timestamp ?? r.posted_at ?? ''}" is not a date` });
      return;
    }
    const products: TaggedProduct[] = typeof r.tagged_products === 'string' ? split(r.tagged_products).map((name) => ({ name })) : (r.tagged_products ?? []).map((p) => (typeof p === 'string' ? { name: p } : { name: p.name, brand: p.brand ?? null }));
    posts.push({
      platform: platform.toLowerCase(),
      remoteId: String(r.id),
      creatorHandle: r.creator.replace(/^@/, ''),
      caption: r.caption,
      permalink: r.permalink || null,
      postedAt,
      mediaType: r.media_type || null,
      mediaUrls: [...split(r.media_urls), ...split(r.media_url)],
      paidPartnership: truthy(r.paid_partnership),
      taggedProducts: products,
      taggedUsers: split(r.tagged_users).map((u) => u.replace(/^@/, '')),
      imageText: r.image_text?.trim() ? r.image_text : null,
    });
    imageFiles.push(split(r.image_files));
  });
  return { posts, imageFiles, problems };
}
