// The brands an audit is about: their names, handles, the discount codes they issued and their
// affiliate programme ids. A post that names, tags or carries the code of one of them is commercial
// evidence for that brand (RULES.md: "tagging or @-mentioning a brand in the brand list").
export interface AuditBrand {
  readonly id: string;
  readonly name: string;
  /** Platform handles without the '@'. */
  readonly handles: readonly string[];
  readonly discountCodes: readonly string[];
  /** Ids that appear in the brand's affiliate links (an Amazon tag, an LTK or ShareASale id, …). */
  readonly affiliateIds: readonly string[];
}

export interface BrandMatch {
  readonly brandId: string;
  readonly brand: string;
  readonly kind: 'brand_mention' | 'brand_handle' | 'brand_discount_code' | 'affiliate_programme';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Letters, digits and '_' continue a token; a name inside a longer word ("Glowing" for "Glow") is not a match.
const bounded = (body: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'giu');

export function matchBrands(text: string, brands: readonly AuditBrand[]): BrandMatch[] {
  const out: BrandMatch[] = [];
  const push = (brand: AuditBrand, kind: BrandMatch['kind'], re: RegExp): void => {
    for (const m of text.matchAll(re)) out.push({ brandId: brand.id, brand: brand.name, kind, text: m[0], start: m.index, end: m.index + m[0].length });
  };
  for (const brand of brands) {
    const handles = brand.handles.filter((h) => h.trim() !== '').map((h) => escape(h.replace(/^@/, '')));
    if (handles.length > 0) push(brand, 'brand_handle', new RegExp(`(?<![\\w@])@(?:${handles.join('|')})(?![\\w.]*[\\w])`, 'giu'));
    if (brand.name.trim() !== '') push(brand, 'brand_mention', bounded(escape(brand.name.trim()).replace(/\s+/g, '\\s+')));
    const codes = brand.discountCodes.filter((c) => c.trim() !== '').map((c) => escape(c.trim()));
    if (codes.length > 0) push(brand, 'brand_discount_code', bounded(codes.join('|')));
    for (const id of brand.affiliateIds.filter((a) => a.trim() !== '')) {
      // An affiliate id sits inside a URL (tag=glowco-20, /glowco/): matched as a plain substring.
      push(brand, 'affiliate_programme', new RegExp(escape(id.trim()), 'giu'));
    }
  }
  // A brand name inside its own handle ("@glowco" holds "glowco") is one piece of evidence.
  return out.filter((m) => !(m.kind === 'brand_mention' && out.some((o) => o.kind !== 'brand_mention' && o.start <= m.start && o.end >= m.end)));
}

/** Tagged accounts that are brands in the list. */
export function brandsTagged(taggedUsers: readonly string[], brands: readonly AuditBrand[]): { brand: AuditBrand; handle: string }[] {
  const out: { brand: AuditBrand; handle: string }[] = [];
  for (const user of taggedUsers) {
    const handle = user.replace(/^@/, '').toLowerCase();
    const brand = brands.find((b) => b.handles.some((h) => h.replace(/^@/, '').toLowerCase() === handle));
    if (brand) out.push({ brand, handle: user });
  }
  return out;
}
