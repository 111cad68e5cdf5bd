/**
 * A flattened device tree writer (Devicetree Specification v0.4, chapter 5 "Flattened
 * Devicetree (DTB) Format"): a tree of nodes and properties in, a version-17 blob out —
 * header, an empty memory-reservation block, the structure block and the strings block, all
 * big-endian, packed (firmware grows it in place when it adds nodes).
 */

/** A property value: a string, a list of strings, 32-bit cells, raw bytes, or empty (a flag). */
export type FdtValue = string | string[] | number[] | Uint8Array | null;

export interface FdtNode {
  /** name@unit-address ('' for the root) */
  name: string;
  props: [string, FdtValue][];
  children: FdtNode[];
}

export const node = (name: string, props: [string, FdtValue][] = [], children: FdtNode[] = []): FdtNode => ({ name, props, children });

/** cells of a 64-bit value (two 32-bit cells, high first) */
export const u64cells = (v: number): number[] => [Math.floor(v / 4294967296) >>> 0, v >>> 0];

const FDT_MAGIC = 0xd00dfeed;
const BEGIN_NODE = 1, END_NODE = 2, PROP = 3, END = 9;
const HEADER = 40;

function valueBytes(v: FdtValue): Uint8Array {
  if (v === null) return new Uint8Array(0);
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return Buffer.from(v + '\0', 'utf8');
  if (v.length > 0 && typeof v[0] === 'string') return Buffer.from((v as string[]).map((s) => s + '\0').join(''), 'utf8');
  const out = new Uint8Array(v.length * 4);
  const dv = new DataView(out.buffer);
  (v as number[]).forEach((c, i) => dv.setUint32(i * 4, c >>> 0));
  return out;
}

/** Serialise a tree (the root's name is ignored). */
export function writeFdt(root: FdtNode, bootCpu = 0): Uint8Array {
  const bytes: number[] = [];
  const strings: string[] = [];
  const strOff = new Map<string, number>();
  let strLen = 0;
  const word = (w: number) => { for (let s = 24; s >= 0; s -= 8) bytes.push((w >>> s) & 0xff); };
  const pad = () => { while (bytes.length % 4) bytes.push(0); };
  const nameOff = (n: string) => {
    let o = strOff.get(n);
    if (o === undefined) {
      o = strLen;
      strOff.set(n, o);
      strings.push(n);
      strLen += Buffer.byteLength(n) + 1;
    }
    return o;
  };
  const emit = (n: FdtNode, isRoot: boolean) => {
    word(BEGIN_NODE);
    for (const b of Buffer.from((isRoot ? '' : n.name) + '\0', 'utf8')) bytes.push(b);
    pad();
    for (const [name, value] of n.props) {
      const v = valueBytes(value);
      word(PROP);
      word(v.length);
      word(nameOff(name));
      for (const b of v) bytes.push(b);
      pad();
    }
    for (const c of n.children) emit(c, false);
    word(END_NODE);
  };
  emit(root, true);
  word(END);
  const struct = Uint8Array.from(bytes);
  const strBlock = Buffer.from(strings.map((s) => s + '\0').join(''), 'utf8');
  const rsvOff = HEADER;
  const structOff = rsvOff + 16;
  const stringsOff = structOff + struct.length;
  const total = stringsOff + strBlock.length;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  [FDT_MAGIC, total, structOff, stringsOff, rsvOff, 17, 16, bootCpu, strBlock.length, struct.length]
    .forEach((v, i) => dv.setUint32(i * 4, v));
  out.set(struct, structOff);
  out.set(strBlock, stringsOff);
  return out;
}
