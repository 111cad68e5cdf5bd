// execve, blocking reads interrupted by signals, and /proc files that qemu-user cannot be
// the oracle for: qemu-user runs a foreign ELF from execve only through binfmt_misc (not set
// up here), delivers a signal pending across ppoll's mask late, and passes the host's
// /proc/self/status and (arm, aarch64) /proc/cpuinfo through. fixtures/src/procio/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from '../helpers/cases.js';
import { ensureDistBuilt } from '../helpers/run.js';
import { parseShebang } from '../../syscalls/process/exec.js';
import { E } from '../../syscalls/errno.js';

const ARCHS = ['riscv64', 'aarch64', 'arm'] as const;
const POLYEMU = join(REPO_ROOT, 'bin', 'polyemu');
const bin = (arch: string, name = 'procio') => join(FIXTURES, arch, name);

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [POLYEMU, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { out: r.stdout, err: r.stderr, status: r.status, signal: r.signal };
}

beforeAll(() => {
  ensureDistBuilt();
  for (const a of ARCHS) expect(existsSync(bin(a)), `fixtures/${a}/procio missing: run fixtures/build.sh procio`).toBe(true);
}, 600_000);

describe('execve of a foreign ELF (run by polyemu itself)', () => {
  it.each(ARCHS)('%s: exec of /proc/self/exe: new argv and env, same pid, ignored signals kept, handlers reset, O_CLOEXEC closed', (arch) => {
    const r = run([bin(arch), 'exec-self']);
    expect(r.err).toBe('');
    expect(r.out).toBe([
      'before exec',
      'child argc=6 argv0=renamed-child',
      '  argv[2]="two words"',
      '  argv[3]=""',
      '  argv[4]="3"',
      '  argv[5]="4"',
      '  env FOO=bar',
      '  env EMPTY=',
      '  same pid: yes',
      '  SIGUSR1 ignored',
      '  SIGUSR2 default',
      '  fd keep: open',
      '  fd cloexec: EBADF',
      '  exe procio',
      '',
    ].join('\n'));
    expect(r.status).toBe(3);
  });

  it.each([['arm', 'aarch64'], ['riscv64', 'arm'], ['aarch64', 'riscv64']] as const)('%s program execs a %s program', (from, to) => {
    const r = run([bin(from), 'exec-path', bin(to), 'exec-child', 'x y'], { ONLY: 'this' });
    expect(r.out).toBe('child argc=3 argv0=' + bin(to) + '\n  argv[2]="x y"\n  env ONLY=this\n  SIGUSR1 default\n  SIGUSR2 default\n  exe procio\n');
    expect(r.status).toBe(3);
  });

  it('a static program execs a dynamic one of another architecture (its own sysroot)', () => {
    const dyn = bin('aarch64', 'dyn/hello');
    if (!existsSync('/usr/aarch64-linux-gnu/lib')) throw new Error('the aarch64 cross libc (/usr/aarch64-linux-gnu) is needed for this test');
    const r = run([bin('riscv64'), 'exec-path', dyn]);
    expect(r.out).toBe('Hello, world!\n');
    expect(r.status).toBe(0);
  });

  it('-strace shows execve as qemu does, without a result once it succeeded', () => {
    const r = run(['-strace', bin('riscv64'), 'exec-path', bin('arm'), 'exec-child']);
    expect(r.err).toMatch(/^\d+ execve\("[^"]*arm\/procio",\{"[^"]*arm\/procio","exec-child",NULL\}\)\n/m);
    expect(r.status).toBe(3);
  });
});

describe('execveat (qemu-user 7 has no execveat: ENOSYS)', () => {
  it.each(ARCHS)('%s: relative to a directory fd, flag checks, fexecve of a host program', (arch) => {
    const r = run([bin(arch), 'exec-at']);
    expect(r.out).toBe('execveat missing: ENOENT\nexecveat "" without AT_EMPTY_PATH: ENOENT\nexecveat bad flags: EINVAL\nfexecve sh ok\n');
    expect(r.status).toBe(6);
  });
});

describe('#! lines as binfmt_script reads them', () => {
  const sb = (s: string) => parseShebang(Buffer.from(s));
  it('splits the interpreter from one optional argument', () => {
    expect(sb('#!/bin/sh\n')).toEqual({ interp: '/bin/sh' });
    expect(sb('#! /usr/bin/env  python3 -u \nprint()')).toEqual({ interp: '/usr/bin/env', arg: 'python3 -u' });
    expect(sb('#!/bin/sh -e')).toEqual({ interp: '/bin/sh', arg: '-e' });
    expect(sb('#!\n')).toBe(-E.ENOEXEC);
    expect(sb('#!   \n')).toBe(-E.ENOEXEC);
    expect(sb('\x7fELF')).toBeUndefined();
    expect(sb('#!/' + 'x'.repeat(300))).toBe(-E.ENOEXEC); // the name does not fit in 256 bytes
  });
});

