// Validates a post draft against the limit profile of each of its targets: every failure names the
// rule, the limit, the actual value, the profile (id and date) and the source the limit came from,
// so the composer can say exactly why a post would be refused before it is sent. Pure and cheap
// (a few regex passes over at most a few thousand characters), so it runs on every keystroke.
import { IMAGE_MIN_WIDTH } from './mediaLimits.ts';
import { countUnits, DEFAULT_LIMIT_PROFILES, hashtagsIn, mentionsIn, type LimitProfile, type LimitRule, type LimitSource, type PostTarget, type Range } from './postLimits.ts';

export interface PostMediaDraft {
  readonly assetId: string;
  readonly altText: string;
  /** Size of the image as it will be sent (upright, after the chosen crop). */
  readonly width: number;
  readonly height: number;
}

export interface ProductTagDraft {
  /** Which image, counting from 0. */
  readonly mediaIndex: number;
  readonly productId: string;
  /** From the top-left, 0..1. */
  readonly x: number;
  readonly y: number;
}

export interface PostDraft {
  readonly targets: readonly PostTarget[];
  readonly caption: string;
  /** Pinterest pin title. */
  readonly title: string | null;
  /** Pinterest pin link. */
  readonly link: string | null;
  readonly paidPartnership: boolean;
  readonly brandPartner: string | null;
  readonly media: readonly PostMediaDraft[];
  readonly productTags: readonly ProductTagDraft[];
}

export interface Violation {
  readonly rule: string;
  readonly target: PostTarget;
  readonly message: string;
  readonly limit: number | string;
  readonly actual: number | string;
  readonly profile: string;
  readonly profileDate: string;
  /** "document › section" of the limit. */
  readonly source: string;
  readonly verify: boolean;
  /** The image the rule is about, when it is about one. */
  readonly mediaIndex: number | null;
}

export const sourceText = (s: LimitSource): string => `${s.document} › ${s.section}`;

const ratioText = (r: number): string => (Math.round(r * 1000) / 1000).toString();
const rangeText = (r: Range): string => `${ratioText(r.min)}..${ratioText(r.max)}`;

export function validatePost(post: PostDraft, profiles: Readonly<Partial<Record<PostTarget, LimitProfile>>> = {}): Violation[] {
  const out: Violation[] = [];
  for (const target of post.targets) validateFor(post, profiles[target] ?? DEFAULT_LIMIT_PROFILES[target], out);
  return out;
}

function validateFor(post: PostDraft, p: LimitProfile, out: Violation[]): void {
  const add = <T>(r: LimitRule<T>, message: string, limit: number | string, actual: number | string, mediaIndex: number | null = null): void => {
    out.push({ rule: r.id, target: p.target, message, limit, actual, profile: p.id, profileDate: p.date, source: sourceText(r.source), verify: r.source.verify === true, mediaIndex });
  };
  const over = (r: LimitRule<number>, actual: number, what: string, mediaIndex: number | null = null): void => {
    if (actual > r.value) add(r, `${what}: ${actual}, more than ${r.value}. ${r.says}`, r.value, actual, mediaIndex);
  };

  const chars = countUnits(post.caption, p.captionUnit);
  over(p.captionMax, chars, p.target === 'pinterest' ? 'Description length' : 'Caption length');
  over(p.hashtagsMax, hashtagsIn(post.caption).length, 'Hashtags');
  over(p.mentionsMax, mentionsIn(post.caption).length, '@-mentions');
  if (p.titleMax && post.title !== null) over(p.titleMax, countUnits(post.title, p.captionUnit), 'Title length');
  if (p.linkMax && post.link !== null) over(p.linkMax, post.link.length, 'Link length');

  const n = post.media.length;
  if (n < p.mediaMin.value) add(p.mediaMin, `No image yet. ${p.mediaMin.says}`, p.mediaMin.value, n);
  const items = p.carouselItems.value;
  if (n > 1 && n > items.max) add(p.carouselItems, `Carousel of ${n} items, more than ${items.max}. ${p.carouselItems.says}`, items.max, n);

  const ratio = p.aspectRatio.value;
  post.media.forEach((m, i) => {
    const r = m.width / m.height;
    // A rounding tolerance: 1080×566 is "1.91:1" although 1080 / 566 = 1.908.
    if (r < ratio.min - 0.005 || r > ratio.max + 0.005) {
      add(p.aspectRatio, `Image ${i + 1} is ${m.width}×${m.height} (${ratioText(r)}), outside ${rangeText(ratio)}. ${p.aspectRatio.says}`, rangeText(ratio), ratioText(r), i);
    }
    over(p.altTextMax, countUnits(m.altText, p.captionUnit), `Alt text of image ${i + 1}`, i);
    const minWidth = IMAGE_MIN_WIDTH[p.target];
    if (minWidth && m.width < minWidth.value) add(minWidth, `Image ${i + 1} is ${m.width} px wide, narrower than ${minWidth.value} px. ${minWidth.says}`, minWidth.value, m.width, i);
  });

  validateTags(post, p, add, over);
}

type Add = <T>(r: LimitRule<T>, message: string, limit: number | string, actual: number | string, mediaIndex?: number | null) => void;
type Over = (r: LimitRule<number>, actual: number, what: string, mediaIndex?: number | null) => void;

function validateTags(post: PostDraft, p: LimitProfile, add: Add, over: Over): void {
  if (post.productTags.length === 0) return;
  if (p.productTags === null) {
    // Not a failure: Pinterest makes a pin shoppable by its link; the tags are sent to the other targets only.
    return;
  }
  const rules = p.productTags;
  over(rules.perPostMax, post.productTags.length, 'Product tags on the post');
  const byImage = new Map<number, ProductTagDraft[]>();
  for (const t of post.productTags) byImage.set(t.mediaIndex, [...(byImage.get(t.mediaIndex) ?? []), t]);
  for (const [index, tags] of [...byImage].sort((a, b) => a[0] - b[0])) {
    if (index < 0 || index >= post.media.length) {
      add(p.mediaMin, `A product tag is on image ${index + 1}, but the post has ${post.media.length} image${post.media.length === 1 ? '' : 's'}.`, post.media.length - 1, index, index);
      continue;
    }
    over(rules.perImageMax, tags.length, `Product tags on image ${index + 1}`, index);
    const ids = tags.map((t) => t.productId);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (repeated.length > 0) add(rules.uniqueProducts, `Image ${index + 1} tags ${repeated[0]} more than once. ${rules.uniqueProducts.says}`, 1, ids.filter((id) => id === repeated[0]).length, index);
  }
}
