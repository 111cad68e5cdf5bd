/**
 * Helpers of tests/gdb/gdb.test.ts: start `polyemu -g PORT` (the CLI from the sources, through
 * tsx) or `qemu-<arch> -g PORT` on a free port, wait until it listens, drive gdb-multiarch
 * in batch mode, and talk the remote protocol over a raw socket.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { checksum, hex2 } from '../../src/gdb/packet.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const GDB = '/usr/bin/gdb-multiarch';
export const haveGdb = fs.existsSync(GDB);
export const haveQemu = (arch: string) => spawnSync('sh', ['-c', `command -v qemu-${arch}`]).status === 0;
export const fixture = (arch: string) => path.join(ROOT, 'fixtures/gdb', arch, 'dbg');

/** a port nobody listens on now (random high port; the emulator may still lose a race: retry) */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
}

/** Is something listening on TCP `port` (from /proc/net/tcp*, without connecting to it)? */
function listening(port: number): boolean {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try { text = fs.readFileSync(f, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A') return true;
    }
  }
  return false;
}

export interface Emu {
  port: number;
  child: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start `polyemu` or `qemu` with -g on a free port and wait until it listens. */
export async function startEmu(which: 'polyemu' | 'qemu', arch: string, args: string[] = []): Promise<Emu> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const cmd = which === 'qemu'
      ? [`qemu-${arch}`, '-g', String(port), fixture(arch), ...args]
      : [process.execPath, '--import', 'tsx', '--input-type=module', '-e',
        `const { main } = await import(${JSON.stringify(path.join(ROOT, 'src/cli/main.ts'))}); await main(process.argv.slice(1));`, '--',
        '-g', String(port), fixture(arch), ...args];
    const child = spawn(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => { out += d; });
    child.stderr!.on('data', (d) => { out += d; });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })));
    let gone = false;
    void exited.then(() => { gone = true; });
    const t0 = Date.now();
    while (!gone && !listening(port) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 50));
    if (listening(port) && !gone) return { port, child, out: () => out, exited };
    child.kill('SIGKILL');
    if (attempt >= 3) throw new Error(`${which} -g ${port} did not listen: ${out}`);
  }
}

/** gdb-multiarch -batch on the fixture, connected to `port`; returns its output (stdout+stderr). */
export function runGdb(arch: string, port: number, cmds: string[]): Promise<string> {
  const args = ['-batch', '-nx', '-ex', 'set pagination off', '-ex', 'set width 0',
    '-ex', `directory ${path.join(ROOT, 'fixtures/gdb')}`, '-ex', 'set remotetimeout 20',
    '-ex', `target remote 127.0.0.1:${port}`, ...cmds.flatMap((c) => ['-ex', c]), fixture(arch)];
  return new Promise((resolve) => {
    const child = spawn(GDB, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => { out += '\n<gdb timed out>'; child.kill('SIGKILL'); }, 90_000);
    child.on('exit', () => { clearTimeout(timer); resolve(out); });
  });
}

/** A raw remote-protocol client: send packets, read replies (acks are handled). */
export class RawClient {
  private buf = '';
  private waiters: Array<(s: string) => void> = [];
  private readonly replies: string[] = [];
  readonly sock: net.Socket;
  closed = false;

  constructor(port: number) {
    this.sock = net.connect(port, '127.0.0.1');
    this.sock.setEncoding('latin1');
    this.sock.on('data', (d: string) => this.onData(d));
    this.sock.on('error', () => { this.closed = true; });
    this.sock.on('close', () => { this.closed = true; for (const w of this.waiters.splice(0)) w('<closed>'); });
  }

  private onData(d: string): void {
    this.buf += d;
    for (;;) {
      this.buf = this.buf.replace(/^[+-]+/, '');
      const m = /^\$([^#]*)#([0-9a-f]{2})/.exec(this.buf);
      if (!m) break;
      this.buf = this.buf.slice(m[0].length);
      if (hex2(checksum(m[1])) !== m[2]) throw new Error(`bad checksum in reply ${m[0]}`);
      this.sock.write('+');
      const w = this.waiters.shift();
      if (w) w(m[1]); else this.replies.push(m[1]);
    }
  }

  /** the next reply (or '<closed>', or '<timeout>' after `ms`) */
  next(ms = 20_000): Promise<string> {
    const r = this.replies.shift();
    if (r !== undefined) return Promise.resolve(r);
    if (this.closed) return Promise.resolve('<closed>');
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.waiters = this.waiters.filter((w) => w !== done); resolve('<timeout>'); }, ms);
      const done = (s: string) => { clearTimeout(timer); resolve(s); };
      this.waiters.push(done);
    });
  }

  send(data: string): void {
    this.sock.write(`$${data}#${hex2(checksum(data))}`, 'latin1');
  }

  async ask(data: string): Promise<string> {
    this.send(data);
    return this.next();
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => { this.sock.once('connect', resolve); this.sock.once('error', reject); });
  }
}
