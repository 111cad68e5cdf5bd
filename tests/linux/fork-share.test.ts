// Forked children (and re-exec'd images) reuse the translations of their kernel's other
// processes (src/core/engine/code-store.ts), taking a region only where their own memory holds the
// bytes it was translated from; fork reuses ended processes' memories (src/linux/memory-pool.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Excp } from '../../src/core/exceptions.js';
import { copyMemory, forkProcess } from '../../src/linux/fork.js';
import { ExitKind } from '../../src/core/ir.js';
import { Kernel } from '../../src/linux/kernel.js';
import { linuxEngine } from '../../src/linux/cpu-loop.js';
import { Memory, PAGE_CODE, PAGE_SHIFT, PROT_R, PROT_W, PROT_X } from '../../src/core/memory/flat.js';
import { MemoryPool } from '../../src/linux/memory-pool.js';
import { Process } from '../../src/linux/process.js';
import { prepareProgram } from '../../src/linux/run.js';
import type { RiscvCpu } from '../../targets/riscv/cpu.js';
import { riscv64 } from '../../targets/riscv/linux/index.js';
import { which } from '../helpers/run.js';
import { CaptureLog } from '../helpers/syscalls.js';

const CODE = 0x10000;
const LOOP = CODE + 8;
const A0 = 10;
/**
 * riscv64 (checked with riscv64-linux-gnu-as/objdump):
 *   li a0,0; lui t0,2; loop: addi a0,a0,1; addi t0,t0,-1; bnez t0,loop; ecall
 * 8192 iterations: enough for the loop block to be compiled again as a tier-2 region.
 */
const PROGRAM = [0x00000513, 0x000022b7, 0x00150513, 0xfff28293, 0xfe029ce3, 0x00000073];
const ADDI_A0_A0 = (n: number) => ((n << 20) | (A0 << 15) | (A0 << 7) | 0x13) >>> 0; // addi a0,a0,n

function newParent(): { proc: Process; kernel: Kernel } {
  const mem = new Memory(true);
  const cpu = riscv64.createCpu(mem) as RiscvCpu;
  const proc = new Process(riscv64, mem, cpu, new CaptureLog([]), '', false);
  mem.map(CODE, 0x1000, PROT_R | PROT_W | PROT_X); // writable code: the program patches itself
  PROGRAM.forEach((w, i) => mem.write32(CODE + 4 * i, w));
  // compiled from the first run (no interpreted tier 0): this is about sharing compiled code,
  // and interpreted blocks stay private to a process
  const kernel = new Kernel(proc, (p) => linuxEngine(p, { warm: 0 }));
  return { proc, kernel };
}

function fork(kernel: Kernel, parent: Process, pid: number): Process {
  const child = forkProcess(parent, pid, parent.cpu.saveState());
  kernel.addProcess(child, parent, 17);
  return child;
}

/** Run `proc` from CODE to its ecall; a0 then. */
function runToEcall(kernel: Kernel, proc: Process): number {
  const cpu = proc.cpu as RiscvCpu;
  cpu.pc = CODE;
  cpu.setNum(2 * A0, 0xdead);
  const engine = kernel.engineOf(proc);
  for (let n = 0; n < 100; n++) {
    const kind = engine.runSlice();
    if (kind === ExitKind.Exception && cpu.excp === Excp.Syscall) return Number(cpu.getNum(2 * A0));
    if (kind !== ExitKind.Jump && kind !== ExitKind.Sync) throw new Error(`unexpected exit ${kind} at 0x${cpu.pc.toString(16)}`);
  }
  throw new Error('no ecall reached');
}

describe('forked processes share translations', () => {
  it('a child takes the parent\'s regions (tier 1 and tier 2) bound to its own registers', () => {
    const { proc: parent, kernel } = newParent();
    expect(runToEcall(kernel, parent)).toBe(8192);
    const pc = kernel.engineOf(parent).cache;
    expect(pc.get(LOOP)?.tier).toBe(2); // promoted: the store has the hot loop as a region
    const made = pc.translations;

    const child = fork(kernel, parent, 1001);
    (parent.cpu as RiscvCpu).setNum(2 * A0, 77);
    expect(runToEcall(kernel, child)).toBe(8192);
    const cc = kernel.engineOf(child).cache;
    expect(cc.translations).toBe(0); // nothing translated or compiled again
    expect(cc.shared).toBeGreaterThan(0);
    expect(cc.get(LOOP)?.tier).toBe(2);
    expect(cc.get(LOOP)?.fn).not.toBe(pc.get(LOOP)?.fn); // bound to the child's state
    // the child's run wrote its own registers, not the parent's
    expect(Number((parent.cpu as RiscvCpu).getNum(2 * A0))).toBe(77);
    // its code pages are flagged, so a write there drops its translations
    expect(child.mem.perm[CODE >>> PAGE_SHIFT] & PAGE_CODE).toBe(PAGE_CODE);
    expect(pc.translations).toBe(made);
  });

  it('a code write in the child changes only the child, and one in the parent only the parent', () => {
    const { proc: parent, kernel } = newParent();
    expect(runToEcall(kernel, parent)).toBe(8192);
    const child = fork(kernel, parent, 1002);
    expect(runToEcall(kernel, child)).toBe(8192); // the child runs the shared code first

    child.mem.write32(LOOP, ADDI_A0_A0(2)); // self-modifying code after fork, in the child
    expect(runToEcall(kernel, child)).toBe(16384);
    expect(runToEcall(kernel, parent)).toBe(8192);
    // the child writing back the original bytes takes the original translation again
    child.mem.write32(LOOP, ADDI_A0_A0(1));
    const before = kernel.engineOf(child).cache.translations;
    expect(runToEcall(kernel, child)).toBe(8192);
    expect(kernel.engineOf(child).cache.translations).toBe(before);
    child.mem.write32(LOOP, ADDI_A0_A0(2));
    expect(runToEcall(kernel, child)).toBe(16384);

    parent.mem.write32(LOOP, ADDI_A0_A0(3)); // and in the parent
    expect(runToEcall(kernel, parent)).toBe(3 * 8192);
    expect(runToEcall(kernel, child)).toBe(16384);

    // a second child forked now sees the parent's current code, translated already
    const second = fork(kernel, parent, 1003);
    expect(runToEcall(kernel, second)).toBe(3 * 8192);
    expect(kernel.engineOf(second).cache.translations).toBe(0);
  });

  it('a child written before it runs never takes the parent\'s stale translation', () => {
    const { proc: parent, kernel } = newParent();
    expect(runToEcall(kernel, parent)).toBe(8192);
    const child = fork(kernel, parent, 1004);
    child.mem.write32(LOOP, ADDI_A0_A0(5)); // no code flag in the child yet: no invalidation
    expect(runToEcall(kernel, child)).toBe(5 * 8192);
    expect(runToEcall(kernel, parent)).toBe(8192);
  });

  it('code is not shared when execute permission differs', () => {
    const { proc: parent, kernel } = newParent();
    expect(runToEcall(kernel, parent)).toBe(8192);
    const child = fork(kernel, parent, 1005);
    child.mem.protect(CODE, 0x1000, PROT_R | PROT_W);
    const cpu = child.cpu as RiscvCpu;
    cpu.pc = CODE;
    expect(kernel.engineOf(child).runSlice()).toBe(ExitKind.Exception);
    expect(cpu.excp).toBe(Excp.PageFault); // a fetch fault, not the code
  });
});

