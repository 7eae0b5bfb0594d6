// Jurisdiction profiles for sponsorship disclosure, as data: which wordings count, where they must
// sit, and whether a platform's paid-partnership label alone is enough — each rule with its source
// and date, so a reviewer (or a regulator) can see why Stoa called a post what it did. The facts are
// the ones gathered in ../shared/RULES.md ("Sponsorship disclosure", late 2026); where RULES.md is
// silent for a jurisdiction the entry says so and is marked `verify`. Versioned: a changed rule is
// a new profile version, and every stored scan names the version that judged it.
import type { WordingId } from './disclosureWordings.ts';

export interface RuleSource {
  readonly document: string;
  readonly section: string;
  readonly url: string;
  /** The guidance's own date (edition or revision). */
  readonly date: string;
  /** Where RULES.md is silent or the sources disagree: a person should check before relying on it. */
  readonly verify?: boolean;
  readonly note?: string;
}

export type WordingStatus = 'adequate' | 'risky' | 'inadequate';
/** What a disclosure that only a platform label or only the image carries earns. */
export type FallbackStatus = 'sufficient' | 'review' | 'insufficient';

export interface ProfileRule<T> {
  readonly id: string;
  readonly value: T;
  readonly says: string;
  readonly source: RuleSource;
}

export interface JurisdictionProfile {
  readonly id: JurisdictionId;
  readonly name: string;
  readonly version: string;
  /** When a post needs a disclosure at all: the rule that makes undisclosed commercial content a breach. */
  readonly needsDisclosure: ProfileRule<true>;
  readonly wordings: Readonly<Record<WordingId, ProfileRule<WordingStatus>>>;
  /** Characters visible before Instagram's "more" fold. */
  readonly foldChars: ProfileRule<number>;
  readonly mustBeBeforeFold: ProfileRule<boolean>;
  readonly hashtagClusterHides: ProfileRule<boolean>;
  readonly endOnlyHides: ProfileRule<boolean>;
  readonly imageOnly: ProfileRule<FallbackStatus>;
  readonly platformLabelAlone: ProfileRule<FallbackStatus>;
}

export const JURISDICTION_IDS = ['ftc', 'uk-asa-cma', 'eu-ucpd'] as const;
export type JurisdictionId = (typeof JURISDICTION_IDS)[number];

const RULES_MD = '../shared/RULES.md § Sponsorship disclosure';

