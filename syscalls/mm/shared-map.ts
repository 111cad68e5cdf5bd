/**
 * MAP_SHARED file mappings. Guest memory is one flat buffer, so a shared mapping cannot
 * alias the host's page cache; instead each one is a record (guest range, file, offset) with
 * a shadow copy of the file bytes as last synced, and the two are kept coherent at the
 * points where the guest can tell the difference:
 *   - written back (only the bytes that differ from the shadow, never past EOF) on msync,
 *     munmap/mremap/MAP_FIXED over it, fsync, exit, and before any read, write, truncate or
 *     new mapping of the same file (same dev/ino, through any fd);
 *   - refreshed from the file after a write/pwrite/truncate of that file, so reads through
 *     the mapping see data written with write().
 * Not covered: two shared mappings of one file are only coherent with each other at those
 * syscalls (a store through one is not seen through the other until then), and another
 * process writing the file is not seen. Writable shared mappings of O_APPEND host fds write
 * back with pwrite, which Linux appends.
 *
 * A record holds a reference on the open file description, so closing the fd after mmap
 * (the usual idiom) keeps the host fd open until the mapping goes.
 */
import * as fs from 'node:fs';
import { PROT_W } from '../../src/core/memory/flat.js';
import type { Process } from '../../src/linux/process.js';
import { type OpenFile, releaseFile } from '../fs/fdtable.js';

export interface SharedMapping {
  /** guest address and length (page multiples) */
  start: number;
  len: number;
  /** file offset of `start` */
  offset: number;
  /** the open file (one reference held by this record) */
  file: OpenFile;
  /** dev:ino of the file */
  key: string;
  /** file bytes at the last sync (zeros past EOF); undefined while never writable */
  shadow?: Uint8Array;
}

/** dev:ino of an open host file, cached on the description. */
export function fileKey(f: OpenFile): string {
  if (f.fileKey === undefined) {
    const st = fs.fstatSync(f.hostFd, { bigint: true });
    f.fileKey = `${st.dev}:${st.ino}`;
  }
  return f.fileKey;
}

/** Read file bytes [pos, pos+dst.length) into dst; what lies past EOF becomes zero. */
function readInto(hostFd: number, dst: Uint8Array, pos: number): void {
  let got = 0;
  while (got < dst.length) {
    const n = fs.readSync(hostFd, dst, got, dst.length - got, pos + got);
    if (n <= 0) break;
    got += n;
  }
  dst.fill(0, got);
}

/** Add a record for a fresh MAP_SHARED mapping whose bytes are already in guest memory. */
export function addSharedMapping(proc: Process, start: number, len: number, file: OpenFile, offset: number, writable: boolean): void {
  if (file.kind !== 'host' || !fs.fstatSync(file.hostFd).isFile()) return; // devices: nothing to write back
  file.refs++;
  const m: SharedMapping = { start, len, offset, file, key: fileKey(file) };
  if (writable) m.shadow = proc.mem.u8.slice(start, start + len);
  proc.sys.sharedMaps.push(m);
}

/** Write back the bytes of `m` in guest range [from, to) that changed since the last sync. */
function flushOne(proc: Process, m: SharedMapping, from = m.start, to = m.start + m.len): void {
  if (!m.shadow) return;
  const lo = Math.max(from, m.start) - m.start;
  let hi = Math.min(to, m.start + m.len) - m.start;
  if (lo >= hi) return;
  const size = fs.fstatSync(m.file.hostFd).size;
  hi = Math.min(hi, Math.max(0, size - m.offset));
  const cur = proc.mem.u8.subarray(m.start, m.start + m.len);
  const sh = m.shadow;
  let i = lo;
  while (i < hi) {
    // skip equal bytes a word at a time where we can
    while (i + 8 <= hi && (i & 7) === 0 && equal8(cur, sh, i)) i += 8;
    if (i >= hi) break;
    if (cur[i] === sh[i]) { i++; continue; }
    let j = i + 1;
    while (j < hi && cur[j] !== sh[j]) j++;
    // merge runs separated by short equal stretches (fewer syscalls)
    let k = j;
    while (k < hi && k - j < 64) {
      if (cur[k] !== sh[k]) { j = k + 1; while (j < hi && cur[j] !== sh[j]) j++; }
      k = Math.max(k + 1, j);
    }
    fs.writeSync(m.file.hostFd, cur, i, j - i, m.offset + i);
    sh.set(cur.subarray(i, j), i);
    i = j;
  }
}

