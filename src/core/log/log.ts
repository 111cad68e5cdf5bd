/**
 * The debug log (-d ITEMS, -D FILE) and the formats of its per-block sections, in the shape
 * qemu-user prints them: `IN: <symbol>` + guest disassembly (in_asm), `OP:` + IR (op),
 * `OUT: [region ...]` + generated JavaScript (out_asm). -d exec / -d cpu lines are in
 * log-cpu.ts; symbols for the headers come from the loaded images (log-symbols.ts).
 */
import * as fs from 'node:fs';
import { formatIr, type Block } from '../ir.js';
import { Symbols } from './symbols.js';

/** -d items understood by polyemu (qemu names). */
export const LOG_ITEMS = ['in_asm', 'op', 'out_asm', 'exec', 'cpu', 'unimp', 'strace', 'page'] as const;
export type LogItem = (typeof LOG_ITEMS)[number];

/**
 * One -d in_asm line as qemu prints it: address (8 hex digits at least), the encoding as the
 * target groups it ('d2800808', 'f04f 0b00', '157d'), mnemonic padded to 8, operands.
 * `text` is a disassembler's "mnemonic\toperands".
 */
export function asmLine(pc: number, encoding: string, text: string): string {
  const tab = text.indexOf('\t');
  const pretty = tab < 0 ? text : text.slice(0, tab).padEnd(8) + ' ' + text.slice(tab + 1);
  return `0x${pc.toString(16).padStart(8, '0')}:  ${encoding.padEnd(10)}  ${pretty}`;
}

/** Debug log (-d ITEMS, -D FILE). Writes synchronously so nothing is lost on exit. */
export class Logger {
  readonly items: Set<string>;
  private fd: number;
  /** function symbols of the loaded images (program, interpreter), for headers */
  private images: Symbols[] = [];
  constructor(items: Iterable<string> = [], file?: string) {
    this.items = new Set(items);
    this.fd = file ? fs.openSync(file, 'w') : 2;
  }
  has(item: LogItem): boolean {
    return this.items.has(item);
  }
  /** Write exactly `text` (no newline added): for lines completed later, like -strace's. */
  writeRaw(text: string): void {
    try {
      fs.writeSync(this.fd, text);
    } catch {
      /* a closed log must not kill the guest */
    }
  }
  write(text: string): void {
    try {
      fs.writeSync(this.fd, text.endsWith('\n') ? text : text + '\n');
    } catch {
      /* a closed log must not kill the guest */
    }
  }

  /**
   * Read the function symbols of an image just loaded at `bias` (only when a log item shows
   * them). `replace`: a new program image (execve) drops the old ones.
   */
  addImage(hostPath: string, bias: number, replace = false): void {
    if (replace) this.images = [];
    if (!this.has('in_asm') && !this.has('exec')) return;
    const s = Symbols.fromFile(hostPath, bias);
    if (s.size) this.images.push(s);
  }
  /** The function at pc, if a loaded image names it. */
  symbolAt(pc: number): string | undefined {
    for (const s of this.images) {
      const n = s.at(pc);
      if (n !== undefined) return n;
    }
    return undefined;
  }

  /** -d in_asm: one translated block. */
  inAsm(b: Block): void {
    this.write(`----------------\nIN: ${this.symbolAt(b.pc & ~1) ?? ''}\n${b.asm.join('\n')}\n\n`);
  }
  /** -d op: the IR of one translated block. */
  op(b: Block): void {
    this.write(`OP:\n${formatIr(b)}\n`);
  }
  /** -d out_asm: a compiled function (tier 1: one block; tier 2: a region of several). */
  outAsm(entry: number, tier: number, blocks: readonly Block[], source: string): void {
    const what = tier > 1 ? `region 0x${entry.toString(16)}, tier 2, blocks ${blocks.map((b) => '0x' + b.pc.toString(16)).join(' ')}`
      : `region 0x${entry.toString(16)}`;
    this.write(`OUT: [${what}]\n${source}\n`);
  }
}
