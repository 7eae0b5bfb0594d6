// Every write request a simulator receives, applied or not, so a test can prove nothing was
// applied twice and nothing was lost (GET /__sim/state).
import type { VirtualClock } from './clock.ts';
import type { WriteRecord } from './types.ts';

export class WriteLog {
  readonly #clock: VirtualClock;
  readonly #records: WriteRecord[] = [];

  constructor(clock: VirtualClock) {
    this.#clock = clock;
  }

  record(target: string, action: string, applied: boolean): void {
    this.#records.push({ target, action, applied, at: this.#clock.now().toISOString() });
  }

  all(): readonly WriteRecord[] {
    return this.#records.slice();
  }
}