function equal8(a: Uint8Array, b: Uint8Array, i: number): boolean {
  return a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2] && a[i + 3] === b[i + 3] &&
    a[i + 4] === b[i + 4] && a[i + 5] === b[i + 5] && a[i + 6] === b[i + 6] && a[i + 7] === b[i + 7];
}

/** Write every shared mapping back to its file (msync of everything): call at process end. */
export function flushSharedMappings(proc: Process): void {
  for (const m of proc.sys.sharedMaps) {
    try { flushOne(proc, m); } catch { /* the file went away: nothing to keep coherent */ }
  }
}

/** Write back the shared mappings overlapping guest range [addr, addr+len) (msync). */
export function syncRange(proc: Process, addr: number, len: number): void {
  for (const m of proc.sys.sharedMaps) if (m.start < addr + len && addr < m.start + m.len) flushOne(proc, m, addr, addr + len);
}

/** Before the file behind `f` is read, written, truncated or mapped: write back its mappings. */
export function beforeFileAccess(proc: Process, f: OpenFile): void {
  if (proc.sys.sharedMaps.length === 0 || f.hostFd < 0) return;
  const key = fileKey(f);
  for (const m of proc.sys.sharedMaps) if (m.key === key) flushOne(proc, m);
}

/** The same for a file named by host path (truncate). Returns its key, or undefined. */
export function beforePathAccess(proc: Process, host: string): string | undefined {
  if (proc.sys.sharedMaps.length === 0) return undefined;
  const st = fs.statSync(host, { bigint: true, throwIfNoEntry: false });
  if (!st) return undefined;
  const key = `${st.dev}:${st.ino}`;
  for (const m of proc.sys.sharedMaps) if (m.key === key) flushOne(proc, m);
  return key;
}

/**
 * After file bytes [pos, pos+n) changed by a write (n = Infinity: from pos on, as after a
 * truncate), reload the overlapping parts of the file's mappings from the file.
 */
export function afterFileChange(proc: Process, key: string | undefined, pos: number, n: number): void {
  if (key === undefined || proc.sys.sharedMaps.length === 0) return;
  for (const m of proc.sys.sharedMaps) {
    if (m.key !== key) continue;
    const lo = Math.max(pos, m.offset);
    const hi = Math.min(pos + n, m.offset + m.len);
    if (lo >= hi) continue;
    const data = new Uint8Array(hi - lo);
    readInto(m.file.hostFd, data, lo);
    proc.mem.poke(m.start + (lo - m.offset), data);
    m.shadow?.set(data, lo - m.offset);
  }
}

/** The key of `f` when some shared mapping maps its file (cheap when there is none). */
export function mappedKey(proc: Process, f: OpenFile): string | undefined {
  if (proc.sys.sharedMaps.length === 0 || f.hostFd < 0) return undefined;
  const key = fileKey(f);
  return proc.sys.sharedMaps.some((m) => m.key === key) ? key : undefined;
}

/** mprotect: a mapping that becomes writable starts tracking its changes. */
export function protectShared(proc: Process, addr: number, len: number, memProt: number): void {
  if (!(memProt & PROT_W)) return;
  for (const m of proc.sys.sharedMaps) {
    if (!m.shadow && m.start < addr + len && addr < m.start + m.len) m.shadow = proc.mem.u8.slice(m.start, m.start + m.len);
  }
}

