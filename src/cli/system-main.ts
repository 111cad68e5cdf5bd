/**
 * polyemu-system-riscv64: build the virt machine from the command line, wire its UART to the
 * terminal (qemu's `-serial mon:stdio`: raw input, Ctrl-A x quits, Ctrl-A Ctrl-A sends one
 * Ctrl-A), run it, and exit as qemu does (the test device's code on power-off).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Logger } from '../core/log/log.js';
import { VirtMachine, MachineError } from '../system/machine.js';
import { virtFdt } from '../system/virt.js';
import { VirtioBlk } from '../system/virtio/blk.js';
import { VirtioRng } from '../system/virtio/rng.js';
import { UserError } from '../errors.js';
import { DEFAULT_BIOS, PROG, SYSTEM_HELP, parseSystemArgs, type SystemOptions } from './system-options.js';

function readImage(what: string, file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UserError(`${PROG}: could not load ${what} '${file}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String((e as Error).message)}`);
  }
}

function bios(o: SystemOptions): Uint8Array | undefined {
  if (o.bios === 'none') return undefined;
  if (o.bios === 'default') {
    if (!existsSync(DEFAULT_BIOS)) throw new UserError(`${PROG}: no default firmware: ${DEFAULT_BIOS} is not installed (apt-get install opensbi, or -bios none)`);
    return readImage('firmware', DEFAULT_BIOS);
  }
  return readImage('firmware', o.bios);
}

/** the console: UART output to stdout (batched), stdin to the UART with qemu's Ctrl-A escapes */
class Console {
  private pending: Uint8Array[] = [];
  private scheduled = false;
  private escape = false;
  quit?: () => void;

  write(b: Uint8Array): void {
    this.pending.push(b);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    process.stdout.write(Buffer.concat(this.pending));
    this.pending = [];
  }
  /** host bytes -> guest bytes, handling Ctrl-A x / Ctrl-A Ctrl-A */
  filter(data: Uint8Array): number[] {
    const out: number[] = [];
    for (const b of data) {
      if (this.escape) {
        this.escape = false;
        if (b === 0x78) { this.quit?.(); return out; }
        if (b === 0x01) out.push(1);
        continue;
      }
      if (b === 0x01) this.escape = true;
      else out.push(b);
    }
    return out;
  }
}

export async function systemMain(argv: string[]): Promise<void> {
  let code: number;
  try {
    code = await runSystem(argv);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`${e.message}\n`);
      code = e.code;
    } else if (e instanceof MachineError) {
      process.stderr.write(`${PROG}: ${e.message}\n`);
      code = 1;
    } else {
      process.stderr.write(`${PROG}: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}\n`);
      if (process.env.POLYEMU_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
      code = 70;
    }
  }
  process.exit(code);
}

async function runSystem(argv: string[]): Promise<number> {
  const o = parseSystemArgs(argv);
  if (o.help) { process.stdout.write(SYSTEM_HELP); return 0; }
  if (o.version) { process.stdout.write(`${PROG} (polyemu): the RISC-V virt board\n`); return 0; }
  if (o.dumpdtb) {
    writeFileSync(o.dumpdtb, virtFdt({ ramSize: o.ramSize, harts: o.smp, isa: 'rv64imafdc_zicsr_zifencei_zihintpause_sstc', mmu: 'riscv,sv48', bootargs: o.append }));
    return 0;
  }
  const images = {
    bios: bios(o),
    kernel: o.kernel === undefined ? undefined : readImage('kernel', o.kernel),
    initrd: o.initrd === undefined ? undefined : readImage('initrd', o.initrd),
    dtb: o.dtb === undefined ? undefined : readImage('device tree', o.dtb),
  };
  const virtio = () => o.devices.map((d) => {
    if (d.kind === 'rng') return new VirtioRng();
    const drive = o.drives.get(d.drive)!;
    try {
      return new VirtioBlk(drive.file, drive.readonly);
    } catch (e) {
      throw new UserError(`${PROG}: -drive file=${drive.file}: could not open disk image: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
  const con = new Console();
  const stdin = process.stdin;
  let quit = false;
  for (;;) {
    const m = new VirtMachine({ ramSize: o.ramSize, ...images, virtio: virtio(), append: o.append, icount: o.icount, out: (b) => con.write(b), log: new Logger() });
    const onData = (d: Buffer) => { const b = con.filter(d); if (b.length) m.input(Uint8Array.from(b)); };
    con.quit = () => { quit = true; m.power = { kind: 'poweroff', code: 0 }; m.hart.requestExit(); };
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', onData);
    const ev = await m.run();
    stdin.off('data', onData);
    con.flush();
    if (quit) {
      process.stdout.write('QEMU: Terminated\n\r'); // qemu's words, on the console
      break;
    }
    if (ev.kind === 'poweroff') { if (stdin.isTTY) stdin.setRawMode(false); return ev.code; }
    if (o.noReboot) break;
  }
  if (stdin.isTTY) stdin.setRawMode(false);
  return 0;
}