describe('memory pool', () => {
  it('gives back a cleared memory', () => {
    const pool = new MemoryPool();
    const m = new Memory(true);
    m.map(0x400000, 0x3000, PROT_R | PROT_W);
    m.write32(0x401000, 0x12345678);
    m.map(0xfff00000, 0x1000, PROT_R | PROT_W);
    m.write32(0xfff00ffc, 7);
    pool.give(m);
    const again = pool.take(true);
    expect(again).toBe(m);
    expect(again.perm.every((f) => f === 0)).toBe(true);
    expect(again.u8[0x401000]).toBe(0);
    expect(again.u8[0xfff00ffc]).toBe(0);
    expect(pool.take(false)).not.toBe(m); // a big-endian guest gets a memory of its own
  });

  it('fork copies every mapped byte into a reused memory, and nothing else', () => {
    const pool = new MemoryPool();
    const old = new Memory(true);
    old.map(0x500000, 0x2000, PROT_R | PROT_W);
    old.write32(0x500010, 0xdeadbeef); // left over from an ended process
    pool.give(old);
    const src = new Memory(true);
    src.map(0x400000, 0x10000, PROT_R | PROT_W); // mostly zero, like a stack
    src.write32(0x400000, 1);
    src.write32(0x40fffc, 2);
    src.map(0x600000, 0x1000, PROT_R | PROT_X);
    src.poke(0x600ff0, new Uint8Array([9, 8, 7]));
    const dst = copyMemory(src, pool);
    expect(dst).toBe(old);
    expect(dst.read32(0x400000)).toBe(1);
    expect(dst.read32(0x40fffc)).toBe(2);
    expect([...dst.u8.subarray(0x600ff0, 0x600ff3)]).toEqual([9, 8, 7]);
    expect(dst.u8[0x500010]).toBe(0);
    expect(dst.perm[0x500000 >>> PAGE_SHIFT]).toBe(0);
    expect(dst.perm[0x600000 >>> PAGE_SHIFT]).toBe(src.perm[0x600000 >>> PAGE_SHIFT]);
  });
});

// Busybox's shell forks for $(...) and pipelines and execs /proc/self/exe for `cat`: output as
// under qemu, with the children running on the first process's translations.
const DEBS = process.env.POLYEMU_DEBS ?? '/var/cache/polyemu-debs';
const SCRIPT = 'for i in 1 2 3 4 5; do echo $(echo $i) | cat; done';
describe.each([['arm64', 'qemu-aarch64'], ['armhf', 'qemu-arm']])('busybox sh on %s', (deb, qemu) => {
  const bb = join(DEBS, deb, 'bin', 'busybox');
  const missing = !existsSync(bb) ? `${bb} is missing (.ci/run unpacks it)` : undefined;
  if (missing) console.warn(`fork-share: SKIPPED busybox ${deb}: ${missing}`);
  it.skipIf(missing !== undefined)(`fork-heavy loop matches qemu and reuses code${missing ? ` (SKIPPED: ${missing})` : ''}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-fork-share-'));
    try {
      const out = join(dir, 'out');
      const { proc } = prepareProgram({ program: bb, args: ['sh', '-c', `(${SCRIPT}) > ${out}`], env: ['PATH=/bin'] });
      const kernel = new Kernel(proc);
      const st = await kernel.run();
      expect(st).toMatchObject({ status: 0, signal: 0 });
      const got = readFileSync(out, 'utf8');
      expect(got).toBe('1\n2\n3\n4\n5\n');
      if (which(qemu)) {
        expect(execFileSync(qemu, [bb, 'sh', '-c', SCRIPT], { encoding: 'utf8' })).toBe(got);
      } else {
        console.warn(`fork-share: ${qemu} missing: output checked against the literal only`);
      }
      // 15 forks and 5 execs of busybox: most of their code came from the store
      expect(kernel.codeStore.reused).toBeGreaterThan(kernel.codeStore.stored);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