/** Cut [from, to) out of record m: 0-2 remaining pieces (each holding its own file reference). */
function cut(m: SharedMapping, from: number, to: number): SharedMapping[] {
  const out: SharedMapping[] = [];
  const piece = (s: number, e: number): SharedMapping => ({
    start: s, len: e - s, offset: m.offset + (s - m.start), file: m.file, key: m.key,
    shadow: m.shadow?.slice(s - m.start, e - m.start),
  });
  if (m.start < from) out.push(piece(m.start, Math.min(from, m.start + m.len)));
  if (to < m.start + m.len) out.push(piece(Math.max(to, m.start), m.start + m.len));
  for (let i = 1; i < out.length; i++) m.file.refs++;
  if (out.length === 0) releaseFile(m.file);
  return out;
}

/**
 * Guest range [addr, addr+len) is about to be unmapped or replaced: write back the shared
 * mappings there and forget those parts. Returns the records that were cut (clipped to the
 * range, still holding their file reference) when `keep` is set, for mremap to move.
 */
export function unmapShared(proc: Process, addr: number, len: number, keep = false): SharedMapping[] {
  const list = proc.sys.sharedMaps;
  if (list.length === 0) return [];
  const end = addr + len;
  const next: SharedMapping[] = [];
  const taken: SharedMapping[] = [];
  for (const m of list) {
    if (m.start >= end || addr >= m.start + m.len) {
      next.push(m);
      continue;
    }
    try { flushOne(proc, m, addr, end); } catch { /* file gone */ }
    if (keep) {
      const s = Math.max(addr, m.start);
      const e = Math.min(end, m.start + m.len);
      m.file.refs++;
      taken.push({ start: s, len: e - s, offset: m.offset + (s - m.start), file: m.file, key: m.key, shadow: m.shadow?.slice(s - m.start, e - m.start) });
    }
    next.push(...cut(m, addr, end));
  }
  proc.sys.sharedMaps = next;
  return taken;
}

/**
 * mremap moved (or resized in place) guest range [old, old+oldLen) to [to, to+newLen):
 * re-add the records cut from the old range at their new place. A record that reached the
 * old end grows with the mapping, and its new part is read from the file (as Linux maps
 * more of the file); parts past newLen are dropped.
 */
export function moveShared(proc: Process, taken: SharedMapping[], old: number, oldLen: number, to: number, newLen: number): void {
  for (const m of taken) {
    const s = m.start - old;
    let e = s + m.len;
    if (s >= newLen) { releaseFile(m.file); continue; }
    const grow = e === oldLen && newLen > oldLen;
    e = grow ? newLen : Math.min(e, newLen);
    const moved: SharedMapping = { ...m, start: to + s, len: e - s, shadow: m.shadow?.slice(0, Math.min(m.len, e - s)) };
    if (grow) {
      const extra = new Uint8Array(newLen - oldLen);
      readInto(m.file.hostFd, extra, m.offset + m.len);
      proc.mem.poke(to + oldLen, extra);
      if (moved.shadow) {
        const sh = new Uint8Array(moved.len);
        sh.set(moved.shadow);
        sh.set(extra, m.len);
        moved.shadow = sh;
      }
    }
    proc.sys.sharedMaps.push(moved);
  }
}

/** madvise(MADV_DONTNEED) on shared file pages: write back, then read the file again. */
export function dropShared(proc: Process, addr: number, len: number): Array<[number, number]> {
  const done: Array<[number, number]> = [];
  for (const m of proc.sys.sharedMaps) {
    const s = Math.max(addr, m.start);
    const e = Math.min(addr + len, m.start + m.len);
    if (s >= e) continue;
    flushOne(proc, m, s, e);
    const data = new Uint8Array(e - s);
    readInto(m.file.hostFd, data, m.offset + (s - m.start));
    proc.mem.poke(s, data);
    m.shadow?.set(data, s - m.start);
    done.push([s, e]);
  }
  return done;
}
