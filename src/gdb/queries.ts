/**
 * gdb's general query and set packets (q..., Q...): feature negotiation, the thread list,
 * and the qXfer objects (target description, auxv, exec file, threads).
 */
import type { GdbSession } from './session.js';
import { gdbToLinuxSignal } from './signals.js';

/** What we tell gdb in reply to qSupported. PacketSize is hex: 16 KiB. */
const FEATURES = [
  'PacketSize=4000', 'qXfer:features:read+', 'qXfer:auxv:read+', 'qXfer:exec-file:read+',
  'qXfer:threads:read+', 'QStartNoAckMode+', 'vContSupported+', 'swbreak+', 'hwbreak+', 'QPassSignals+',
];

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

export function answerQuery(s: GdbSession, p: string): string {
  if (p.startsWith('qSupported')) {
    for (const f of p.slice(11).split(';')) if (f.endsWith('+')) s.gdbFeatures.add(f.slice(0, -1));
    return FEATURES.join(';');
  }
  if (p === 'QStartNoAckMode') { s.noAck = true; return 'OK'; }
  if (p.startsWith('qXfer:')) return xfer(s, p.slice(6));
  if (p === 'qfThreadInfo') return `m${s.dbg.threads().map((t) => t.tid.toString(16)).join(',')}`;
  if (p === 'qsThreadInfo') return 'l';
  if (p === 'qC') return s.stoppedTask ? `QC${s.stoppedTask.tid.toString(16)}` : '';
  // 0: gdb started this process (quitting gdb kills it, as with qemu -g)
  if (p.startsWith('qAttached')) return '0';
  if (p.startsWith('qSymbol')) return 'OK';
  if (p.startsWith('QPassSignals:')) {
    s.passSignals = new Set(p.slice(13).split(';').filter(Boolean).map((x) => gdbToLinuxSignal(Number.parseInt(x, 16))).filter((x) => x > 0));
    return 'OK';
  }
  return '';
}

/** qXfer:object:read:annex:offset,length -> m<data> (more follows) or l<data> (the end). */
function xfer(s: GdbSession, q: string): string {
  const m = /^([^:]+):read:([^:]*):([0-9a-fA-F]+),([0-9a-fA-F]+)$/.exec(q);
  if (!m) return '';
  const [, object, annex] = m;
  const offset = Number.parseInt(m[3], 16);
  const length = Number.parseInt(m[4], 16);
  let data: string | undefined;
  switch (object) {
    case 'features': data = s.gdb.xml[annex]; break;
    case 'auxv': data = latin1(auxvBytes(s)); break;
    case 'exec-file': data = latin1(Buffer.from(s.proc.hostExePath || s.proc.exePath, 'utf8')); break;
    case 'threads': data = threadsXml(s); break;
    default: return '';
  }
  if (data === undefined) return 'E00';
  const chunk = data.slice(offset, offset + length);
  return (offset + length >= data.length ? 'l' : 'm') + chunk;
}

/** The auxv as the guest's stack holds it: pairs of words of the guest's size and byte order. */
function auxvBytes(s: GdbSession): Uint8Array {
  const t = s.proc.target;
  const w = t.elfClass / 8;
  const out = new Uint8Array(s.proc.auxv.length * 2 * w);
  const dv = new DataView(out.buffer);
  s.proc.auxv.forEach(([k, v], i) => {
    for (const [j, x] of [[0, k], [1, v]] as const) {
      const off = (2 * i + j) * w;
      if (w === 8) dv.setBigUint64(off, BigInt.asUintN(64, BigInt(x)), t.littleEndian);
      else dv.setUint32(off, x >>> 0, t.littleEndian);
    }
  });
  return out;
}

function threadsXml(s: GdbSession): string {
  const items = s.dbg.threads().map((t) => `<thread id="${t.tid.toString(16)}" core="0"/>`).join('');
  return `<?xml version="1.0"?>\n<threads>${items}</threads>\n`;
}
