/**
 * Entry point from the run loop: doSyscall(proc) reads the number and arguments through
 * the target's ABI, runs the registry row's handler, maps the result's errno to the
 * target's numbering, writes it back, and prints -strace / -d unimp lines.
 */
import { GuestExit } from '../src/linux/errors.js';
import type { Process } from '../src/linux/process.js';
import { archOf } from './arch.js';
import { PAIR_REMAP_32 } from './compat32.js';
import type { SyscallDef } from './def.js';
import { E, errnoFromException } from './errno.js';
import { compatRegistry, registry } from './registry.js';
import { deliverPending } from './signal/deliver.js';
import { flushSharedMappings } from './mm/shared-map.js';
import { ERESTARTSYS, restartSyscall } from './restart.js';
import { formatCall, formatResult, stracePrefix } from './strace.js';
import { badSyscallSignal } from './bad-syscall.js';

export { registry } from './registry.js';
export { FdTable } from './fs/fdtable.js';
export { flushSharedMappings } from './mm/shared-map.js';

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
  if (def?.setsRegs !== undefined) {
    // the call itself was printed before it ran (showCall): only its "result" is left
    if (proc.strace) proc.log.write(def.setsRegs);
    return;
  }
  if (r === -ERESTARTSYS) {
    // a signal interrupted a blocking call: run it again after the handler, or EINTR
    if (restartSyscall(proc)) {
      if (proc.strace) proc.log.write(' = -1 errno=512 (ERESTARTSYS)');
      return;
    }
    r = -E.EINTR;
  }
  if (proc.hooks?.syscallExit) r = proc.hooks.syscallExit(proc, name, args, r) ?? r; // the embedding API (src/api)
  const a = archOf(proc);
  if (r < 0 && r > -4096) r = -a.errno[-r];
  // the call itself was printed before it ran (showCall): complete the line
  if (proc.strace) proc.log.write(formatResult(proc, def, args, r));
  proc.target.abi.setSyscallResult(proc.cpu, r);
}

/**
 * -strace, like qemu: "PID name(args)" before the call runs (so what the call itself prints,
 * e.g. a write to the terminal, lands between), " = result" when it returns.
 */
function showCall(proc: Process, name: string, def: SyscallDef | undefined, args: number[]): void {
  let text: string;
  try {
    text = formatCall(proc, name, def, args);
  } catch {
    text = `${name}(${args.join(',')})`;
  }
  proc.log.writeRaw(stracePrefix(proc) + text);
}

/** The guest is leaving (exit, exit_group, a fatal signal raised by a syscall). */
function leaving(proc: Process, e: unknown): void {
  if (!(e instanceof GuestExit)) return;
  if (proc.strace) proc.log.write(''); // qemu prints no result for these: end the line
  flushSharedMappings(proc);
}

/**
 * A call that waits (futex, a pipe with no data, ...) parks on a Promise. Node must stay
 * alive while it does even when nothing else is pending: a single-threaded guest in a
 * futex wait with no timeout hangs forever on Linux too, and can then be interrupted or
 * killed like the real thing. Without this Node would see an empty event loop and exit.
 */
function keepAliveUntil<T>(p: Promise<T>): Promise<T> {
  const timer = setInterval(() => {}, 2 ** 30);
  return p.finally(() => clearInterval(timer));
}

/** argument kinds that are signed C ints (a 32-bit target passes raw register bits) */
const SIGNED_KINDS = new Set(['int', 'fd', 'dirfd', 'signal', 'clock', 'whence', 'fcntlcmd', 'sighow', 'madv', 'futexop']);

/**
 * 32-bit targets pass the registers' bits unsigned (addresses reach 4 GiB): sign-extend the
 * arguments whose kind is a signed int, and join 64-bit arguments split over register pairs.
 */
function args32(name: string, def: SyscallDef, raw: number[], hiFirst: boolean): number[] {
  const remap = PAIR_REMAP_32[name];
  if (remap) return remap(raw, hiFirst);
  if (!def.args) return raw;
  return raw.map((v, i) => (SIGNED_KINDS.has(def.args![i]) ? v | 0 : v));
}

/**
 * Run the syscall the guest trapped with: finished at once (void), or a Promise when it
 * must wait — for the scheduler, which parks the thread and, once it may run again, calls
 * the completion the Promise gives in the thread's own context (result, -strace, signals).
 */
export function doSyscall(proc: Process): void | Promise<void> {
  const p = startSyscall(proc);
  return p && p.then((complete) => complete());
}

/** doSyscall for the scheduler: a blocking call's Promise yields its completion, not run yet. */
export function startSyscall(proc: Process): void | Promise<() => void> {
  const abi = proc.target.abi;
  const cpu = proc.cpu;
  const nr = abi.syscallNr(cpu);
  let args = [abi.syscallArg(cpu, 0), abi.syscallArg(cpu, 1), abi.syscallArg(cpu, 2), abi.syscallArg(cpu, 3), abi.syscallArg(cpu, 4), abi.syscallArg(cpu, 5)];
  const name = abi.syscallNames[nr];
  const def = name === undefined ? undefined : registry[name] ?? compatRegistry[name];
  if (def && archOf(proc).wordSize === 4) args = args32(name!, def, args, abi.pairHiFirst === true);
  // the embedding API (src/api) may answer the call itself
  const hooked = name === undefined ? undefined : proc.hooks?.syscallEntry?.(proc, name, args) ?? undefined;
  if (hooked !== undefined) {
    if (proc.strace) showCall(proc, name!, def, args);
    finish(proc, name!, def?.setsRegs === undefined ? def : undefined, args, hooked);
    deliverPending(proc);
    return;
  }
  if (!def) {
    if (proc.strace && name === undefined) proc.log.write(`${stracePrefix(proc)}Unknown syscall ${nr}`);
    if (proc.log.has('unimp') && !proc.unimpReported.has(nr)) {
      proc.unimpReported.add(nr);
      proc.log.write(`Unsupported syscall: ${nr}`);
    }
    if (name === undefined) {
      if (badSyscallSignal(proc, nr)) return; // arm: SIGILL from 0xf0800 on
      abi.setSyscallResult(cpu, -archOf(proc).errno[E.ENOSYS]);
      return;
    }
    if (proc.strace) showCall(proc, name, undefined, args);
    finish(proc, name, undefined, args, -E.ENOSYS);
    return;
  }
  if (proc.strace) showCall(proc, name, def, args);
  let r: number | Promise<number>;
  try {
    r = invoke(proc, def, args);
  } catch (e) {
    leaving(proc, e);
    throw e;
  }
  if (typeof r === 'number') {
    finish(proc, name, def, args, r);
    deliverPending(proc); // back to the guest: signals the call raised or unblocked act now
    return;
  }
  return keepAliveUntil(r).then(
    (v) => () => {
      finish(proc, name, def, args, v);
      deliverPending(proc);
    },
    (e) => {
      leaving(proc, e);
      throw e;
    },
  );
}
