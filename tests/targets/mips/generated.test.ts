/**
 * The MIPS data files generated from Debian's cross headers are current: the o32 and n64
 * syscall tables (tools/gen-syscall-tables.ts) and the mipsel and mips struct layouts and
 * constants (tools/gen-layouts.ts, which runs a probe under qemu-mipsel/qemu-mips). Says so loudly when the
 * cross tools are missing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CROSS_TARGETS, crossCc, headerInstalled } from '../../../tools/cross.js';
import { renderSyscallTable, tablePath } from '../../../tools/gen-syscall-tables.js';
import { generate as generateLayouts } from '../../../tools/gen-layouts.js';
import { mipsO32Syscalls } from '../../../targets/mips/linux/syscall-names-o32.generated.js';
import { mipsN64Syscalls } from '../../../targets/mips/linux/syscall-names-n64.generated.js';
import { archByName } from '../../../syscalls/arch.js';

function haveQemu(qemu: string): boolean {
  try {
    execFileSync(qemu, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('generated MIPS data', () => {
  for (const name of ['mips', 'mips64el']) {
    it(`${tablePath(name).replace(/.*targets\//, 'targets/')} matches /usr/${CROSS_TARGETS[name].triplet}/include/asm/unistd.h`, () => {
      const t = CROSS_TARGETS[name];
      if (!headerInstalled(t)) {
        console.warn(`\n!!! WARNING: ${t.triplet} cross headers not installed: the ${name} syscall table is NOT checked !!!\n`);
        return;
      }
      expect(fs.readFileSync(tablePath(name), 'utf8')).toBe(renderSyscallTable(t));
    });
  }

  it('has the well-known o32 and n64 numbers', () => {
    expect(mipsO32Syscalls[4001]).toBe('exit');
    expect(mipsO32Syscalls[4004]).toBe('write');
    expect(mipsO32Syscalls[4246]).toBe('exit_group');
    expect(mipsO32Syscalls[4283]).toBe('set_thread_area');
    expect(mipsN64Syscalls[5001]).toBe('write');
    expect(mipsN64Syscalls[5058]).toBe('exit');
  });

  it('mipsel constants are MIPS\'s own', () => {
    const c = archByName('mipsel').c;
    expect([c.ENOSYS, c.SIGBUS, c.SIGCHLD, c.MAP_ANONYMOUS, c.O_NONBLOCK, c.SOCK_STREAM, c.TCGETS]).toEqual([89, 10, 18, 0x800, 0x80, 2, 0x540d]);
  });

  for (const [name, qemu] of [['mipsel', 'qemu-mipsel'], ['mips', 'qemu-mips']]) {
    it(`syscalls/layouts/${name}.ts matches what the cross compiler says`, () => {
      const t = CROSS_TARGETS[name];
      if (!crossCc(t) || !haveQemu(qemu)) {
        console.warn(`\n!!! WARNING: ${t.triplet}-gcc or ${qemu} missing: ${name} struct layouts NOT checked !!!\n`);
        return;
      }
      const committed = fs.readFileSync(new URL(`../../../syscalls/layouts/${name}.ts`, import.meta.url), 'utf8');
      const facts = (x: string) => x.slice(0, x.indexOf('  errnoText:'));
      expect(facts(committed)).toBe(facts(generateLayouts(t)));
    }, 60000);
  }
});
