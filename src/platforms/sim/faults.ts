// Decides which requests get a fault: scripted rules first (a test says "the next write to
// /api/approve drops after commit"), then the background `faultRate`, drawn from a seeded
// generator so a run with the same seed and the same request order fails the same way.
import type { Rng } from './rng.ts';
import type { Fault, FaultKind, FaultRule } from './types.ts';

/** Faults that make sense for each request type; random faults are drawn from these. */
const READ_FAULTS: readonly FaultKind[] = ['server_error', 'rate_limit', 'token_expired', 'drop', 'malformed_payload'];
const WRITE_FAULTS: readonly FaultKind[] = ['server_error', 'rate_limit', 'token_expired', 'drop', 'commit_then_drop'];

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

export interface FaultController {
  inject(rule: FaultRule): void;
  clear(): void;
  setRate(rate: number): void;
  rate(): number;
  /** Rules not yet used up, for a test's after-check that every scripted fault fired. */
  pending(): readonly { readonly rule: FaultRule; readonly remaining: number }[];
  /** `allowed` narrows the random kinds (PlatformSimulator.randomFaults); scripted rules ignore it. */
  choose(platform: string, method: string, path: string, isWrite: boolean, allowed?: readonly FaultKind[]): Fault | null;
}

function matches(rule: FaultRule, platform: string, method: string, path: string, isWrite: boolean): boolean {
  if (rule.platform !== undefined && rule.platform !== platform) return false;
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path !== undefined) {
    const hit = typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
    if (!hit) return false;
  }
  // A scripted commit_then_drop on a read, or malformed payload on a write, would silently do
  // nothing; skip it so it waits for a request where it means something.
  if (rule.kind === 'commit_then_drop' && !isWrite) return false;
  if (rule.kind === 'malformed_payload' && isWrite) return false;
  return true;
}

export function createFaultController(rng: Rng, initialRate = 0): FaultController {
  let rules: ActiveRule[] = [];
  let rate = initialRate;
  return {
    inject(rule) {
      const times = rule.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw new RangeError(`fault times must be a positive integer, got ${times}`);
      rules.push({ rule, remaining: times });
    },
    clear() {
      rules = [];
    },
    setRate(next) {
      if (!(next >= 0 && next <= 1)) throw new RangeError(`fault rate must be within 0..1, got ${next}`);
      rate = next;
    },
    rate: () => rate,
    pending: () => rules.map(({ rule, remaining }) => ({ rule, remaining })),
    choose(platform, method, path, isWrite, allowed) {
      const active = rules.find((entry) => matches(entry.rule, platform, method, path, isWrite));
      if (active) {
        active.remaining -= 1;
        if (active.remaining === 0) rules = rules.filter((entry) => entry !== active);
        return { kind: active.rule.kind, options: active.rule.options ?? {} };
      }
      if (!rng.chance(rate)) return null;
      const kinds = (isWrite ? WRITE_FAULTS : READ_FAULTS).filter((kind) => allowed === undefined || allowed.includes(kind));
      return kinds.length === 0 ? null : { kind: rng.pick(kinds), options: {} };
    },
  };
}
