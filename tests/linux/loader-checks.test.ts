/**
 * Programs the loader refuses, each with one clear line (UserError: the CLI prints it after
 * "polyemu: " and exits with its code): a file without execute permission (exit 1, as
 * execve's EACCES and qemu-user), an ELF interpreter that is not an ELF file, a big-endian
 * program of a little-endian-only target, a corrupt byte-order byte, overlapping PT_LOADs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { prepareProgram } from '../../src/linux/run.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const LOADER = path.join(ROOT, 'fixtures/loader');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-loadcheck-'));

function refusal(program: string, sysroot = ''): UserError {
  try {
    prepareProgram({ program, sysroot, env: [] });
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).not.toContain('\n');
    return e as UserError;
  }
  throw new Error(`${program} was loaded`);
}

/** A copy of fixtures/loader/<name> in tmp, edited by `edit`, with `mode`. */
function variant(name: string, out: string, edit: (b: Buffer) => void = () => {}, mode = 0o755): string {
  const b = fs.readFileSync(path.join(LOADER, name));
  edit(b);
  const f = path.join(tmp, out);
  fs.writeFileSync(f, b, { mode });
  fs.chmodSync(f, mode);
  return f;
}

describe('the loader refuses', () => {
  it('a program without execute permission: exit 1 (execve: EACCES; qemu-user exits 1)', () => {
    const f = variant('exit42', 'noexec', undefined, 0o644);
    const e = refusal(f);
    expect(e.code).toBe(1);
    expect(e.message).toBe(`'${f}': Permission denied: the file is not executable`);
    fs.chmodSync(f, 0o755);
    expect(() => prepareProgram({ program: f, sysroot: '', env: [] })).not.toThrow();
  });

  it('an ELF interpreter that is not an ELF file, naming it', () => {
    fs.mkdirSync(path.join(tmp, 'root/lib'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'root/lib/ld-polyemu-test.so.1'), '#!/bin/sh\necho not a loader\n');
    const e = refusal(path.join(LOADER, 'dyn-fakeld'), path.join(tmp, 'root'));
    expect(e.code).toBe(255);
    expect(e.message).toBe(`'/lib/ld-polyemu-test.so.1': the ELF interpreter of '${path.join(LOADER, 'dyn-fakeld')}' (${path.join(tmp, 'root/lib/ld-polyemu-test.so.1')}) is not an ELF file`);
  });

  it('big-endian AArch64 and ARM programs: the targets run little-endian ones only', () => {
    const a = refusal(path.join(LOADER, 'aarch64-be'));
    expect(a.code).toBe(255);
    expect(a.message).toMatch(/'.*aarch64-be': a big-endian program: AArch64 \(ELF machine 183\), 64-bit big-endian; polyemu's aarch64 target runs little-endian programs only$/);
    expect(refusal(path.join(LOADER, 'arm-be')).message).toMatch(/a big-endian program: ARM \(ELF machine 40\), 32-bit big-endian; polyemu's arm target runs little-endian programs only$/);
  });

  it('a little-endian program whose EI_DATA byte says big-endian', () => {
    const f = variant('exit42', 'flipped', (b) => { b[5] = 2; });
    const e = refusal(f);
    expect(e.code).toBe(255);
    expect(e.message).toBe(`'${f}': invalid ELF image: the ELF identification says big-endian (EI_DATA 2), but the header's fields read as little-endian (a corrupt EI_DATA byte?)`);
  });

  it('PT_LOAD segments whose memory overlaps (Linux and qemu-user map the later over the earlier; polyemu refuses)', () => {
    // exit42: LOAD 0x10000 (0x1ee bytes) and LOAD 0x111f0; move the second to 0x101f0 and
    // grow the first past it. Sharing a page (the second at 0x101f0 alone) is allowed.
    const loads = (b: Buffer) => {
      const phoff = Number(b.readBigUInt64LE(32));
      return [...Array(b.readUInt16LE(56)).keys()].map((i) => phoff + 56 * i).filter((o) => b.readUInt32LE(o) === 1);
    };
    const samePage = variant('exit42', 'samepage', (b) => {
      const [, second] = loads(b);
      b.writeBigUInt64LE(0x101f0n, second + 16);
      b.writeBigUInt64LE(0x101f0n, second + 24);
    });
    expect(() => prepareProgram({ program: samePage, sysroot: '', env: [] })).not.toThrow();
    const f = variant('exit42', 'overlap', (b) => {
      const [first, second] = loads(b);
      b.writeBigUInt64LE(0x101f0n, second + 16);
      b.writeBigUInt64LE(0x101f0n, second + 24);
      b.writeBigUInt64LE(0x300n, first + 32);
      b.writeBigUInt64LE(0x300n, first + 40);
    });
    const e = refusal(f);
    expect(e.code).toBe(255);
    expect(e.message).toMatch(/invalid ELF image: PT_LOAD segments \d \(0x10000-0x10300\) and \d \(0x101f0-0x[0-9a-f]+\) overlap$/);
  });
});
