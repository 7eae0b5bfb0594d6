// posts.* endpoints: composes the post store with the pure checks in core — limit validation per
// target and the disclosure linter per jurisdiction, fed with the sponsorship rules' caption hits
// (the same patterns the models and the compliance scan use) and the brands of tagged products.
// Media assets and products are resolved here (a product by id or SKU), so a post never points at
// something the library or the catalog does not have.
import type { Handlers } from '../api/dispatch.ts';
import { fail } from '../api/errors.ts';
import type { OutputOf, ParsedInputOf } from '../api/endpoints.ts';
import { lintDisclosureForTargets, type LintFinding } from '../core/disclosureLinter.ts';
import { JURISDICTION_IDS, JURISDICTION_PROFILES, type JurisdictionId } from '../core/jurisdictionProfiles.ts';
import { captionCounts, DEFAULT_LIMIT_PROFILES, limitProfileById, type LimitProfile, type PostTarget } from '../core/postLimits.ts';
import { validatePost, type PostDraft } from '../core/postValidation.ts';
import { canMovePost, isPostEditable, stateAfterSave, type PostState } from '../core/postValidationStates.ts';
import { RENDITION_SPECS, type RenditionTarget } from '../core/renditionTargets.ts';
import { sponsorshipRuleHits } from '../ml/rules/sponsorshipRules.ts';
import { getMediaAsset } from '../store/media.ts';
import { getPost, insertPost, listPostRevisions, listPosts, PostRevisionConflictError, savePostContent, type PostContent, type PostRecord } from '../store/posts.ts';
import { productBrands, resolveProduct } from '../store/postsProducts.ts';
import type { BackendContext } from './context.ts';
import { queuePublishFor } from './publishQueue.ts';
import { postRightsOf } from './rightsCheck.ts';
import { rightsViolations } from '../core/postValidationRights.ts';

/** The default profiles and every jurisdiction: what the composer checks with. */
const DEFAULT_CHECK: CheckOptions = { profiles: {}, jurisdictions: [...JURISDICTION_IDS] };

/** The first thing that stops a post (a violation, else an error finding), for a person; null when it passes. */
export function checkProblem(result: OutputOf<'posts.validate'>): string | null {
  if (result.ok) return null;
  const [violation] = result.violations;
  if (violation) return `${violation.message} (${violation.rule})`;
  const finding = result.findings.find((f) => f.severity === 'error');
  return finding ? `${finding.message} (${finding.rule.id})` : 'it does not pass its checks';
}

/** A saved post as posts.get shows it, and its check with the defaults: for the scheduler and its endpoints. */
export function savedPostReader(ctx: BackendContext): { view(id: string): OutputOf<'posts.get'>; check(id: string): OutputOf<'posts.validate'> } {
  const handlers = postHandlers(ctx);
  const now = <T>(value: T | Promise<T>): T => {
    if (value instanceof Promise) throw new Error('posts.get and posts.validate answer synchronously.');
    return value;
  };
  return {
    view: (id) => now(handlers['posts.get']({ id })),
    check: (id) => now(handlers['posts.validate']({ id, profiles: {}, jurisdictions: [...JURISDICTION_IDS] })),
  };
}

type PostMethod = 'posts.create' | 'posts.update' | 'posts.get' | 'posts.list' | 'posts.validate' | 'posts.revisions' | 'posts.publish';
type Check = OutputOf<'posts.validate'>;
interface CheckOptions {
  readonly profiles: { readonly instagram?: string | undefined; readonly pinterest?: string | undefined };
  readonly jurisdictions: readonly JurisdictionId[];
}

