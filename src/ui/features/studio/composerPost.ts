// A saved post as the composer's working copy: the fields the creator edits, without what the
// server adds for display (a tag's SKU and title) or keeps for itself (state, permalink).
import type { OutputOf } from '../../../api/endpoints.ts';
import { RENDITION_TARGETS, type RenditionTarget } from '../../../core/renditionTargets.ts';
import type { Content } from './composerDraft.ts';

const isRendition = (crop: string | null): crop is RenditionTarget => crop !== null && (RENDITION_TARGETS as readonly string[]).includes(crop);

export const contentOfPost = (post: OutputOf<'posts.get'>): Content => ({
  targets: post.targets,
  caption: post.caption,
  title: post.title,
  link: post.link,
  paidPartnership: post.paidPartnership,
  brandPartner: post.brandPartner,
  scheduledAt: post.scheduledAt,
  media: post.media.map((m) => ({ assetId: m.assetId, altText: m.altText, crop: isRendition(m.crop) ? m.crop : null })),
  productTags: post.productTags.map((t) => ({ mediaIndex: t.mediaIndex, productId: t.productId, x: t.x, y: t.y })),
});
