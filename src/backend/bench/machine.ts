// The machine a benchmark ran on, recorded beside its numbers.
import { cpus, totalmem, platform, arch, release } from 'node:os';

export function describeMachine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
  };
}
