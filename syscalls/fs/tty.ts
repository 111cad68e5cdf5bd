/**
 * ioctl: terminal requests on host ttys (TCGETS/TCSETS*, TIOCGWINSZ, ...) and the
 * generic FIONREAD/FIONBIO/FIOCLEX. Anything else, or a terminal request on a non-tty,
 * is -ENOTTY. TCGETS/TCSETS* go to the real terminal through stty (tty-host.ts); where that
 * is not possible TCGETS answers what the guest set last (per host fd) or a cooked-mode default.
 */
import * as fs from 'node:fs';
import * as tty from 'node:tty';
import type { Process } from '../../src/linux/process.js';
import { archOf, type Arch } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import type { OpenFile } from './fdtable.js';
import { writeStruct } from '../layout.js';
import { hostStreamOf } from './ready-files.js';
import { getHostTermios, readGuestTermios, setHostTermios, writeGuestTermios } from './tty-host.js';

/** A terminal's usual cooked-mode settings (as `stty sane` leaves them), from the target's constants. */
function defaultTermios(proc: Process, a: Arch): Uint8Array {
  const c = a.c;
  const l = a.s.termios;
  const scratch = new Uint8Array(l.size);
  const cc = new Uint8Array(l.fields.c_cc.size);
  const ctrl = (ch: string) => ch.charCodeAt(0) & 0x1f;
  const set = (name: string, v: number) => { if (c[name] !== undefined && c[name] < cc.length) cc[c[name]] = v; };
  set('VINTR', ctrl('C')); set('VQUIT', 0x1c); set('VERASE', 0x7f); set('VKILL', ctrl('U'));
  set('VEOF', ctrl('D')); set('VTIME', 0); set('VMIN', 1); set('VSTART', ctrl('Q')); set('VSTOP', ctrl('S'));
  set('VSUSP', ctrl('Z')); set('VREPRINT', ctrl('R')); set('VDISCARD', ctrl('O')); set('VWERASE', ctrl('W'));
  set('VLNEXT', ctrl('V'));
  const dv = new DataView(scratch.buffer);
  const put = (field: string, v: number) => {
    const f = l.fields[field];
    if (f.size === 4) dv.setUint32(f.off, v >>> 0, proc.mem.littleEndian);
    else scratch[f.off] = v;
  };
  put('c_iflag', c.ICRNL | c.IXON | c.IMAXBEL | c.IUTF8);
  put('c_oflag', c.OPOST | c.ONLCR);
  put('c_cflag', c.B38400 | c.CS8 | c.CREAD | c.HUPCL);
  put('c_lflag', c.ISIG | c.ICANON | c.ECHO | c.ECHOE | c.ECHOK | c.IEXTEN | c.ECHOCTL | c.ECHOKE);
  scratch.set(cc, l.fields.c_cc.off);
  return scratch;
}

const isTty = (f: OpenFile) => f.kind === 'host' && f.hostFd >= 0 && tty.isatty(f.hostFd);

function winsize(f: OpenFile): [number, number] {
  for (const s of [process.stdout, process.stderr]) {
    if (s.isTTY && (s.fd === f.hostFd || f.hostFd <= 2)) return [s.rows || 24, s.columns || 80];
  }
  return [24, 80];
}

function ioctl(proc: Process, [fd, req, arg]: number[]): number {
  const a = archOf(proc);
  const c = a.c;
  const e = proc.fds.entry(fd | 0);
  if (!e) return -E.EBADF;
  const f = e.file;
  req >>>= 0;
  switch (req) {
    case c.FIOCLEX: e.cloexec = true; return 0;
    case c.FIONCLEX: e.cloexec = false; return 0;
    case c.FIONBIO:
      if (proc.mem.read32(arg)) f.flags |= c.O_NONBLOCK;
      else f.flags &= ~c.O_NONBLOCK;
      return 0;
    case c.FIONREAD: {
      let n = 0;
      const stream = f.kind === 'host' ? hostStreamOf(f) : undefined;
      if (f.kind === 'pipe') n = f.pipe!.size;
      else if (f.kind === 'special') n = f.special?.bytesReady?.() ?? 0;
      else if (stream) n = stream.buffered; // what was read ahead (ttys, FIFOs); more may be in the host's queue
      else if (f.kind === 'mem') n = Math.max(0, f.data!.length - (f.pos ?? 0));
      else if (f.kind === 'host' && !isTty(f)) {
        const st = fs.fstatSync(f.hostFd);
        if (st.isFile()) n = Math.max(0, st.size - (f.pos ?? 0));
        else if (!st.isFIFO() && !st.isSocket()) return -E.ENOTTY;
      } else if (f.kind === 'dir') return -E.ENOTTY;
      proc.mem.write32(arg, n);
      return 0;
    }
  }
  if (!isTty(f)) return -E.ENOTTY;
  switch (req) {
    case c.TCGETS: {
      const host = getHostTermios(f.hostFd); // the real terminal's modes (tty-host.ts)
      if (host) {
        writeGuestTermios(proc.mem, arg, a, host);
        return 0;
      }
      const t = proc.sys.termios.get(f.hostFd) ?? defaultTermios(proc, a);
      proc.mem.writeBytes(arg, t);
      return 0;
    }
    case c.TCSETS: case c.TCSETSW: case c.TCSETSF: {
      const want = proc.mem.readBytes(arg, a.s.termios.size);
      const cur = getHostTermios(f.hostFd);
      if (cur) setHostTermios(f.hostFd, readGuestTermios(proc.mem, arg, a), cur);
      proc.sys.termios.set(f.hostFd, want);
      return 0;
    }
    case c.TIOCGWINSZ: {
      const [rows, cols] = winsize(f);
      writeStruct(proc.mem, arg, a.s.winsize, { ws_row: rows, ws_col: cols });
      return 0;
    }
    case c.TIOCGPGRP:
      proc.mem.write32(arg, proc.pid);
      return 0;
    case c.TIOCGSID:
      proc.mem.write32(arg, proc.pid);
      return 0;
    case c.TIOCSWINSZ: case c.TIOCSPGRP: case c.TCFLSH: case c.TCXONC: case c.TCSBRK: case c.TCSBRKP:
      return 0;
    default:
      return -E.ENOTTY;
  }
}

export const ttySyscalls: SyscallDef[] = [sys('ioctl', ['fd', 'ioctl', 'ptr'], ioctl)];
