// Removal reasons and macros as data, and what they turn into: a template's text with its
// placeholders filled for one item, and a macro expanded into the decisions it stands for
// (remove with the reason, the message to the author and the private note; then a ban when the
// macro says so). Pure, so the backend, the UI's preview and the tests agree on every word.
import type { ModerationAction } from './domain.ts';

/** The placeholders a template may use, each filled from the item it is applied to. */
export const TEMPLATE_PLACEHOLDERS = ['author', 'community', 'rule', 'link'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Readonly<Record<TemplatePlaceholder, string>>;

export interface RemovalTemplate {
  readonly id: string;
  /** Local community id it belongs to; null: offered in every community. */
  readonly communityId: string | null;
  readonly title: string;
  /** The rule it enforces, as {rule} in the texts ("Rule 2: be civil"). */
  readonly rule: string;
  /** The removal reason (kept with the decision, sent where the platform takes one). */
  readonly reason: string;
  /** Sent to the author (Reddit removal message, Discourse reject reason); null: none. */
  readonly message: string | null;
  /** Private moderator note (Reddit mod note, a local note everywhere); null: none. */
  readonly note: string | null;
  /** A macro that also bans: days, 0 = permanent; null: no ban. */
  readonly banDays: number | null;
  /** The platform's own removal-reason id (Reddit reason_id), when the community has one. */
  readonly remoteReasonId: string | null;
  readonly position: number;
}

const PLACEHOLDER = /\{([a-z]+)\}/g;

/** Placeholders a text names that Stoa cannot fill (a typo such as {autor}); empty when fine. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)))];
}

/** The text with every known placeholder replaced; unknown ones stay visible as typed. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => ((TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as TemplatePlaceholder] : whole));
}

export interface TemplateItem {
  readonly authorName: string | null;
  readonly communityName: string | null;
  readonly url: string | null;
}

export function valuesFor(item: TemplateItem, rule: string): TemplateValues {
  return { author: item.authorName ?? 'the author', community: item.communityName ?? 'this community', rule, link: item.url ?? '' };
}

/** One decision a macro stands for, with the params its outbox entry carries. */
export interface MacroStep {
  readonly action: ModerationAction;
  readonly reason: string;
  readonly params: {
    readonly reason?: string;
    readonly message?: string;
    readonly note?: string;
    readonly reasonId?: string;
    readonly durationDays?: number | null;
  };
}

/**
 * The decisions one template stands for on one item: always a removal carrying the filled reason,
 * message and note; then a ban when the macro bans and the item has an author who can be banned
 * on its platform (`canBan`). A ban's reason is the filled reason, cut to the platform's limit.
 */
export function expandMacro(template: RemovalTemplate, item: TemplateItem, canBan: boolean, banReasonMax: number | null = null): MacroStep[] {
  const values = valuesFor(item, template.rule);
  const reason = fillTemplate(template.reason, values).trim();
  const message = template.message ? fillTemplate(template.message, values).trim() : '';
  const note = template.note ? fillTemplate(template.note, values).trim() : '';
  const remove: MacroStep = {
    action: 'remove',
    reason,
    params: {
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
      ...(note ? { note } : {}),
      ...(template.remoteReasonId ? { reasonId: template.remoteReasonId } : {}),
    },
  };
  if (template.banDays === null || !canBan || item.authorName === null) return [remove];
  const banReason = banReasonMax !== null && reason.length > banReasonMax ? reason.slice(0, banReasonMax) : reason;
  const ban: MacroStep = { action: 'ban', reason: banReason, params: { durationDays: template.banDays === 0 ? null : template.banDays, ...(message ? { message } : {}) } };
  return [remove, ban];
}

/** The template a digit key picks (1 = first of those offered), or null when there is none. */
export function templateForDigit<T>(offered: readonly T[], key: string): T | null {
  if (!/^[1-9]$/.test(key)) return null;
  return offered[Number(key) - 1] ?? null;
}
