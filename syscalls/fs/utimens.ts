/**
 * Setting file times with nanosecond precision (utimensat/futimens).
 *
 * Node cannot do it: fs.utimesSync/futimesSync/lutimesSync take seconds as a double, and
 * libuv turns that double into a timespec truncated to whole microseconds (on purpose, for
 * consistency across platforms); negative times become "now" in Node's argument check, and
 * there is no way to ask for UTIME_OMIT or UTIME_NOW. So:
 *   - when every requested time is non-negative, a whole number of microseconds and comes
 *     out of libuv's double -> timespec conversion unchanged, Node's call is used (the
 *     common case: cp -p, tar, touch all set whole seconds or microseconds);
 *   - otherwise GNU `touch -c [-h] [-a|-m] -d @SEC.NNNNNNNNN` sets the exact value
 *     (UTIME_NOW as a plain `touch -c`, UTIME_OMIT by leaving out -a/-m). An fd target is
 *     handed to touch as its fd 3 and named /dev/fd/3, which works for unlinked files too.
 *   - without a GNU touch (not Linux, or not installed) the time is set through Node,
 *     truncated to microseconds: the best this host can do.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { E } from '../errno.js';

/** a requested time: nanoseconds since the epoch, or the kernel's two special values */
export type TimeReq = bigint | 'now' | 'omit';

export type TimesTarget = { fd: number } | { path: string; nofollow: boolean };

const NS = 1000000000n;

function statOf(t: TimesTarget): fs.BigIntStats {
  if ('fd' in t) return fs.fstatSync(t.fd, { bigint: true });
  return t.nofollow ? fs.lstatSync(t.path, { bigint: true }) : fs.statSync(t.path, { bigint: true });
}

/** libuv's double -> timespec conversion (uv__fs_to_timespec), in ns. */
function libuvNs(sec: number): bigint {
  const whole = Math.trunc(sec);
  let nsec = Math.trunc((sec - whole) * 1e9);
  nsec -= nsec % 1000;
  return BigInt(whole) * NS + BigInt(nsec);
}

/** The double that Node/libuv turn into exactly `ns`, or undefined when there is none. */
function nodeSeconds(ns: bigint): number | undefined {
  if (ns < 0n || ns % 1000n !== 0n || ns / NS > BigInt(Number.MAX_SAFE_INTEGER >> 20)) return undefined;
  const base = Number(ns / NS) + Number(ns % NS) / 1e9;
  // the nearest double may land a hair below the microsecond: try its upper neighbours too
  const f = new Float64Array([base]);
  const bits = new BigInt64Array(f.buffer);
  for (let i = 0; i < 4; i++) {
    if (libuvNs(f[0]) === ns) return f[0];
    bits[0] += 1n;
  }
  return undefined;
}

/** "@SEC.NNNNNNNNN" as GNU touch -d reads it (the sign applies to the whole number). */
function touchStamp(ns: bigint): string {
  const neg = ns < 0n;
  const a = neg ? -ns : ns;
  return `@${neg ? '-' : ''}${a / NS}.${(a % NS).toString().padStart(9, '0')}`;
}

/** Run GNU touch; true when it ran (it may still have failed: then throws a host-style error). */
function touch(t: TimesTarget, which: '-a' | '-m' | '', when: bigint | 'now'): boolean {
  const args = ['-c'];
  if ('path' in t && t.nofollow) args.push('-h');
  if (which) args.push(which);
  if (when !== 'now') args.push('-d', touchStamp(when));
  args.push('--', 'fd' in t ? '/dev/fd/3' : t.path);
  const stdio: Array<'ignore' | 'pipe' | number> = ['ignore', 'ignore', 'pipe'];
  if ('fd' in t) stdio.push(t.fd);
  const r = spawnSync('touch', args, { stdio, env: { LC_ALL: 'C', PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  if (r.error || r.status === null) return false;
  if (r.status === 0) return true;
  const msg = String(r.stderr ?? '');
  // touch's options were not understood (a BSD touch): let the caller fall back
  if (/invalid|illegal|usage/i.test(msg)) return false;
  const code = /Operation not permitted/.test(msg) ? 'EPERM' : /Permission denied/.test(msg) ? 'EACCES'
    : /Read-only file system/.test(msg) ? 'EROFS' : /No such file/.test(msg) ? 'ENOENT' : 'EIO';
  throw Object.assign(new Error(`touch: ${msg.trim()}`), { code });
}

function nodeUtimes(t: TimesTarget, at: number, mt: number): void {
  if ('fd' in t) fs.futimesSync(t.fd, at, mt);
  else if (t.nofollow) fs.lutimesSync(t.path, at, mt);
  else fs.utimesSync(t.path, at, mt);
}

/**
 * Set access and modification times of `t` as utimensat does. Throws host errors (Node
 * style, with .code) for the caller's errno mapping; returns 0.
 */
export function setFileTimes(t: TimesTarget, at: TimeReq, mt: TimeReq, nowNs: bigint): number {
  const st = statOf(t); // ENOENT/EBADF first, as the kernel looks the file up first
  if (at === 'omit' && mt === 'omit') return 0;
  // "now" to the microsecond is as good as any (and keeps `touch file` off the slow path)
  const value = (r: TimeReq, old: bigint) => (r === 'now' ? nowNs - (nowNs % 1000n) : r === 'omit' ? old : r);
  const aNs = value(at, st.atimeNs);
  const mNs = value(mt, st.mtimeNs);
  const aSec = nodeSeconds(aNs);
  const mSec = nodeSeconds(mNs);
  if (aSec !== undefined && mSec !== undefined) {
    try {
      nodeUtimes(t, aSec, mSec);
    } catch (e) {
      // Setting "now" needs only write access, an explicit time needs ownership: Node can
      // only say the latter, so a refused "now" is asked again the way the kernel sees it.
      if (!(at === 'now' && mt === 'now' && (e as NodeJS.ErrnoException).code === 'EPERM' && touch(t, '', 'now'))) throw e;
    }
    return 0;
  }
  let ok: boolean;
  if (at !== 'omit' && at === mt) ok = touch(t, '', at);
  else ok = (at === 'omit' || touch(t, '-a', at)) && (mt === 'omit' || touch(t, '-m', mt));
  if (!ok) {
    // no GNU touch: microseconds are the best Node offers (negative times clamp to 0)
    const sec = (ns: bigint) => Math.max(0, Number(ns / 1000n) / 1e6);
    nodeUtimes(t, sec(aNs), sec(mNs));
  }
  return 0;
}

/** -EINVAL unless tv_nsec is valid for utimensat (0..999999999 or UTIME_NOW/UTIME_OMIT). */
export function checkNsec(nsec: number, utimeNow: number, utimeOmit: number): number {
  return nsec === utimeNow || nsec === utimeOmit || (nsec >= 0 && nsec < 1e9) ? 0 : -E.EINVAL;
}
