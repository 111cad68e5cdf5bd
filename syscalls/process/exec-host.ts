/**
 * execve of a program for the host's own machine: it runs on the host (child_process) with
 * the guest's argv, environment, cwd and open fds; the guest process then ends as that
 * program ends (its exit status, or the same signal), keeping its pid meanwhile. Host fds
 * are handed over as they are; an in-process pipe is bridged: bytes are pumped between the
 * pipe and a host pipe for as long as the program runs.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import * as os from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { GuestExit } from '../../src/linux/errors.js';
import type { Process } from '../../src/linux/process.js';
import type { ElfFile } from '../../src/linux/elf/elf-file.js';
import { archOf } from '../arch.js';
import { E } from '../errno.js';
import type { OpenFile } from '../fs/fdtable.js';

/** ELF machine numbers of the hosts Node runs on */
const HOST_MACHINES: Readonly<Record<string, [number, 32 | 64]>> = {
  x64: [62, 64], ia32: [3, 32], arm64: [183, 64], arm: [40, 32], riscv64: [243, 64],
  ppc64: [21, 64], s390x: [22, 64], mips: [8, 32], mipsel: [8, 32], loong64: [258, 64],
};

/** Is `elf` built for the machine Node runs on? */
export function hostMachine(elf: ElfFile): boolean {
  const m = HOST_MACHINES[process.arch];
  return m !== undefined && elf.machine === m[0] && elf.elfClass === m[1] && elf.littleEndian === (os.endianness() === 'LE');
}

/** Bridge an in-process pipe end to the child's stdio stream. */
function bridge(f: OpenFile, stream: Readable | Writable | null): void {
  const p = f.pipe!;
  if (!stream) return;
  if (f.writable) {
    // a write end: what the child writes goes into the pipe
    (stream as Readable).on('data', (b: Buffer) => p.push(new Uint8Array(b)));
    return;
  }
  // a read end: the child reads what is (or will be) in the pipe; end of file once no one writes
  const w = stream as Writable;
  w.on('error', () => { /* the child closed its end */ });
  const pump = () => {
    if (p.size) {
      const buf = new Uint8Array(p.size);
      p.take(buf);
      w.write(buf);
    }
    if (p.writers === 0 && p.size === 0) w.end();
    else p.waiters.push(pump);
  };
  pump();
}

export function runHostProgram(proc: Process, host: string, argv: string[], envp: string[]): Promise<number> {
  const fds = proc.fds;
  const max = Math.max(3, ...[...fds.fds()].map((fd) => fd + 1));
  const stdio: Array<number | 'pipe' | 'ignore'> = [];
  const pipes: Array<[number, OpenFile]> = [];
  for (let fd = 0; fd < max; fd++) {
    const e = fds.entry(fd);
    if (!e || e.cloexec) { stdio.push('ignore'); continue; }
    const f = e.file;
    if (f.kind === 'host' || f.kind === 'dir') stdio.push(f.hostFd);
    else if (f.kind === 'pipe') { stdio.push('pipe'); pipes.push([fd, f]); }
    else stdio.push('ignore');
  }
  const env: Record<string, string> = {};
  for (const kv of envp) {
    const i = kv.indexOf('=');
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(host, argv.slice(1), { argv0: argv[0] ?? host, env, cwd: proc.cwd, stdio: stdio as StdioOptions });
    } catch {
      resolve(-E.ENOEXEC);
      return;
    }
    child.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ENOENT' ? -E.ENOENT : e.code === 'EACCES' ? -E.EACCES : -E.ENOEXEC));
    for (const [fd, f] of pipes) bridge(f, child.stdio[fd] as Readable | Writable | null);
    child.on('close', (code, signal) => {
      if (signal) reject(new GuestExit(0, archOf(proc).c[signal] ?? os.constants.signals[signal] ?? 9));
      else reject(new GuestExit(code ?? 0));
    });
  });
}
