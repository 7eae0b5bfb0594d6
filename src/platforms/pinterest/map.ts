// Pinterest pins as the rest of Stoa reads them: the audit's post model (a creator's pin with its
// caption, permalink and images) and the board list the composer chooses from. Pure functions over
// validated wire shapes (wire.ts); nothing here talks to the network.
import type { WireBoard, WirePin } from './wire.ts';

export interface PinterestPin {
  readonly id: string;
  readonly boardId: string | null;
  readonly title: string;
  readonly description: string;
  readonly link: string | null;
  readonly altText: string;
  /** What the audit scans: title, description and the pin's link, as a viewer sees them on the pin. */
  readonly caption: string;
  readonly permalink: string;
  /** ISO 8601 (Pinterest writes date-time without an offset; it is UTC). */
  readonly createdAt: string;
  readonly mediaType: string | null;
  /** The pin's image, or each carousel image, at the largest size Pinterest returned. */
  readonly mediaUrls: string[];
  readonly username: string | null;
}

export interface PinterestBoard {
  readonly id: string;
  readonly name: string;
  readonly privacy: string | null;
  readonly pinCount: number | null;
}

export const pinPermalink = (id: string): string => `https://www.pinterest.com/pin/${id}/`;

type Images = Readonly<Record<string, { readonly url: string; readonly width?: number | null | undefined }>> | undefined;

/** The widest image of a size map ("150x150", "600x", "originals"); originals win. */
function largest(images: Images): string | null {
  if (!images) return null;
  if (images['originals']) return images['originals'].url;
  const sorted = Object.values(images).sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
  return sorted[0]?.url ?? null;
}

export function toPin(w: WirePin): PinterestPin {
  const title = w.title ?? '';
  const description = w.description ?? '';
  const link = w.link ?? null;
  // A link already written into the description is not repeated.
  const parts = [title, description, link !== null && !description.includes(link) ? link : ''].filter((p) => p.trim() !== '');
  const items = w.media?.items?.map((i) => largest(i.images)).filter((u): u is string => u !== null) ?? [];
  const own = largest(w.media?.images);
  return {
    id: w.id,
    boardId: w.board_id ?? null,
    title,
    description,
    link,
    altText: w.alt_text ?? '',
    caption: parts.join('\n'),
    permalink: pinPermalink(w.id),
    createdAt: new Date(/[Zz]|[+-]\d{2}:?\d{2}$/.test(w.created_at) ? w.created_at : `${w.created_at}Z`).toISOString(),
    mediaType: w.media?.media_type ?? null,
    mediaUrls: items.length > 0 ? items : own ? [own] : [],
    username: w.board_owner?.username ?? null,
  };
}

export const toBoard = (b: WireBoard): PinterestBoard => ({ id: b.id, name: b.name, privacy: b.privacy ?? null, pinCount: b.pin_count ?? null });
