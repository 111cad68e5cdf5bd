// Sockets against the outside world: a guest TCP client talking to a Node `net` server on
// loopback, and a Node client talking to a guest server (fixtures/src/net.c, `client` and
// `echo`). The in-guest cases (TCP/UDP/unix inside one process) are e2e cases (net-*).
// Runs ./bin/polyemu (dist/): rebuild with `npx tsc -p tsconfig.json` first.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as net from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT } from '../helpers/cases.js';

/** Architectures whose static `net` fixture is committed (every registered target has one). */
const ARCHS = ['riscv64', 'aarch64', 'arm'];

function polyemu(arch: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [join(REPO_ROOT, 'bin', 'polyemu'), join(FIXTURES, arch, 'net'), ...args], { stdio: 'pipe' });
}

/** stdout, stderr and exit status of a child, once it ends (killed after `ms`). */
function finished(child: ChildProcessWithoutNullStreams, ms = 60_000): Promise<{ out: string; err: string; status: string }> {
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code, sig) => {
      clearTimeout(t);
      resolve({ out, err, status: sig ? `signal ${sig}` : `exit ${code}` });
    });
  });
}

/** Resolves with the first stdout line matching `re`. */
function waitForLine(child: ChildProcessWithoutNullStreams, re: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buf = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    const onData = (b: Buffer) => {
      buf += b.toString();
      const m = re.exec(buf);
      if (m) { child.stdout.off('data', onData); resolve(m); }
    };
    child.stdout.on('data', onData);
    child.on('close', () => reject(new Error(`guest ended before printing ${re}: stdout ${buf} stderr ${err}`)));
  });
}

describe.each(ARCHS)('sockets with the host (%s)', (arch) => {
  it('has the fixture', () => {
    // loud, not a silent skip: the binaries are committed, a missing one is a broken checkout
    expect(existsSync(join(FIXTURES, arch, 'net')), `fixtures/${arch}/net missing: run fixtures/build.sh`).toBe(true);
  });

  it('guest client talks to a Node server', async () => {
    const received: Buffer[] = [];
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      s.on('data', (d) => received.push(d));
      s.on('end', () => s.end(`echo:${Buffer.concat(received).toString()}`));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const r = await finished(polyemu(arch, ['client', String(port), 'hello from the guest']));
      expect(r.err).toBe('');
      expect(r.status, r.err).toBe('exit 0');
      expect(Buffer.concat(received).toString()).toBe('hello from the guest');
      expect(r.out).toBe('reply: echo:hello from the guest\n');
    } finally {
      server.close();
    }
  }, 90_000);

  it('Node client talks to a guest server', async () => {
    const guest = polyemu(arch, ['echo', '0']);
    const done = finished(guest);
    const m = await waitForLine(guest, /listening (\d+)\n/);
    const port = Number(m[1]);
    expect(port).toBeGreaterThan(0);
    // 200 KB in several writes: more than one read's worth on the guest side
    const payload = Buffer.alloc(200_000, 0);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 7 + (i >> 8)) & 0xff;
    const reply = await new Promise<Buffer>((resolve, reject) => {
      const parts: Buffer[] = [];
      const c = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true }, () => {
        for (let off = 0; off < payload.length; off += 50_000) c.write(payload.subarray(off, off + 50_000));
        c.end();
      });
      c.on('data', (d) => parts.push(d));
      c.on('end', () => resolve(Buffer.concat(parts)));
      c.on('error', reject);
    });
    expect(reply.length).toBe(payload.length);
    expect(reply.equals(payload)).toBe(true);
    const r = await done;
    expect(r.err).toBe('');
    expect(r.status, r.err).toBe('exit 0');
    expect(r.out).toBe(`listening ${port}\nechoed 200000 bytes\n`);
  }, 90_000);

  it('guest client reaches a Node server on a unix socket path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-net-'));
    const path = join(dir, 'node.sock');
    const received: Buffer[] = [];
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      s.on('data', (d) => received.push(d));
      s.on('end', () => s.end(`unix:${Buffer.concat(received).toString()}`));
    });
    await new Promise<void>((r) => server.listen(path, r));
    try {
      const r = await finished(polyemu(arch, ['client', path, 'over a host socket']));
      expect(r.status, r.err).toBe('exit 0');
      expect(r.out).toBe('reply: unix:over a host socket\n');
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('Node client reaches a guest listening on a unix socket path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polyemu-net-'));
    const path = join(dir, 'guest.sock');
    try {
      const guest = polyemu(arch, ['echo', path]);
      const done = finished(guest);
      await waitForLine(guest, /listening \/.*\n/);
      expect(statSync(path).isSocket()).toBe(true);
      const reply = await new Promise<string>((resolve, reject) => {
        let got = '';
        const c = net.connect({ path, allowHalfOpen: true }, () => c.end('to the guest'));
        c.on('data', (d) => { got += d.toString(); });
        c.on('end', () => resolve(got));
        c.on('error', reject);
      });
      expect(reply).toBe('to the guest');
      const r = await done;
      expect(r.status, r.err).toBe('exit 0');
      expect(r.out).toBe(`listening ${path}\nechoed 12 bytes\n`);
      // Linux leaves the socket file behind when the socket closes (Node's own servers unlink it)
      expect(existsSync(path)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('guest connecting to a closed port gets ECONNREFUSED', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const r = await finished(polyemu(arch, ['client', String(port), 'x']));
    expect(r.status, r.err).toBe('exit 1');
    expect(r.out).toMatch(/^FAIL connect\(.*\): Connection refused/);
  }, 90_000);
});
