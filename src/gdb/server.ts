/**
 * `-g PORT` (QEMU_GDB): listen for one gdb connection on a TCP port, wait for it, and attach
 * a Debugger to the process so the guest stops before its first instruction, as qemu-user's
 * gdb stub does.
 */
import * as net from 'node:net';
import type { Process } from '../linux/process.js';
import type { Task } from '../linux/task.js';
import { UserError } from '../errors.js';
import type { DebugPort } from './debug-port.js';
import { GdbSession } from './session.js';

/** Accept one connection on `port` (all interfaces, like qemu); resolves with the socket. */
export function acceptOne(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const server = net.createServer({ noDelay: true });
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new UserError(`could not open gdbserver on port ${port}: ${e.code === 'EADDRINUSE' ? 'address in use' : e.message}`));
    });
    server.once('connection', (sock) => {
      server.close();
      resolve(sock);
    });
    server.listen(port);
  });
}

/** Run a gdb session over `sock` for the process `proc`, debugged through `dbg`. */
export function serveGdb(sock: net.Socket, proc: Process, dbg: DebugPort): GdbSession {
  sock.setNoDelay(true);
  sock.setEncoding('latin1');
  let open = true;
  const session = new GdbSession(proc, dbg,
    (raw) => { if (open) sock.write(raw, 'latin1'); },
    () => { if (open) { open = false; sock.end(); } });
  sock.on('data', (chunk: string) => session.receive(chunk));
  const gone = () => {
    if (!open) return;
    open = false;
    session.disconnected();
  };
  sock.on('close', gone);
  sock.on('error', gone);
  return session;
}

/**
 * Wait for gdb on `port`, then attach a new Debugger to `proc` that stops before the first
 * guest instruction. Call before Engine.run().
 */
export async function attachGdb(proc: Process, port: number): Promise<GdbSession> {
  if (!proc.target.gdb) throw new UserError(`-g: no gdb support for target ${proc.target.name}`);
  const sock = await acceptOne(port);
  const { Debugger } = await import('../core/engine/debug.js');
  const dbg = new Debugger<Task>();
  dbg.stopAtStart = true;
  proc.debug = dbg;
  return serveGdb(sock, proc, dbg);
}
