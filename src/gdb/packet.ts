/**
 * gdb remote protocol framing: `$data#cs` packets (cs = sum of the data bytes mod 256, two
 * hex digits), `+`/`-` acknowledgements (until QStartNoAckMode), the 0x03 interrupt byte,
 * and the `}` escape (next byte XOR 0x20) of binary data. We never send run-length encoding
 * (`*`), so it is escaped too; gdb sends none. Data is handled as latin1 strings (one char =
 * one byte).
 */

export function checksum(data: string): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) s = (s + data.charCodeAt(i)) & 0xff;
  return s;
}

export const hex2 = (n: number): string => (n & 0xff).toString(16).padStart(2, '0');

/** The framed packet for `data` ('$' data '#' checksum), escaping what must not appear raw. */
export function framePacket(data: string): string {
  const body = escapeBinary(data);
  return `$${body}#${hex2(checksum(body))}`;
}

/** Escape '#', '$', '}' and '*' (binary replies such as qXfer data). */
export function escapeBinary(data: string): string {
  return data.replace(/[#$}*]/g, (c) => `}${String.fromCharCode(c.charCodeAt(0) ^ 0x20)}`);
}

/** Undo `}` escapes (X packets and other binary data gdb sends). */
export function unescapeBinary(data: string): string {
  return data.replace(/\}([\s\S])/g, (_, c: string) => String.fromCharCode(c.charCodeAt(0) ^ 0x20));
}

export type Incoming =
  | { kind: 'packet'; data: string }
  | { kind: 'bad'; data: string }   // checksum mismatch
  | { kind: 'ack' } | { kind: 'nack' } | { kind: 'interrupt' };

/**
 * Splits the byte stream from gdb into events. Feed it chunks as they arrive; it keeps a
 * partial packet between chunks.
 */
export class PacketReader {
  private buf = '';

  push(chunk: string): Incoming[] {
    this.buf += chunk;
    const out: Incoming[] = [];
    for (;;) {
      if (this.buf.length === 0) break;
      const c = this.buf[0];
      if (c === '+') { out.push({ kind: 'ack' }); this.buf = this.buf.slice(1); continue; }
      if (c === '-') { out.push({ kind: 'nack' }); this.buf = this.buf.slice(1); continue; }
      if (c === '\x03') { out.push({ kind: 'interrupt' }); this.buf = this.buf.slice(1); continue; }
      if (c !== '$') { this.buf = this.buf.slice(1); continue; } // noise between packets
      const hash = this.buf.indexOf('#');
      if (hash < 0 || this.buf.length < hash + 3) break; // incomplete
      const raw = this.buf.slice(1, hash);
      const cs = Number.parseInt(this.buf.slice(hash + 1, hash + 3), 16);
      this.buf = this.buf.slice(hash + 3);
      out.push(cs === checksum(raw) ? { kind: 'packet', data: raw } : { kind: 'bad', data: raw });
    }
    return out;
  }
}

/** Bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += hex2(b);
  return s;
}

/** Hex digits to bytes (undefined when malformed). */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A register value as `bits/8` bytes of hex in the given byte order. */
export function regToHex(v: bigint, bits: number, littleEndian: boolean): string {
  const n = bits / 8;
  const bytes = new Uint8Array(n);
  let x = BigInt.asUintN(bits, v);
  for (let i = 0; i < n; i++) { bytes[littleEndian ? i : n - 1 - i] = Number(x & 0xffn); x >>= 8n; }
  return toHex(bytes);
}

export function hexToReg(text: string, bits: number, littleEndian: boolean): bigint | undefined {
  const bytes = fromHex(text);
  if (!bytes || bytes.length !== bits / 8) return undefined;
  let v = 0n;
  for (let i = 0; i < bytes.length; i++) v = (v << 8n) | BigInt(bytes[littleEndian ? bytes.length - 1 - i : i]);
  return v;
}
