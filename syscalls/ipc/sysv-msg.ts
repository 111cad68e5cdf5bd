/**
 * System V message queues: msgget, msgsnd, msgrcv, msgctl. A queue holds typed messages up
 * to msg_qbytes bytes; msgrcv picks the first message, the first of a type (MSG_EXCEPT: of
 * another type) or the lowest type up to -msgtyp. Senders wait while the queue is full,
 * receivers while nothing matches (IPC_NOWAIT: EAGAIN / ENOMSG); IPC_RMID wakes them with
 * EIDRM, a signal with a handler with EINTR (or a restart, with SA_RESTART, as Linux).
 */
import type { Process } from '../../src/linux/process.js';
import { archOf } from '../arch.js';
import { type SyscallDef, sys } from '../def.js';
import { E } from '../errno.js';
import { readWord, writeField, writeWord } from '../layout.js';
import { blockingWait } from '../restart.js';
import { type IpcObject, ctlCommand, ipcGet, ipcOf, newPerm, now, permitted, setPerm, writePerm } from './sysv.js';

export interface MsgQueue extends IpcObject {
  msgs: Array<{ type: number; data: Uint8Array }>;
  cbytes: number;
  qbytes: number;
  stime: number;
  rtime: number;
  lspid: number;
  lrpid: number;
  waiters: Set<() => void>;
}

function wake(q: MsgQueue): void {
  const w = [...q.waiters];
  q.waiters.clear();
  for (const f of w) f();
}

const subscribe = (q: MsgQueue) => (cb: () => void) => {
  q.waiters.add(cb);
  return () => q.waiters.delete(cb);
};

function msgget(proc: Process, [key, flg]: number[]): number {
  const c = archOf(proc).c;
  return ipcGet(proc, ipcOf(proc).msg, key | 0, flg, () => 0, (id) => ({
    ...newPerm(id, key | 0, flg), msgs: [], cbytes: 0, qbytes: c.MSGMNB, stime: 0, rtime: 0, lspid: 0, lrpid: 0, waiters: new Set<() => void>(),
  }));
}

function msgsnd(proc: Process, [id, msgp, msgsz, flg]: number[]): number | Promise<number> {
  const a = archOf(proc);
  const c = a.c;
  const q = ipcOf(proc).msg.get(id | 0);
  if (!q) return -E.EINVAL;
  if (msgsz < 0 || msgsz > c.MSGMAX) return -E.EINVAL;
  // mtype is a C long: signed
  const signedType = a.wordSize === 8 ? Number(BigInt.asIntN(64, proc.mem.read64(msgp))) : readWord(proc.mem, msgp, 4) | 0;
  if (signedType < 1) return -E.EINVAL;
  if (!permitted(q, 0o200)) return -E.EACCES;
  const data = proc.mem.readBytes(msgp + a.wordSize, msgsz);
  const attempt = (): number | undefined => {
    if (q.removed) return -E.EIDRM;
    if (q.cbytes + msgsz > q.qbytes || q.msgs.length + 1 > q.qbytes) return flg & c.IPC_NOWAIT ? -E.EAGAIN : undefined;
    q.msgs.push({ type: signedType, data });
    q.cbytes += msgsz;
    q.stime = now();
    q.lspid = proc.pid;
    wake(q);
    return 0;
  };
  return blockingWait(proc, attempt, subscribe(q));
}