describe('signals and blocking waits', () => {
  it.each(ARCHS)('%s: ppoll with a mask that blocks SIGALRM times out, then the handler runs', (arch) => {
    const r = run([bin(arch), 'ppoll-mask']);
    // Linux restores the old mask on return and delivers the pending SIGALRM before ppoll's
    // caller goes on (qemu-user 8 loses it: not an oracle here)
    expect(r.out).toBe('ppoll = 0 (0) alarms=1\ntime left: 0.150000000\nafter: alarms=1\n'); // glibc's ppoll does not copy the time left back
  });

  it.each(ARCHS)('%s: a read of a host pipe does not block Node: SIGALRM interrupts it (EINTR), SA_RESTART restarts it', async (arch) => {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [POLYEMU, bin(arch), 'stdin-intr'], { stdio: ['pipe', 'pipe', 'inherit'] });
      let text = '';
      let sent = false;
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        if (!sent && text.includes('SIGALRM blocked')) {
          sent = true;
          // long after the second 50 ms alarm: the read was restarted and still waits
          setTimeout(() => child.stdin.end('late-line\n'), 1500);
        }
      });
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    expect(out).toBe('read = -1 (EINTR) alarms=1\nSIGALRM blocked: no\nrestarted read = 10 alarms=2\ndata: late-line\n');
  }, 60_000);
});

describe('terminal modes reach the real terminal', () => {
  it.each(ARCHS)('%s: tcsetattr raw mode under a pty, as qemu-user does it', (arch) => {
    if (!existsSync('/usr/bin/script')) throw new Error('util-linux script(1) is needed to run the guest on a pty');
    const onPty = (cmd: string) => spawnSync('script', ['-qc', cmd, '/dev/null'], { encoding: 'utf8', timeout: 60_000 }).stdout;
    const ours = onPty(`${process.execPath} ${POLYEMU} ${bin(arch)} tty`);
    // with OPOST off the terminal itself stops turning \n into \r\n: proof the mode reached it
    expect(ours).toBe('start: icanon=1 echo=1 isig=1 vmin=1\r\nraw: icanon=0 echo=0 isig=0 vmin=3\nrestored: icanon=1 echo=1 isig=1 vmin=1\r\n');
    const qemu = `/usr/bin/qemu-${arch}`;
    if (existsSync(qemu)) expect(ours).toBe(onPty(`${qemu} ${bin(arch)} tty`));
  });
});

describe('/proc', () => {
  it.each(ARCHS)('%s: /proc/self/status, /proc/self/stat, fd/ and task/ describe the guest', (arch) => {
    const r = run([bin(arch), 'proc-status']);
    const status = r.out.split('== /proc/cpuinfo')[0];
    expect(status).toMatch(/^Name:\tprocio$/m);
    expect(status).toMatch(/^State:\tR \(running\)$/m);
    const pid = /^Pid:\t(\d+)$/m.exec(status)?.[1];
    expect(pid).toBeDefined();
    expect(status).toMatch(new RegExp(`^Tgid:\\t${pid}$`, 'm'));
    expect(status).toMatch(/^PPid:\t\d+$/m);
    expect(status).toMatch(/^VmRSS:\s+\d+ kB$/m);
    expect(status).toMatch(/^VmStk:\s+8192 kB$/m);
    expect(status).toMatch(/^Threads:\t1$/m);
    expect(r.out).toMatch(/^== fd: 0 1 2 3$/m);
    expect(r.out).toMatch(/^== task: self$/m);
    const st = run([bin(arch), 'proc-self']);
    expect(st.out).toMatch(/^maps: \[stack\] lines 1, program lines > 0: yes, one r-xp: yes$/m);
  });

  it.each(ARCHS)('%s: /proc/self/maps names the program, [heap], [stack] and a file mapping', (arch) => {
    const r = run([bin(arch), 'maps']);
    // qemu-user shows no [heap]; the kernel does (the brk area)
    expect(r.out).toBe('r-xp procio\nr--p procio\nrw-p procio\nrw-p [heap]\nr--p procio (the mmap)\nrw-p [stack]\n');
  });

  it.each([
    ['riscv64', /^isa\t\t: rv64imafdc_zicsr_zifencei$/m],
    ['aarch64', /^Features\t: fp asimd\b/m],
    ['arm', /^Features\t: swp half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32 lpae $/m],
  ] as const)('%s: /proc/cpuinfo describes the guest CPU', (arch, features) => {
    const r = run([bin(arch), 'proc-status']);
    const info = r.out.split('== /proc/cpuinfo\n')[1]?.split('== fd')[0] ?? '';
    expect(info).toMatch(/^processor\t: 0$/m);
    expect(info).toMatch(features);
  });
});
