// What the what-if tester reads and keeps: each scored item with the verdict moderators gave it
// (its latest approve/remove/spam decision that was not undone), and the "flag/hold when score ≥ t"
// rules saved from it — suggestions the queue shows next to an item, never actions.
import type { Database } from 'better-sqlite3';
import type { SuggestionRule, WhatIfRow } from '../core/whatIf.ts';
import type { Actor } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { isoNow, type Clock } from './clock.ts';
import { newId } from './ids.ts';
import { getSetting, setSetting } from './settings.ts';
import { prepared } from './statements.ts';
import { UNDO_AUDIT_ACTION } from './undo.ts';

export interface SavedRule extends SuggestionRule {
  readonly createdBy: string;
  readonly createdAt: string;
}

const KEY = 'whatif_rules';

export class WhatIfRuleError extends Error {}

export function whatIfRows(db: Database, model: string, platform?: string): WhatIfRow[] {
  const rows = prepared(
    db,
    `WITH undone AS (SELECT json_extract(details, '$.decisionId') AS id FROM audit_log WHERE action = @undo),
     verdicts AS (
       SELECT d.item_id, d.action, ROW_NUMBER() OVER (PARTITION BY d.item_id ORDER BY d.created_at DESC, d.id DESC) AS n
       FROM decisions d WHERE d.action IN ('approve', 'remove', 'spam') AND d.id NOT IN (SELECT id FROM undone WHERE id IS NOT NULL)
     )
     SELECT s.score AS score, i.platform AS platform, c.name AS community, v.action AS action
     FROM scores s JOIN items i ON i.id = s.item_id
     LEFT JOIN communities c ON c.id = i.community_id
     LEFT JOIN verdicts v ON v.item_id = i.id AND v.n = 1
     WHERE s.model = @model AND s.score IS NOT NULL AND (@platform IS NULL OR i.platform = @platform)`,
  ).all({ undo: UNDO_AUDIT_ACTION, model, platform: platform ?? null }) as { score: number; platform: string; community: string | null; action: string | null }[];
  return rows.map((r) => ({
    score: r.score,
    platform: r.platform,
    community: r.community,
    label: r.action === null ? null : r.action === 'approve' ? 'negative' : 'positive',
  }));
}

export function listRules(db: Database): SavedRule[] {
  return getSetting<SavedRule[]>(db, KEY) ?? [];
}

export function saveRule(db: Database, input: Omit<SuggestionRule, 'id'>, who: Actor, clock: Clock): SavedRule {
  return db.transaction(() => {
    const rule: SavedRule = { id: newId(), ...input, createdBy: who.actor, createdAt: isoNow(clock) };
    setSetting(db, KEY, [...listRules(db), rule]);
    appendAudit(db, { ...who, action: 'whatif.rule.save', subject: rule.id, details: { model: rule.model, threshold: rule.threshold, suggestion: rule.suggestion } }, clock);
    return rule;
  })();
}

export function removeRule(db: Database, id: string, who: Actor, clock: Clock): void {
  db.transaction(() => {
    const rules = listRules(db);
    if (!rules.some((r) => r.id === id)) throw new WhatIfRuleError(`There is no suggestion rule ${id}.`);
    setSetting(db, KEY, rules.filter((r) => r.id !== id));
    appendAudit(db, { ...who, action: 'whatif.rule.remove', subject: id }, clock);
  })();
}