function msgrcv(proc: Process, [id, msgp, msgsz, msgtyp, flg]: number[]): number | Promise<number> {
  const a = archOf(proc);
  const c = a.c;
  const q = ipcOf(proc).msg.get(id | 0);
  if (!q) return -E.EINVAL;
  if (msgsz < 0) return -E.EINVAL;
  if (flg & c.MSG_COPY) return -E.EINVAL; // needs CONFIG_CHECKPOINT_RESTORE's MSG_COPY: not offered
  if (!permitted(q, 0o400)) return -E.EACCES;
  const pick = (): number => {
    if (msgtyp === 0) return q.msgs.length ? 0 : -1;
    if (msgtyp > 0) return q.msgs.findIndex((m) => (flg & c.MSG_EXCEPT ? m.type !== msgtyp : m.type === msgtyp));
    let best = -1;
    q.msgs.forEach((m, i) => { if (m.type <= -msgtyp && (best < 0 || m.type < q.msgs[best].type)) best = i; });
    return best;
  };
  const attempt = (): number | undefined => {
    if (q.removed) return -E.EIDRM;
    const i = pick();
    if (i < 0) return flg & c.IPC_NOWAIT ? -E.ENOMSG : undefined;
    const m = q.msgs[i];
    if (m.data.length > msgsz && !(flg & c.MSG_NOERROR)) return -E.E2BIG;
    const n = Math.min(m.data.length, msgsz);
    writeWord(proc.mem, msgp, a.wordSize, m.type);
    proc.mem.writeBytes(msgp + a.wordSize, m.data.subarray(0, n));
    q.msgs.splice(i, 1);
    q.cbytes -= m.data.length;
    q.rtime = now();
    q.lrpid = proc.pid;
    wake(q);
    return n;
  };
  return blockingWait(proc, attempt, subscribe(q));
}

function msgctl(proc: Process, [id, cmdArg, buf]: number[]): number {
  const a = archOf(proc);
  const c = a.c;
  const cmd = ctlCommand(proc, cmdArg);
  const ns = ipcOf(proc).msg;
  if (cmd === c.IPC_INFO || cmd === c.MSG_INFO) {
    const l = a.s.msginfo;
    const f = l.fields;
    proc.mem.writeBytes(buf, new Uint8Array(l.size));
    writeField(proc.mem, buf, f.msgmax, c.MSGMAX);
    writeField(proc.mem, buf, f.msgmnb, c.MSGMNB);
    writeField(proc.mem, buf, f.msgmni, c.MSGMNI);
    writeField(proc.mem, buf, f.msgpool, c.MSGMNB);
    writeField(proc.mem, buf, f.msgmap, c.MSGMNB);
    writeField(proc.mem, buf, f.msgssz, 16);
    writeField(proc.mem, buf, f.msgtql, c.MSGMNB);
    writeField(proc.mem, buf, f.msgseg, 0xffff);
    return ns.maxId();
  }
  const q = ns.get(id | 0);
  if (!q) return -E.EINVAL;
  switch (cmd) {
    case c.IPC_STAT: {
      if (!permitted(q, 0o400)) return -E.EACCES;
      const l = a.s.msqid64_ds;
      const f = l.fields;
      proc.mem.writeBytes(buf, new Uint8Array(l.size));
      writePerm(proc, buf + f.msg_perm.off, q);
      writeField(proc.mem, buf, f.msg_stime, q.stime);
      writeField(proc.mem, buf, f.msg_rtime, q.rtime);
      writeField(proc.mem, buf, f.msg_ctime, q.ctime);
      writeField(proc.mem, buf, f.msg_cbytes, q.cbytes);
      writeField(proc.mem, buf, f.msg_qnum, q.msgs.length);
      writeField(proc.mem, buf, f.msg_qbytes, q.qbytes);
      writeField(proc.mem, buf, f.msg_lspid, q.lspid);
      writeField(proc.mem, buf, f.msg_lrpid, q.lrpid);
      return 0;
    }
    case c.IPC_SET: {
      const f = a.s.msqid64_ds.fields;
      const r = setPerm(proc, buf + f.msg_perm.off, q);
      if (r < 0) return r;
      q.qbytes = readWord(proc.mem, buf + f.msg_qbytes.off, f.msg_qbytes.size);
      wake(q);
      return 0;
    }
    case c.IPC_RMID:
      q.removed = true;
      ns.byId.delete(q.id);
      wake(q);
      return 0;
    default:
      return -E.EINVAL;
  }
}

export const msgSyscalls: SyscallDef[] = [
  sys('msgget', ['hex', 'octal'], msgget),
  sys('msgsnd', ['int', 'ptr', 'int', 'hex'], msgsnd),
  sys('msgrcv', ['int', 'ptr', 'int', 'int', 'hex'], msgrcv),
  sys('msgctl', ['int', 'int', 'ptr'], msgctl),
];