const FTC_GUIDES: RuleSource = { document: 'FTC Guides Concerning the Use of Endorsements and Testimonials in Advertising, 16 CFR Part 255', section: '§ 255.5 Disclosure of material connections', url: 'https://www.ecfr.gov/current/title-16/chapter-I/subchapter-B/part-255', date: '2023-07-26' };
const FTC_101: RuleSource = { document: 'FTC, Disclosures 101 for Social Media Influencers', section: 'How to disclose', url: 'https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers', date: '2019-11' };
const FTC_FAQ: RuleSource = { document: "FTC, FTC's Endorsement Guides: What People Are Asking", section: 'Affiliate or network marketing', url: 'https://www.ftc.gov/business-guidance/resources/ftcs-endorsement-guides-what-people-are-asking', date: '2023-06' };
const ASA: RuleSource = { document: "CAP/ASA and CMA, Influencers' guide to making clear that ads are ads (3rd edition)", section: 'Labelling', url: 'https://www.asa.org.uk/resource/influencers-guide.html', date: '2023' };
const UCPD_GUIDANCE: RuleSource = { document: 'Commission Notice 2021/C 526/01, Guidance on the Unfair Commercial Practices Directive 2005/29/EC', section: '§ 4.2.6 Influencer marketing; Annex I point 11', url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52021XC1229(05)', date: '2021-12-29' };
const EU_HUB: RuleSource = { document: 'European Commission, Influencer Legal Hub', section: 'Disclosure of commercial content', url: 'https://commission.europa.eu/business-economy-euro/product-safety-and-requirements/consumer-product-safety/influencer-legal-hub_en', date: '2023-10' };

const from = (base: RuleSource, section: string, extra: Partial<RuleSource> = {}): RuleSource => ({ ...base, section, ...extra });
const rule = <T>(id: string, value: T, says: string, source: RuleSource): ProfileRule<T> => ({ id, value, says, source });

/** Wordings RULES.md calls not adequate everywhere ("sp", "#spon", "collab", "partner", …). */
function commonInadequate(prefix: string, source: RuleSource): Pick<JurisdictionProfile['wordings'], 'hashtag_sp' | 'hashtag_spon' | 'collab' | 'partner' | 'ambassador' | 'brought_to_you_by' | 'in_collaboration_with' | 'hashtag_client' | 'thanks_to_brand'> {
  const no = (id: WordingId, says: string) => rule(`${prefix}.wording.${id}`, 'inadequate' as WordingStatus, says, source);
  return {
    hashtag_sp: no('hashtag_sp', '"#sp" is a vague abbreviation readers do not understand.'),
    hashtag_spon: no('hashtag_spon', '"#spon" is a vague abbreviation readers do not understand.'),
    collab: no('collab', '"collab" does not say the post is paid for.'),
    partner: no('partner', '"partner" alone does not say the post is paid for.'),
    ambassador: no('ambassador', '"ambassador" alone does not say the post is paid for.'),
    brought_to_you_by: no('brought_to_you_by', '"brought to you by" does not say the post is an ad.'),
    in_collaboration_with: no('in_collaboration_with', '"in collaboration with" does not say the post is paid for.'),
    hashtag_client: no('hashtag_client', '"#client" does not say the post is an ad.'),
    thanks_to_brand: no('thanks_to_brand', 'A bare "thanks to @brand" does not say what the connection is.'),
  };
}

const ftcSource = from(FTC_101, `How to disclose; also ${RULES_MD}`);
export const FTC_PROFILE: JurisdictionProfile = {
  id: 'ftc',
  name: 'United States — FTC Endorsement Guides',
  version: '2023-07-26',
  needsDisclosure: rule('ftc.needs_disclosure', true, 'Any material connection — payment, free or discounted products, affiliate commissions, family or employment ties — must be disclosed; tags and pins can be endorsements.', from(FTC_GUIDES, `§ 255.5; ${RULES_MD}`)),
  wordings: {
    hashtag_ad: rule('ftc.wording.hashtag_ad', 'adequate', '"#ad" is a clear disclosure.', ftcSource),
    ad: rule('ftc.wording.ad', 'adequate', '"Ad" is a clear disclosure.', ftcSource),
    advert: rule('ftc.wording.advert', 'adequate', '"Advertisement" is a clear disclosure.', ftcSource),
    sponsored: rule('ftc.wording.sponsored', 'adequate', '"Sponsored" is a clear disclosure.', ftcSource),
    paid_partnership: rule('ftc.wording.paid_partnership', 'adequate', '"Paid partnership with X" is a clear disclosure.', from(FTC_101, `How to disclose; ${RULES_MD}`)),
    thanks_for_free_product: rule('ftc.wording.thanks_for_free_product', 'adequate', '"Thanks to X for the free product" discloses a gift.', from(FTC_101, `How to disclose; ${RULES_MD} ("FTC only")`)),
    commission_statement: rule('ftc.wording.commission_statement', 'adequate', '"I get a commission for purchases through these links" discloses an affiliate connection.', FTC_FAQ),
    local_advertising_label: rule('ftc.wording.local_advertising_label', 'risky', 'A label in a language the audience may not read needs a person to judge.', from(FTC_101, 'Use the language of the endorsement', { verify: true })),
    gifted: rule('ftc.wording.gifted', 'risky', '"#gifted" alone may not make the connection clear.', from(FTC_101, `${RULES_MD} (listed as risky under ASA; FTC guidance names no hashtag for gifts)`, { verify: true })),
    affiliate_alone: rule('ftc.wording.affiliate_alone', 'risky', '"affiliate" alone (e.g. "#affiliatelink") may not be understood.', FTC_FAQ),
    ...commonInadequate('ftc', ftcSource),
  },
  foldChars: rule('ftc.placement.fold_chars', 125, 'Instagram shows about the first 125 characters before "more".', from(FTC_101, RULES_MD)),
  mustBeBeforeFold: rule('ftc.placement.before_fold', true, 'The disclosure must be visible without clicking "more".', from(FTC_101, 'Place it so it is hard to miss')),
  hashtagClusterHides: rule('ftc.placement.hashtag_cluster', true, 'A disclosure mixed into a cluster of hashtags is easy to miss.', from(FTC_101, 'Do not mix it into a group of hashtags or links')),
  endOnlyHides: rule('ftc.placement.end_only', true, 'A disclosure only at the end of a long caption is not with the endorsement.', from(FTC_GUIDES, '§ 255.5; clear and conspicuous')),
  imageOnly: rule('ftc.placement.image_only', 'review', 'On an image the disclosure belongs on the image, but whether it is legible and long enough on screen needs a person.', from(FTC_101, `Superimpose it over the picture; ${RULES_MD}`)),
  platformLabelAlone: rule('ftc.platform_label_alone', 'review', 'A platform disclosure tool may not be good enough on its own; use it with your own disclosure.', from(FTC_101, "Don't assume a platform's disclosure tool is good enough")),
};

const asaSource = from(ASA, `Labelling; also ${RULES_MD}`);
export const UK_PROFILE: JurisdictionProfile = {
  id: 'uk-asa-cma',
  name: 'United Kingdom — ASA/CAP Code and CMA (consumer law)',
  version: '2023',
  needsDisclosure: rule('uk.needs_disclosure', true, 'A post is an ad when the brand pays and controls it; affiliate links are always ads; gifts without control still need disclosure under consumer law.', from(ASA, `What is an ad; ${RULES_MD}`)),
  wordings: {
    hashtag_ad: rule('uk.wording.hashtag_ad', 'adequate', '"#ad" is the label the ASA recommends.', asaSource),
    ad: rule('uk.wording.ad', 'adequate', '"Ad" is the label the ASA recommends.', asaSource),
    advert: rule('uk.wording.advert', 'adequate', '"Advert" / "Advertisement" are accepted labels.', asaSource),
    sponsored: rule('uk.wording.sponsored', 'risky', 'The ASA calls "sponsored" risky: readers may not take it to mean the brand controlled the content.', asaSource),
    paid_partnership: rule('uk.wording.paid_partnership', 'adequate', '"Paid partnership" says the post is paid for.', from(ASA, `Labelling; ${RULES_MD}`, { verify: true, note: 'RULES.md lists "paid partnership with X" as good wording without naming a regulator.' })),
    thanks_for_free_product: rule('uk.wording.thanks_for_free_product', 'risky', 'Accepted by the FTC only (RULES.md); the ASA asks for a clear label.', from(ASA, `${RULES_MD} ("FTC only")`)),
    commission_statement: rule('uk.wording.commission_statement', 'risky', 'Affiliate links are always ads in the UK: they need "Ad", not only an explanation.', from(ASA, `Affiliate marketing; ${RULES_MD}`)),
    local_advertising_label: rule('uk.wording.local_advertising_label', 'risky', 'A label in another language may not be understood by a UK audience.', from(ASA, 'Labelling', { verify: true })),
    gifted: rule('uk.wording.gifted', 'risky', '"#gifted" alone is risky: fine for a gift without control, not for an ad.', asaSource),
    affiliate_alone: rule('uk.wording.affiliate_alone', 'risky', '"affiliate" alone is risky: affiliate posts are ads and need "Ad".', asaSource),
    ...commonInadequate('uk', asaSource),
  },
  foldChars: rule('uk.placement.fold_chars', 125, 'Instagram shows about the first 125 characters before "more".', from(ASA, RULES_MD)),
  mustBeBeforeFold: rule('uk.placement.before_fold', true, 'The label must be upfront: seen before anyone engages with the post.', from(ASA, 'Make it upfront and prominent')),
  hashtagClusterHides: rule('uk.placement.hashtag_cluster', true, 'A label among other hashtags is not prominent.', from(ASA, 'Make it upfront and prominent')),
  endOnlyHides: rule('uk.placement.end_only', true, 'A label at the end of a caption is not upfront.', from(ASA, 'Make it upfront and prominent')),
  imageOnly: rule('uk.placement.image_only', 'review', 'A label on the image can be upfront, but its legibility needs a person.', from(ASA, `Labelling on images and Stories; ${RULES_MD}`)),
  platformLabelAlone: rule('uk.platform_label_alone', 'review', 'Platform tools help; whether the label alone is prominent enough needs a person (ASA recommends adding "Ad").', from(ASA, `Platform tools; ${RULES_MD}`, { verify: true })),
};

const euSource = from(UCPD_GUIDANCE, `§ 4.2.6; ${RULES_MD}`, { verify: true, note: 'The UCPD names no words; the Commission asks for a clear label in the language of the audience.' });
export const EU_PROFILE: JurisdictionProfile = {
  id: 'eu-ucpd',
  name: 'European Union — Unfair Commercial Practices Directive',
  version: '2021-12-29',
  needsDisclosure: rule('eu.needs_disclosure', true, 'Content paid for or otherwise commercial must make its commercial intent clear (UCPD Art. 7(2), Annex I point 11).', from(UCPD_GUIDANCE, `§ 4.2.6; ${RULES_MD}`)),
  wordings: {
    hashtag_ad: rule('eu.wording.hashtag_ad', 'adequate', '"#ad" is a clear label.', euSource),
    ad: rule('eu.wording.ad', 'adequate', '"Ad" is a clear label.', euSource),
    advert: rule('eu.wording.advert', 'adequate', '"Advertisement" is a clear label.', euSource),
    sponsored: rule('eu.wording.sponsored', 'adequate', '"Sponsored" is a clear label.', from(EU_HUB, 'Disclosure of commercial content', { verify: true })),
    paid_partnership: rule('eu.wording.paid_partnership', 'adequate', '"Paid partnership" is a clear label.', euSource),
    thanks_for_free_product: rule('eu.wording.thanks_for_free_product', 'risky', 'Accepted by the FTC only (RULES.md); the EU asks for a clear label.', from(UCPD_GUIDANCE, `§ 4.2.6; ${RULES_MD} ("FTC only")`)),
    commission_statement: rule('eu.wording.commission_statement', 'risky', 'An explanation of a commission may not read as a label of commercial content.', euSource),
    local_advertising_label: rule('eu.wording.local_advertising_label', 'adequate', '"Werbung", "Anzeige", "Publicité", … label commercial content in the audience\u2019s language.', euSource),
    gifted: rule('eu.wording.gifted', 'risky', '"#gifted" alone may not say that the post is commercial.', euSource),
    affiliate_alone: rule('eu.wording.affiliate_alone', 'risky', '"affiliate" alone may not say that the post is commercial.', euSource),
    ...commonInadequate('eu', euSource),
  },
  foldChars: rule('eu.placement.fold_chars', 125, 'Instagram shows about the first 125 characters before "more".', from(UCPD_GUIDANCE, RULES_MD)),
  mustBeBeforeFold: rule('eu.placement.before_fold', true, 'The commercial intent must be clear at once, not after expanding the caption.', euSource),
  hashtagClusterHides: rule('eu.placement.hashtag_cluster', true, 'A label hidden among hashtags does not make the commercial intent clear.', euSource),
  endOnlyHides: rule('eu.placement.end_only', true, 'A label only at the end of a long caption does not make the intent clear at once.', euSource),
  imageOnly: rule('eu.placement.image_only', 'review', 'A label on the image can be clear, but its legibility needs a person.', euSource),
  platformLabelAlone: rule('eu.platform_label_alone', 'review', 'Platform labels help; whether one suffices alone needs a person.', from(EU_HUB, `Platform tools; ${RULES_MD}`, { verify: true })),
};

export const JURISDICTION_PROFILES: Readonly<Record<JurisdictionId, JurisdictionProfile>> = { ftc: FTC_PROFILE, 'uk-asa-cma': UK_PROFILE, 'eu-ucpd': EU_PROFILE };

export const isJurisdictionId = (value: string): value is JurisdictionId => (JURISDICTION_IDS as readonly string[]).includes(value);
