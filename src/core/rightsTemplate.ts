// Rights requests for community content: the message a brand sends an author to ask for permission
// to reuse their photo or review, written as a template with {author}, {community}, {brand} and
// {link} placeholders, and the credit line a reused item carries. Pure, so the composer previews
// the message while it is edited and the backend renders the same text it records as sent.
import type { PlatformName } from './domain.ts';

export const RIGHTS_STATUSES = ['asked', 'granted', 'refused'] as const;
export type RightsStatus = (typeof RIGHTS_STATUSES)[number];

export const RIGHTS_PLACEHOLDERS = ['author', 'community', 'brand', 'link'] as const;
export type RightsPlaceholder = (typeof RIGHTS_PLACEHOLDERS)[number];
export type RightsValues = Readonly<Record<RightsPlaceholder, string>>;

export const DEFAULT_RIGHTS_TEMPLATE =
  'Hi @{author}, we love what you shared in {community} ({link}). May {brand} repost it on our channels, crediting you as @{author}? ' +
  'Reply "yes" to give permission, or "no" and we will not use it.';

const PLATFORM_NAMES: Readonly<Record<PlatformName, string>> = { reddit: 'Reddit', discourse: 'the forum', youtube: 'YouTube', instagram: 'Instagram', pinterest: 'Pinterest' };

export const platformDisplayName = (platform: PlatformName): string => PLATFORM_NAMES[platform];

/** The credit a reused item carries in the caption: "📷 @author on Instagram". */
export const creditLine = (author: string, platform: PlatformName): string => `📷 @${author.replace(/^@/, '')} on ${platformDisplayName(platform)}`;

/** A review quoted above its credit (curly quotes, whitespace folded), or the credit alone. */
export function creditedCaption(author: string, platform: PlatformName, quote: string | null): string {
  const text = quote?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? creditLine(author, platform) : `“${text}”\n\n${creditLine(author, platform)}`;
}

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

export type RenderedTemplate = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * Fills the placeholders. A name that is not one of the four, or a value still missing (a brand
 * not set yet), is refused with a sentence rather than sent as a literal "{brand}" to a customer.
 */
export function renderRightsTemplate(template: string, values: RightsValues): RenderedTemplate {
  const unknown = new Set<string>();
  const empty = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(RIGHTS_PLACEHOLDERS as readonly string[]).includes(name)) {
      unknown.add(whole);
      return whole;
    }
    const value = values[name as RightsPlaceholder].trim();
    if (value === '') empty.add(name);
    return value;
  });
  if (unknown.size > 0) return { ok: false, message: `The message uses ${[...unknown].join(', ')}, which is not a placeholder; use ${RIGHTS_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.` };
  if (empty.size > 0) return { ok: false, message: `The message needs a value for ${[...empty].map((p) => `{${p}}`).join(', ')}: fill it in before sending.` };
  if (text.trim() === '') return { ok: false, message: 'The message is empty: write what you ask the author.' };
  return { ok: true, text };
}

/** Which moves a person may make: refused is final (the author said no), granted can be withdrawn. */
export function canMoveRights(from: RightsStatus, to: RightsStatus): boolean {
  if (from === to) return true;
  if (from === 'refused') return false;
  return from === 'asked' || to === 'refused';
}
