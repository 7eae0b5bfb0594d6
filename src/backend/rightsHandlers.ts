// studio.useItem and rights.* endpoints. Using a queue item in the studio makes, in one
// transaction, a draft post crediting the author (the review quoted when the item is text) and its
// rights request; the item's image, when it has one, is fetched and imported into the media library
// first, or the reason it could not be is returned. A status change checks the post again, so a
// granted request makes a valid post publishable and a refused one sends it back to draft.
import type { Handlers } from '../api/dispatch.ts';
import { ApiFailure, fail } from '../api/errors.ts';
import type { OutputOf } from '../api/endpoints.ts';
import { JURISDICTION_IDS } from '../core/jurisdictionProfiles.ts';
import { titleRepeatsBody } from '../core/textKey.ts';
import { creditedCaption, DEFAULT_RIGHTS_TEMPLATE, platformDisplayName, renderRightsTemplate } from '../core/rightsTemplate.ts';
import { getItem } from '../store/itemDetail.ts';
import { getPost, insertPost } from '../store/posts.ts';
import {
  editRightsRequest,
  getRightsRequest,
  insertRightsRequest,
  listRightsRequests,
  markRightsSent,
  rightsRequestForPost,
  RightsChangeRefusedError,
  setRightsStatus,
  type RightsRequest,
} from '../store/rightsRequests.ts';
import type { BackendContext } from './context.ts';
import { fetchItemImage, itemImageUrl } from './itemImage.ts';
import { mediaHandlers } from './mediaHandlers.ts';
import { postHandlers } from './postHandlers.ts';

type RightsMethod = 'studio.useItem' | 'rights.get' | 'rights.list' | 'rights.update' | 'rights.markSent';
type RequestView = OutputOf<'rights.markSent'>;

/** Used until the workspace's brand is set on the request (the placeholder must be filled before sending). */
const NO_BRAND = '';

// No connector offers a reply or direct-message action yet (the moderation actions are approve,
// remove, spam, ignore reports and ban), so the message is sent by hand and recorded as such.
const OUTBOX = { available: false, reason: 'No connected platform offers Stoa a reply or direct-message action yet: copy the message, send it to the author yourself, then mark it sent.' };

export function rightsHandlers(ctx: BackendContext): Pick<Handlers, RightsMethod> {
  const { db } = ctx;
  const media = mediaHandlers(ctx);
  const posts = postHandlers(ctx);

  const view = (r: RightsRequest): RequestView => ({
    ...r,
    // Many items have no permalink (an Instagram comment) or community: say where instead of leaving a gap.
    message: renderRightsTemplate(r.template, { author: r.author, community: r.community ?? platformDisplayName(r.platform), brand: r.brand, link: r.link ?? `your post on ${platformDisplayName(r.platform)}` }),
    outbox: OUTBOX,
  });

  const requestOrFail = (id: string): RightsRequest => getRightsRequest(db, id) ?? fail('not_found', `There is no rights request with id ${id}.`);

  function refusing<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof RightsChangeRefusedError) return fail('conflict', error.message);
      throw error;
    }
  }

  /** Imports the item's image, or says why not; null for an item without one. */
  async function importItemImage(raw: unknown): Promise<{ assetId: string | null; refused: string | null }> {
    const url = itemImageUrl(raw);
    if (url === null) return { assetId: null, refused: null };
    const fetched = await fetchItemImage(url);
    if (!fetched.ok) return { assetId: null, refused: fetched.reason };
    try {
      const imported = await media['media.import']({ name: fetched.name, dataBase64: fetched.bytes.toString('base64'), keepMetadata: false });
      return { assetId: imported.asset.id, refused: null };
    } catch (error) {
      if (error instanceof ApiFailure) return { assetId: null, refused: `The item's image was fetched but not imported: ${error.message}` };
      throw error;
    }
  }

  /** Saves the post again with no change, so its state follows the new rights status. */
  async function recheck(postId: string): Promise<string> {
    const post = getPost(db, postId);
    if (!post || post.state === 'publishing' || post.state === 'published') return post?.state ?? 'missing';
    const saved = await posts['posts.update']({ id: postId, content: {}, profiles: {}, jurisdictions: [...JURISDICTION_IDS] });
    return saved.post.state;
  }

  return {
    'studio.useItem': async (input) => {
      const item = getItem(db, input.itemId) ?? fail('not_found', `There is no item with id ${input.itemId}.`);
      if (item.author === null) return fail('conflict', 'This item has no known author, so there is nobody to credit or ask for rights; it cannot be used in the studio.');
      const author = item.author;
      const image = await importItemImage(item.raw);
      // A photo post is credited; a text item (a review, a comment) is quoted above its credit.
      // A title that only repeats the body (forum posts often do) is quoted once.
      const title = titleRepeatsBody(item.title, item.body) ? null : item.title;
      const quote = image.assetId === null ? [title, item.body].filter((t): t is string => t !== null && t.trim() !== '').join(' — ') : null;
      const caption = creditedCaption(author, item.platform, quote);
      const created = db.transaction(() => {
        const post = insertPost(
          db,
          {
            targets: [input.target],
            caption,
            title: null,
            link: null,
            paidPartnership: false,
            brandPartner: null,
            scheduledAt: null,
            media: image.assetId === null ? [] : [{ assetId: image.assetId, altText: `Photo by @${author}`, crop: null }],
            productTags: [],
          },
          // Not publishable until the author grants the request made just below.
          'draft',
          ctx.who,
          ctx.clock,
        );
        const request = insertRightsRequest(
          db,
          { itemId: item.id, postId: post.id, author, platform: item.platform, community: item.community, link: item.url, brand: input.brand ?? NO_BRAND, template: input.template ?? DEFAULT_RIGHTS_TEMPLATE },
          ctx.who,
          ctx.clock,
        );
        return { postId: post.id, rightsRequestId: request.id };
      })();
      return { ...created, assetId: image.assetId, imageRefused: image.refused };
    },
    'rights.get': (input) => {
      const found = input.id !== undefined ? getRightsRequest(db, input.id) : rightsRequestForPost(db, input.postId ?? '');
      if (found === null && input.id !== undefined) return fail('not_found', `There is no rights request with id ${input.id}.`);
      return found ? view(found) : null;
    },
    'rights.list': (input) => ({ requests: listRightsRequests(db, input.status ?? null, input.limit, input.itemId ?? null).map(view) }),
    'rights.update': async (input) => {
      let request = requestOrFail(input.id);
      if (input.template !== undefined || input.brand !== undefined) request = refusing(() => editRightsRequest(db, input.id, { template: input.template, brand: input.brand }, ctx.who, ctx.clock));
      if (input.status !== undefined) {
        const status = input.status;
        request = refusing(() => setRightsStatus(db, input.id, status, ctx.who, ctx.clock));
      }
      const postState = await recheck(request.postId);
      return { request: view(request), postState };
    },
    'rights.markSent': (input) => {
      const request = requestOrFail(input.id);
      const message = view(request).message;
      if (!message.ok) return fail('invalid_input', message.message);
      return view(refusing(() => markRightsSent(db, input.id, message.text, 'manual', ctx.who, ctx.clock)));
    },
  };
}
