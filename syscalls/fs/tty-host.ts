/**
 * Terminal modes passed through to the real terminal. Node cannot call tcgetattr or
 * tcsetattr on an arbitrary fd, so `stty -g` (run with the terminal as its stdin) reads them
 * and `stty <saved string>` writes them: GNU stty's -g form is iflag:oflag:cflag:lflag then
 * the c_cc bytes, all in hex. The flag bits and c_cc indices of Linux's generic termios are
 * the same on every target polyemu emulates and on Linux hosts, so they are copied as they
 * are. Not on other host systems, or without stty: undefined (the caller keeps its own copy).
 */
import { spawnSync } from 'node:child_process';
import type { Arch } from '../arch.js';
import type { Memory } from '../../src/core/memory/flat.js';

export interface HostTermios {
  iflag: number;
  oflag: number;
  cflag: number;
  lflag: number;
  cc: number[];
}

const usable = process.platform === 'linux';

function stty(hostFd: number, args: string[]): string | undefined {
  if (!usable) return undefined;
  try {
    const r = spawnSync('stty', args, { stdio: [hostFd, 'pipe', 'pipe'], encoding: 'utf8', timeout: 5000 });
    return r.status === 0 ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/** The terminal's modes, or undefined when they cannot be read. */
export function getHostTermios(hostFd: number): HostTermios | undefined {
  const out = stty(hostFd, ['-g']);
  const parts = out?.trim().split(':').map((h) => parseInt(h, 16));
  if (!parts || parts.length < 5 || parts.some((n) => Number.isNaN(n))) return undefined;
  const [iflag, oflag, cflag, lflag, ...cc] = parts;
  return { iflag, oflag, cflag, lflag, cc };
}

/** Set the terminal's modes; false when that is not possible here. */
export function setHostTermios(hostFd: number, t: HostTermios, cur: HostTermios): boolean {
  // keep the c_cc entries the guest's struct has no room for as the terminal has them
  const cc = cur.cc.map((v, i) => (i < t.cc.length ? t.cc[i] : v));
  const g = [t.iflag, t.oflag, t.cflag, t.lflag, ...cc].map((n) => (n >>> 0).toString(16)).join(':');
  return stty(hostFd, [g]) !== undefined;
}

/** Guest struct termios (TCGETS layout) <-> HostTermios. */
export function readGuestTermios(mem: Memory, addr: number, a: Arch): HostTermios {
  const f = a.s.termios.fields;
  const cc = [...mem.readBytes(addr + f.c_cc.off, f.c_cc.size)];
  return { iflag: mem.read32(addr + f.c_iflag.off), oflag: mem.read32(addr + f.c_oflag.off), cflag: mem.read32(addr + f.c_cflag.off), lflag: mem.read32(addr + f.c_lflag.off), cc };
}

export function writeGuestTermios(mem: Memory, addr: number, a: Arch, t: HostTermios): void {
  const f = a.s.termios.fields;
  const bytes = new Uint8Array(a.s.termios.size);
  mem.writeBytes(addr, bytes);
  mem.write32(addr + f.c_iflag.off, t.iflag);
  mem.write32(addr + f.c_oflag.off, t.oflag);
  mem.write32(addr + f.c_cflag.off, t.cflag);
  mem.write32(addr + f.c_lflag.off, t.lflag);
  mem.writeBytes(addr + f.c_cc.off, Uint8Array.from(t.cc.slice(0, f.c_cc.size)));
}
