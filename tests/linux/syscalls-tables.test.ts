/**
 * The generated data files are current: regenerate from the installed cross headers (and,
 * for layouts, the cross compiler + qemu) and compare. Says so loudly when the tools are missing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CROSS_TARGETS, crossCc, headerInstalled } from '../../tools/cross.js';
import { renderGenericErrno, renderSyscallTable, tablePath } from '../../tools/gen-syscall-tables.js';
import { generate as generateLayouts } from '../../tools/gen-layouts.js';
import { riscv64Syscalls } from '../../targets/riscv/linux/syscall-names.generated.js';
import { armSyscalls } from '../../targets/arm/linux/syscall-names.generated.js';
import { aarch64Syscalls } from '../../targets/aarch64/linux/syscall-names.generated.js';
import { x86_64Syscalls } from '../../targets/x86/linux/syscall-names-x86_64.generated.js';
import { i386Syscalls } from '../../targets/x86/linux/syscall-names-i386.generated.js';
import { registry } from '../../syscalls/registry.js';

const rv = CROSS_TARGETS.riscv64;

const hasQemu = (() => {
  try {
    execFileSync('qemu-riscv64', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('generated syscall tables', () => {
  for (const name of ['x86_64', 'i386']) {
    it(`targets/x86/linux/syscall-names-${name}.generated.ts matches its unistd header`, () => {
      const t = CROSS_TARGETS[name];
      if (!headerInstalled(t)) {
        console.warn(`WARNING: ${name} headers not installed: the ${name} syscall table is NOT checked`);
        return;
      }
      expect(fs.readFileSync(tablePath(name), 'utf8')).toBe(renderSyscallTable(t));
    });
  }
  it('targets/riscv/linux/syscall-names.generated.ts matches /usr/riscv64-linux-gnu/include/asm/unistd.h', () => {
    if (!headerInstalled(rv)) {
      console.warn('WARNING: riscv64 cross headers not installed (apt install linux-libc-dev-riscv64-cross): riscv64 syscall table NOT checked');
      return;
    }
    expect(fs.readFileSync(tablePath('riscv64'), 'utf8')).toBe(renderSyscallTable(rv));
    expect(fs.readFileSync(tablePath('errno'), 'utf8')).toBe(renderGenericErrno(rv));
  });

  it('has the well-known riscv64 numbers', () => {
    expect(riscv64Syscalls[63]).toBe('read');
    expect(riscv64Syscalls[64]).toBe('write');
    expect(riscv64Syscalls[56]).toBe('openat');
    expect(riscv64Syscalls[93]).toBe('exit');
    expect(riscv64Syscalls[94]).toBe('exit_group');
    expect(riscv64Syscalls[222]).toBe('mmap');
    expect(riscv64Syscalls[259]).toBe('riscv_flush_icache');
  });

  it('every registry row is a real syscall name on some target (no typos)', () => {
    // names valid on a registered target (riscv64, arm, aarch64), or legacy names other targets' unistd.h define
    const legacy = new Set(['open', 'creat', 'dup2', 'pipe', 'fcntl64', 'stat', 'lstat', 'stat64', 'lstat64', 'fstat64', 'fstatat64',
      'access', 'chmod', 'chown', 'lchown', 'readlink', 'mkdir', 'rmdir', 'unlink', 'rename', 'renameat', 'symlink', 'link', 'mmap2',
      'time', 'ugetrlimit', 'getrlimit', 'setrlimit', 'getpgrp', 'clock_gettime64', 'clock_getres_time64', 'clock_nanosleep_time64']);
    const names = new Set([...Object.values(riscv64Syscalls), ...Object.values(armSyscalls), ...Object.values(aarch64Syscalls),
      ...Object.values(x86_64Syscalls), ...Object.values(i386Syscalls)]);
    for (const n of Object.keys(registry)) expect(names.has(n) || legacy.has(n), n).toBe(true);
  });
});

describe('generated struct layouts', () => {
  it('syscalls/layouts/riscv64.ts matches what the cross compiler says', () => {
    if (!crossCc(rv) || !hasQemu) {
      console.warn('WARNING: riscv64-linux-gnu-gcc or qemu-riscv64 missing: riscv64 struct layouts NOT checked');
      return;
    }
    const committed = fs.readFileSync(new URL('../../syscalls/layouts/riscv64.ts', import.meta.url), 'utf8');
    const fresh = generateLayouts(rv);
    // strerror texts come from the C library; compare the kernel facts exactly
    const facts = (s: string) => s.slice(0, s.indexOf('  errnoText:'));
    expect(facts(committed)).toBe(facts(fresh));
  }, 60000);
});
