import * as fs from 'node:fs';

/** -d items understood by polyemu (qemu names). */
export const LOG_ITEMS = ['in_asm', 'op', 'out_asm', 'exec', 'cpu', 'unimp', 'strace', 'page'] as const;
export type LogItem = (typeof LOG_ITEMS)[number];

/** Debug log (-d ITEMS, -D FILE). Writes synchronously so nothing is lost on exit. */
export class Logger {
  readonly items: Set<string>;
  private fd: number;
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
}