export function postHandlers(ctx: BackendContext): Pick<Handlers, PostMethod> {
  const { db } = ctx;

  /** Resolves product SKUs to ids and refuses media or products the workspace does not have. */
  function resolved(content: PostContent): PostContent {
    const missingMedia = content.media.filter((m) => getMediaAsset(db, m.assetId) === null).map((m) => m.assetId);
    if (missingMedia.length > 0) fail('invalid_input', `The media library has no asset ${missingMedia.join(', ')}: import it first (stoa media import).`);
    const unknown: string[] = [];
    const productTags = content.productTags.map((t) => {
      const product = resolveProduct(db, t.productId);
      if (!product) unknown.push(t.productId);
      return { ...t, productId: product?.id ?? t.productId };
    });
    if (unknown.length > 0) fail('invalid_input', `The catalog has no product with id or SKU ${unknown.join(', ')}: import the catalog first (stoa catalog import).`);
    return { ...content, productTags };
  }

  function profilesFor(options: CheckOptions): Record<PostTarget, LimitProfile> {
    const pick = (target: PostTarget): LimitProfile => {
      const wanted = options.profiles[target];
      if (wanted === undefined) return DEFAULT_LIMIT_PROFILES[target];
      const profile = limitProfileById(wanted);
      if (!profile || profile.target !== target) return fail('invalid_input', `There is no ${target} limit profile ${wanted}.`);
      return profile;
    };
    return { instagram: pick('instagram'), pinterest: pick('pinterest') };
  }

  /** postId: the saved post the content belongs to, when there is one (its rights request is checked). */
  function check(content: PostContent, options: CheckOptions, postId: string | null = null): Check {
    const profiles = profilesFor(options);
    const draft: PostDraft = {
      ...content,
      media: content.media.map((m) => {
        const asset = getMediaAsset(db, m.assetId);
        const spec = m.crop ? RENDITION_SPECS[m.crop as RenditionTarget] : undefined;
        // A chosen crop is sent as the rendition made (smaller than the spec for a small original); otherwise the upright original.
        const made = m.crop ? asset?.renditions.find((r) => r.target === m.crop) : undefined;
        return { assetId: m.assetId, altText: m.altText, width: made?.width ?? spec?.width ?? asset?.width ?? 1, height: made?.height ?? spec?.height ?? asset?.height ?? 1 };
      }),
    };
    const violations = [...validatePost(draft, profiles), ...rightsViolations(postId === null ? null : postRightsOf(db, postId), content.targets)];
    const lintInput = {
      caption: content.caption,
      paidPartnership: content.paidPartnership,
      brandPartner: content.brandPartner,
      productTagCount: content.productTags.length,
      productBrands: productBrands(db, content.productTags.map((t) => t.productId)),
      ruleHits: sponsorshipRuleHits(content.caption),
      labelAvailable: content.targets.some((t) => profiles[t].paidPartnershipLabel),
    };
    // The caption goes to every target, the paid-partnership label only where the target's profile sends it.
    const lintTargets = content.targets.map((t) => ({ name: t, hasLabel: profiles[t].paidPartnershipLabel }));
    const findings: LintFinding[] = options.jurisdictions.flatMap((j) => lintDisclosureForTargets(lintInput, lintTargets, JURISDICTION_PROFILES[j]));
    const counts = content.targets.map((target) => {
      const p = profiles[target];
      return { target, profile: p.id, ...captionCounts(content.caption, p), captionMax: p.captionMax.value, hashtagsMax: p.hashtagsMax.value, mentionsMax: p.mentionsMax.value };
    });
    return { ok: violations.length === 0 && !findings.some((f) => f.severity === 'error'), violations, findings: findings.map(findingView), counts };
  }

  const findingView = (f: LintFinding): Check['findings'][number] => ({
    ...f,
    signals: [...f.signals],
    fixes: f.fixes.map((x) => (x.kind === 'edit' ? { ...x, edits: [...x.edits] } : x)),
  });

  const view = (post: PostRecord): OutputOf<'posts.get'> => ({
    ...post,
    targets: [...post.targets],
    media: [...post.media],
    productTags: post.productTags.map((t) => {
      const product = resolveProduct(db, t.productId);
      return { ...t, sku: product?.sku ?? null, title: product?.title ?? null };
    }),
  });

  const postOrFail = (id: string): PostRecord => getPost(db, id) ?? fail('not_found', `There is no post with id ${id}.`);

  const contentOf = (input: ParsedInputOf<'posts.create'>['content']): PostContent => ({ ...input, media: input.media.map((m) => ({ ...m, crop: m.crop })) });

  return {
    'posts.create': (input) => {
      const content = resolved(contentOf(input.content));
      const result = check(content, input);
      const post = insertPost(db, content, stateAfterSave(result.ok), ctx.who, ctx.clock);
      return { post: view(post), check: result };
    },
    'posts.update': (input) => {
      const current = postOrFail(input.id);
      if (!isPostEditable(current.state)) fail('conflict', `Post ${input.id} is ${current.state}; it can no longer be edited.`);
      const patch = input.content;
      // The time is set by posts.schedule only: an autosave that carries the composer's old scheduledAt does not move it.
      const content = resolved({ ...current, ...patch, scheduledAt: current.scheduledAt, media: patch.media ?? current.media, productTags: patch.productTags ?? current.productTags });
      const result = check(content, input, input.id);
      // A scheduled post that still passes keeps its slot; anything else is draft or valid again.
      const state: PostState = current.state === 'scheduled' && result.ok ? 'scheduled' : stateAfterSave(result.ok);
      if (!canMovePost(current.state, state)) fail('conflict', `Post ${input.id} cannot go from ${current.state} to ${state}.`);
      try {
        const post = savePostContent(db, input.id, content, state, input.baseRevision ?? null, ctx.who, ctx.clock);
        return { post: view(post), check: result };
      } catch (error) {
        if (error instanceof PostRevisionConflictError) return fail('conflict', error.message);
        throw error;
      }
    },
    'posts.get': (input) => view(postOrFail(input.id)),
    'posts.publish': (input) => {
      postOrFail(input.id);
      // A community post's state already follows its rights request; this also stops one saved before it was refused.
      const [blocked] = rightsViolations(postRightsOf(db, input.id), ['instagram']);
      if (blocked) fail('conflict', blocked.message);
      // A retried (failed) or missed post is checked again: it may have failed because it stopped passing.
      const saved = postOrFail(input.id);
      if (saved.state === 'failed' || saved.state === 'missed') {
        const reason = checkProblem(check(saved, DEFAULT_CHECK, input.id));
        if (reason !== null) fail('conflict', `Post ${input.id} does not pass its checks: ${reason}`);
      }
      queuePublishFor(ctx, input.id);
      return view(postOrFail(input.id));
    },
    'posts.list': (input) => {
      const offset = input.cursor === null ? 0 : Number.parseInt(input.cursor, 10) || 0;
      const { posts, total } = listPosts(db, input.limit, offset, input.state ?? null);
      const next = offset + posts.length;
      return { posts: posts.map(view), nextCursor: next < total ? String(next) : null, total };
    },
    'posts.validate': (input) => {
      if (input.id !== undefined) return check(postOrFail(input.id), input, input.id);
      const draft = input.draft;
      if (draft === undefined) return fail('invalid_input', 'Give either id or draft.');
      return check(resolved(contentOf(draft)), input, input.postId ?? null);
    },
    'posts.revisions': (input) => {
      postOrFail(input.id);
      return { revisions: listPostRevisions(db, input.id, input.limit).map((r) => ({ ...r, content: { ...r.content, targets: [...r.content.targets], media: r.content.media.map((m) => ({ ...m, crop: m.crop as RenditionTarget | null })), productTags: [...r.content.productTags] } })) };
    },
  };
}
