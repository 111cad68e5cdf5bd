/** src/linux/run.ts in-process: target choice, sysroot default, options, seeded AT_RANDOM, -d page. */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prepareProgram, seededBytes, hostEnvironment, defaultSysroot, runProgram } from '../../src/linux/run.js';
import { Logger } from '../../src/core/log/log.js';
import { UserError } from '../../src/errors.js';
import { AT_RANDOM } from '../../src/linux/elf/constants.js';
import { riscv64 } from '../../targets/riscv/linux/index.js';
import { FIXTURES, readInitialStack } from '../helpers/loader.js';

const fx = (name: string) => path.join(FIXTURES, name);

class MemLogger extends Logger {
  text = '';
  override write(t: string): void { this.text += t + '\n'; }
}

describe('prepareProgram', () => {
  it('picks riscv64 from the ELF header and builds argv from argv0 and args', () => {
    const { target, proc, info } = prepareProgram({ program: fx('exit42'), argv0: 'zero', args: ['a'], env: ['K=V'], sysroot: '' });
    expect(target.name).toBe('riscv64');
    expect(proc.argv).toEqual(['zero', 'a']);
    expect(proc.envp).toEqual(['K=V']);
    expect(riscv64.abi.getSp(proc.cpu)).toBe(info.stack.sp);
    expect(proc.cpu.pc).toBe(0x1015e);
    // AT_EXECFN is the program as given, not argv[0]
    const s = readInitialStack(proc.mem, info.stack.sp);
    expect(proc.mem.readCString(s.aux.get(31)!)).toBe(fx('exit42'));
  });

  it('uses the host environment by default', () => {
    const { proc } = prepareProgram({ program: fx('exit42'), sysroot: '' });
    expect(proc.envp).toEqual(hostEnvironment());
  });

  it('makes AT_RANDOM reproducible with a seed', () => {
    const random = (seed: number) => {
      const { proc, info } = prepareProgram({ program: fx('exit42'), seed, env: [], sysroot: '' });
      const s = readInitialStack(proc.mem, info.stack.sp);
      return proc.mem.readBytes(s.aux.get(AT_RANDOM)!, 16);
    };
    expect(random(5)).toEqual(seededBytes(5));
    expect(random(5)).toEqual(random(5));
    expect(random(5)).not.toEqual(random(6));
  });

  it('defaults the sysroot to /usr/<triplet> when it exists', () => {
    const dflt = fs.existsSync('/usr/riscv64-linux-gnu') ? '/usr/riscv64-linux-gnu' : '';
    expect(defaultSysroot(riscv64)).toBe(dflt);
    expect(prepareProgram({ program: fx('exit42'), env: [] }).proc.sysroot).toBe(dflt);
    expect(prepareProgram({ program: fx('exit42'), env: [], sysroot: FIXTURES + 'sysroot' }).proc.sysroot).toBe(fx('sysroot'));
  });

  it('logs the memory map under -d page, and -strace turns on proc.strace', () => {
    const log = new MemLogger(['page']);
    const { proc } = prepareProgram({ program: fx('static-pie'), env: [], sysroot: '', logger: log, strace: true });
    expect(log.text).toMatch(/^page layout changed following binary load\nstart +end +size +prot\n0000000040000000-0000000040001000 0000000000001000 r-x$/m);
    expect(proc.strace).toBe(true);
  });

  it('throws UserErrors, never exits', () => {
    expect(() => prepareProgram({ program: fx('nope') })).toThrow(UserError);
    expect(() => prepareProgram({ program: fx('exit42'), stackSize: 1000 })).toThrow(/stack size 1000 out of range/);
  });
});

describe('runProgram', () => {
  it('returns the exit status and signal instead of exiting', async () => {
    expect(await runProgram({ program: fx('static-pie'), env: [], sysroot: '' })).toEqual({ status: 7, signal: 0 });
  });
});
