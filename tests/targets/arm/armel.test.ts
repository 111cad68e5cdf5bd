// Debian armel (ARMv5TE, soft float) on the arm target: the ELF's float-ABI flag picks the
// default sysroot, and the fixtures arch `armel` maps to the `arm` target and qemu-arm.
// The programs themselves run in tests/e2e/fixtures.test.ts (POLYEMU_E2E_ARCHS=armel).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSysroot, prepareProgram } from '../../../src/linux/run.js';
import { readElfFile } from '../../../src/linux/elf/elf-file.js';
import { arm, EF_ARM_ABI_FLOAT_HARD, EF_ARM_ABI_FLOAT_SOFT, EF_ARM_EABI_VER5 } from '../../../targets/arm/linux/index.js';
import { archQemu, archTarget, expandCases, FIXTURES, loadCaseFile } from '../../helpers/cases.js';
import { registeredFixtureArches } from '../../helpers/pending.js';

const ARMEL_SYSROOT = '/usr/arm-linux-gnueabi';
const ARMHF_SYSROOT = '/usr/arm-linux-gnueabihf';
const haveArmel = existsSync(join(ARMEL_SYSROOT, 'lib', 'ld-linux.so.3'));
if (!haveArmel)
  console.warn(`\n!!! arm-armel: ${ARMEL_SYSROOT} is NOT installed (apt-get install libc6-armel-cross): the sysroot checks that need it are SKIPPED !!!\n`);

describe('armel on the arm target', () => {
  it('picks the Debian triplet from the float-ABI flags', () => {
    expect(arm.tripletFor!(EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_SOFT)).toBe('arm-linux-gnueabi');
    expect(arm.tripletFor!(EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_HARD)).toBe('arm-linux-gnueabihf');
    // neither flag (old tools, some -nostdlib objects): armhf, the target's own triplet
    expect(arm.tripletFor!(EF_ARM_EABI_VER5)).toBe(arm.triplet);
    expect(arm.checkElfFlags!(EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_SOFT)).toBeUndefined();
  });

  it('the committed armel fixtures are ARMv5TE soft-float EABI5 files', () => {
    for (const p of ['armel/hello', 'armel/dyn/hello', 'armel/libc']) {
      const elf = readElfFile(join(FIXTURES, p));
      expect(elf.machine).toBe(40);
      expect(elf.flags >>> 0, p).toBe((EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_SOFT) >>> 0);
    }
    expect(readElfFile(join(FIXTURES, 'arm/dyn/hello')).flags >>> 0).toBe((EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_HARD) >>> 0);
  });

  it.skipIf(!haveArmel)('defaults the sysroot of an armel program to /usr/arm-linux-gnueabi', () => {
    expect(defaultSysroot(arm, EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_SOFT)).toBe(ARMEL_SYSROOT);
    const { target, proc } = prepareProgram({ program: join(FIXTURES, 'armel/dyn/hello'), env: [] });
    expect(target.name).toBe('arm');
    expect(proc.sysroot).toBe(ARMEL_SYSROOT);
  });

  it('keeps /usr/arm-linux-gnueabihf for armhf programs', () => {
    const dflt = existsSync(ARMHF_SYSROOT) ? ARMHF_SYSROOT : '';
    expect(defaultSysroot(arm, EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_HARD)).toBe(dflt);
    expect(defaultSysroot(arm)).toBe(dflt);
    expect(prepareProgram({ program: join(FIXTURES, 'arm/hello'), env: [] }).proc.sysroot).toBe(dflt);
  });

  it('the fixtures arch armel runs on the arm target under qemu-arm', () => {
    const file = loadCaseFile();
    expect(archTarget('armel', file)).toBe('arm');
    expect(archQemu('armel', file)).toBe('qemu-arm');
    expect(archTarget('aarch64', file)).toBe('aarch64');
    expect(archQemu('riscv64', file)).toBe('qemu-riscv64');
    expect(registeredFixtureArches(Object.keys(file.archs))).toEqual(expect.arrayContaining(['arm', 'armel']));
    const cases = expandCases(file, ['armel']);
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.find((c) => c.key === 'armel/dyn/hello')?.sysroot).toBe(ARMEL_SYSROOT);
    expect(cases.find((c) => c.key === 'armel/hello')?.binary).toMatch(/fixtures\/armel\/hello$/);
  });
});
