/**
 * What the guest inherits from the shell that starts polyemu, as Linux passes it across
 * execve (and as qemu-user, a native program whose process simply is the guest's, shows it):
 * open fds above 2, closed fds 0-2, ignored signals and the blocked mask. Node resets all of
 * that at start-up, so bin/polyemu notes it in sh first (src/linux/inherit.ts); these tests
 * run bin/polyemu the way a shell does, through its #! line. The expected lines are what the
 * same programs print natively and under qemu-aarch64/qemu-riscv64/qemu-arm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseInheritance } from '../../src/linux/inherit.js';
import { ensureDistBuilt } from '../helpers/run.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = path.join(ROOT, 'bin/polyemu');
const ARCHS = ['riscv64', 'aarch64', 'arm'];
const prog = (arch: string) => path.join(ROOT, 'fixtures', arch, 'harden');

beforeAll(() => {
  ensureDistBuilt(); // dist/ and the bundle bin/polyemu runs
}, 300_000);

/** Run a /bin/sh script (polyemu is $P, the program $G); stdout, stderr, exit status. */
function sh(script: string, arch = 'aarch64') {
  const r = spawnSync('/bin/sh', ['-c', script], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', P: BIN, G: prog(arch) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('fds the parent left open or closed', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polyemu-inherit-')), 'seven');
  fs.writeFileSync(file, 'hello seven');

  for (const arch of ARCHS) {
    it(`${arch}: fd 7 opened by the shell is the guest's fd 7; without it, EBADF`, () => {
      expect(sh(`exec 7<'${file}'; "$P" "$G" readfd 7`, arch).stdout).toBe("read 7: 11 'hello seven'\n");
      expect(sh(`"$P" "$G" readfd 7`, arch).stdout).toBe('read 7: EBADF\n');
    });

    it(`${arch}: closed fds 0 and 1 are closed in the guest (EBADF), and open() takes fd 0`, () => {
      const r = sh(`"$P" "$G" closed <&- >&-`, arch);
      expect(r.stderr).toBe('read0 -1 EBADF write1 -1 EBADF open 0\n');
      expect(r.status).toBe(0);
    });
  }

  it('the guest shares the file offset with the parent (one open file description)', () => {
    const r = sh(`exec 7<'${file}'; read -r _ <&7 || true; "$P" "$G" readfd 7`);
    // the shell's read consumed the whole (newline-less) file: the guest reads at its end
    expect(r.stdout).toBe("read 7: 0 ''\n");
  });

  it('a tell of stdout (lseek by 0 from SEEK_CUR, as python asks at start-up) leaves the shared offset with the shell', () => {
    // `(echo first; prog; echo last) > file`: Linux and qemu write "at 6" after "first"; a copy of
    // the offset kept by polyemu would let the shell's "last" overwrite the guest's line
    const out = path.join(path.dirname(file), 'tell');
    for (const arch of ARCHS) {
      const r = sh(`(echo first; "$P" "$G" tell; echo last) > "${out}"`, arch);
      expect([r.status, r.stderr, fs.readFileSync(out, 'utf8')], arch).toEqual([0, '', 'first\nat 6\nlast\n']);
    }
  });

  it('the variable bin/polyemu passes to Node does not reach the guest', () => {
    const r = sh(`"$P" ${path.join(ROOT, 'fixtures/aarch64/libc')} env`);
    expect(r.stdout).toContain('  PATH=');
    expect(r.stdout).not.toContain('POLYEMU_INHERIT');
  });
});

describe('signal dispositions and mask from the parent', () => {
  const lines = (s: string) => Object.fromEntries(s.trim().split('\n').map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)]));

  for (const arch of ARCHS) {
    it(`${arch}: signals ignored by the parent stay ignored (nohup, trap ''), the others are default`, () => {
      const r = lines(sh(`trap '' HUP PIPE QUIT; "$P" "$G" sigs`, arch).stdout);
      expect(r).toEqual({ HUP: 'ignored', INT: 'default', QUIT: 'ignored', PIPE: 'ignored', TERM: 'default', USR1: 'default', USR2: 'default', ALRM: 'default' });
      expect(lines(sh(`nohup "$P" "$G" sigs 2>/dev/null`, arch).stdout).HUP).toBe('ignored');
      expect(lines(sh(`"$P" "$G" sigs`, arch).stdout).PIPE).toBe('default');
    });
  }

  it('a background job of a non-interactive shell (SIGINT ignored) survives SIGINT', () => {
    // sh runs `cmd &` with SIGINT and SIGQUIT ignored; the guest keeps reading its pipe.
    // (Between Node's start-up reset and polyemu's listener a SIGINT would still end it:
    // the kill waits until the guest runs.)
    const r = sh(`{ sleep 4; echo hi; } | "$P" "$G" readfd 0 & p=$!; sleep 3; kill -INT $p; wait $p; echo "status $?"`);
    expect(r.stdout).toBe("read 0: 3 'hi\n'\nstatus 0\n");
  });

  it('the blocked mask is inherited (perl blocks SIGUSR1 and SIGTERM, then execs polyemu)', () => {
    const r = lines(sh(`exec perl -MPOSIX -e 'sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGUSR1, SIGTERM)); exec @ARGV' "$P" "$G" sigs`).stdout);
    expect(r.USR1).toBe('default blocked');
    expect(r.TERM).toBe('default blocked');
    expect(r.HUP).toBe('default');
  });

  it("(trap '' PIPE; writer | head -1): the guest's write gets EPIPE instead of dying by SIGPIPE", () => {
    const ign = sh(`trap '' PIPE; "$P" "$G" writer | head -1`);
    expect(ign.stdout).toBe('a line of text from the writer\n');
    expect(ign.stderr).toBe('writer: write: EPIPE\n');
    const st = sh(`trap '' PIPE; { "$P" "$G" writer; echo "status $?" >&2; } | head -1`);
    expect(st.stderr).toBe('writer: write: EPIPE\nstatus 3\n');
    const dfl = sh(`{ "$P" "$G" writer; echo "status $?" >&2; } | head -1`);
    expect(dfl.stderr).toBe('status 141\n');
  });
});

describe('POLYEMU_INHERIT, as bin/polyemu writes it', () => {
  it('parses fds and the two masks; anything else means "not known"', () => {
    expect(parseInheritance('fds=0 1 2 7 251;ign=0000000000001001;blk=0000000000000200')).toEqual({
      fds: [0, 1, 2, 7, 251], ignored: 0x1001n, blocked: 0x200n,
    });
    expect(parseInheritance('fds=;ign=0;blk=0')).toEqual({ fds: [], ignored: 0n, blocked: 0n });
    for (const bad of [undefined, '', 'fds=0 1', 'fds=x;ign=0;blk=0', 'fds=1;ign=zz;blk=0']) expect(parseInheritance(bad)).toBeUndefined();
  });
});
