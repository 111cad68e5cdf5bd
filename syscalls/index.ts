/**
 * Entry point from the run loop: doSyscall(proc) reads the number and arguments through
 * the target's ABI, runs the registry row's handler, maps the result's errno to the
 * target's numbering, writes it back, and prints -strace / -d unimp lines.
 */
import { GuestExit } from '../src/errors.js';
import type { Process } from '../src/process.js';
import { archOf } from './arch.js';
import type { SyscallDef } from './def.js';
import { E, errnoFromException } from './errno.js';
import { registry } from './registry.js';
import { formatCall, formatResult, stracePrefix } from './strace.js';

export { registry } from './registry.js';
export { FdTable } from './fdtable.js';

/** Run one handler, turning guest faults and host errors into -errno (generic numbering). */
export function invoke(proc: Process, def: SyscallDef, args: number[]): number | Promise<number> {
  let r: number | Promise<number>;
  try {
    r = def.fn(proc, args);
  } catch (e) {
    return errnoFromException(e);
  }
  if (typeof r === 'number') return r;
  return r.then(
    (v) => v,
    (e) => errnoFromException(e),
  );
}

function finish(proc: Process, name: string, def: SyscallDef | undefined, args: number[], r: number): void {
  const a = archOf(proc);
  if (r < 0 && r > -4096) r = -a.errno[-r];
  if (proc.strace) proc.log.write(stracePrefix(proc) + formatCall(proc, name, def, args) + formatResult(proc, def, args, r));
  proc.target.abi.setSyscallResult(proc.cpu, r);
}

export function doSyscall(proc: Process): void | Promise<void> {
  const abi = proc.target.abi;
  const cpu = proc.cpu;
  const nr = abi.syscallNr(cpu);
  const args = [abi.syscallArg(cpu, 0), abi.syscallArg(cpu, 1), abi.syscallArg(cpu, 2), abi.syscallArg(cpu, 3), abi.syscallArg(cpu, 4), abi.syscallArg(cpu, 5)];
  const name = abi.syscallNames[nr];
  const def = name === undefined ? undefined : registry[name];
  if (!def) {
    if (proc.strace && name === undefined) proc.log.write(`${stracePrefix(proc)}Unknown syscall ${nr}`);
    if (proc.log.has('unimp') && !proc.unimpReported.has(nr)) {
      proc.unimpReported.add(nr);
      proc.log.write(`Unsupported syscall: ${nr}`);
    }
    if (name === undefined) {
      abi.setSyscallResult(cpu, -archOf(proc).errno[E.ENOSYS]);
      return;
    }
    finish(proc, name, undefined, args, -E.ENOSYS);
    return;
  }
  let r: number | Promise<number>;
  try {
    r = invoke(proc, def, args);
  } catch (e) {
    // exit/exit_group and fatal signals: show the call (qemu prints no result for them)
    if (proc.strace && e instanceof GuestExit) proc.log.write(stracePrefix(proc) + formatCall(proc, name, def, args));
    throw e;
  }
  if (typeof r === 'number') {
    finish(proc, name, def, args, r);
    return;
  }
  return r.then((v) => finish(proc, name, def, args, v));
}
