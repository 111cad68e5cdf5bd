// Which architectures the e2e suites run, and the loud report of what they do not assert:
// architectures whose target is not registered in targets/index.ts, and pending cases.
import { allTargets } from '../../targets/index.js';
import { archTarget } from './cases.js';

/** Names of the targets polyemu registers today (riscv64, aarch64, arm, ...). */
export function registeredArches(): string[] {
  return allTargets.map((t) => t.name);
}

/** The fixture archs (of cases.json or busybox.json) whose target is registered: armel runs on arm. */
export function registeredFixtureArches(archs: readonly string[]): string[] {
  const targets = registeredArches();
  return archs.filter((a) => targets.includes(archTarget(a)));
}

/** POLYEMU_E2E_PENDING=run: run (and assert) pending cases too, to see which pass now. */
export const RUN_PENDING = process.env.POLYEMU_E2E_PENDING === 'run';

export interface PendingItem {
  key: string;
  reason: string;
}

/** A banner nobody can miss in the vitest output ('' when there is nothing to say). */
export function loudReport(
  suite: string,
  unregistered: Map<string, number>,
  pending: PendingItem[],
  bySelection = false,
): string {
  const lines: string[] = [];
  const why = bySelection ? 'is NOT selected (POLYEMU_E2E_ARCHS)' : 'is NOT registered in targets/index.ts';
  for (const [arch, n] of unregistered) lines.push(`arch ${arch} ${why}: its ${n} case(s) are NOT run`);
  if (pending.length) {
    lines.push(
      `${pending.length} PENDING case(s) ${RUN_PENDING ? 'are run anyway (POLYEMU_E2E_PENDING=run)' : 'are NOT asserted (POLYEMU_E2E_PENDING=run runs them)'}:`,
    );
    for (const p of pending) lines.push(`  ${p.key.padEnd(34)} ${p.reason}`);
  }
  if (!lines.length) return '';
  const bar = '!'.repeat(78);
  return `\n${bar}\n!!! ${suite}: NOT EVERYTHING IS TESTED\n${lines.map((l) => `!!! ${l}`).join('\n')}\n${bar}\n`;
}
