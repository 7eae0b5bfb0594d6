// The disclosure linter for a post with several targets: the caption goes everywhere, the
// paid-partnership label only to Instagram. A post disclosed by the label alone is a warning for
// Instagram but undisclosed on Pinterest (an error that says so, with no "turn on the label" fix);
// a caption disclosure clears both; a post without the label reads the same for every target.
import { describe, expect, it } from 'vitest';
import { applyEdits, lintDisclosureForTargets, type LintInput } from '../../../src/core/disclosureLinter.ts';
import { FTC_PROFILE, UK_PROFILE } from '../../../src/core/jurisdictionProfiles.ts';
import { sponsorshipRuleHits } from '../../../src/ml/rules/sponsorshipRules.ts';

const CAPTION = 'Sunday morning in the linen shirt, the one I will not stop wearing. Use code LINEN10 for 10% off.';
const input = (caption: string, over: Partial<LintInput> = {}): LintInput => ({ caption, paidPartnership: false, brandPartner: null, productTagCount: 1, productBrands: [], ruleHits: sponsorshipRuleHits(caption), labelAvailable: true, ...over });
const INSTAGRAM = { name: 'instagram', hasLabel: true };
const PINTEREST = { name: 'pinterest', hasLabel: false };

describe('disclosure linter across targets', () => {
  it('the label alone: a warning for Instagram, an error naming Pinterest for the pin', () => {
    const findings = lintDisclosureForTargets(input(CAPTION, { paidPartnership: true }), [INSTAGRAM, PINTEREST], FTC_PROFILE);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['disclosure.label_only', 'warning'],
      ['disclosure.missing', 'error'],
    ]);
    const pin = findings[1];
    expect(pin?.message).toMatch(/^On pinterest \(no paid-partnership label there\): The post is commercial/);
    expect(pin?.fixes.map((f) => f.label)).toEqual(['Add #ad at the start']);
    const fix = pin?.fixes[0];
    if (fix?.kind !== 'edit') throw new Error('no edit fix');
    expect(lintDisclosureForTargets(input(applyEdits(CAPTION, fix.edits), { paidPartnership: true }), [INSTAGRAM, PINTEREST], FTC_PROFILE)).toEqual([]);
  });

  it('a Pinterest-only post with the label on is undisclosed, and no label fix is offered', () => {
    const [f, ...rest] = lintDisclosureForTargets(input(CAPTION, { paidPartnership: true }), [PINTEREST], UK_PROFILE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'disclosure.missing', severity: 'error', jurisdiction: UK_PROFILE.id });
    expect(f?.message.startsWith('On ')).toBe(false);
    expect(f?.fixes.some((x) => x.kind === 'set_paid_partnership')).toBe(false);
  });

  it('without the label both targets read alike: one finding, with the label fix where Instagram is a target', () => {
    const both = lintDisclosureForTargets(input(CAPTION), [INSTAGRAM, PINTEREST], FTC_PROFILE);
    expect(both.map((f) => f.id)).toEqual(['disclosure.missing']);
    expect(both[0]?.fixes.map((f) => f.label)).toEqual(['Add #ad at the start', 'Turn on the paid-partnership label']);
    expect(lintDisclosureForTargets(input(CAPTION), [INSTAGRAM], FTC_PROFILE)).toEqual(both);
  });
});
