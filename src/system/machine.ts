/**
 * A RISC-V `virt` machine: the board's devices on the physical bus, one hart on the core's
 * Engine with the software MMU as its memory, and the run loop that turns the core's
 * exceptions into traps, delivers interrupts between slices, keeps time (the host clock, or
 * the instruction count under -icount) and sleeps in wfi.
 */
import { Engine } from '../core/engine/engine.js';
import type { ExecContext } from '../core/engine/context.js';
import { ExitKind } from '../core/ir.js';
import type { Logger } from '../core/log/log.js';
import { IRQ, exceptionTrap, pendingInterrupt, riscv64SysIsa, takeTrap, type RiscvHart } from '../../targets/riscv/priv/index.js';
import { Bus } from './bus.js';
import { NEXT_MODE_S, bootRom, elfImage, fdtAddress, kernelAddress, rawImage, type Image } from './boot.js';
import { Clint } from './devices/clint.js';
import { GoldfishRtc, SifiveTest, VirtioMmioEmpty, type PowerEvent } from './devices/misc.js';
import { Plic } from './devices/plic.js';
import { Uart16550 } from './devices/uart16550.js';
import { SoftMmu } from './softmmu.js';
import { VirtioMmio, type VirtioDevice } from './virtio/mmio.js';
import { VIRT, virtFdt } from './virt.js';

export interface MachineConfig {
  ramSize: number;
  /** firmware image (OpenSBI fw_dynamic.bin), loaded at the start of RAM; undefined: -bios none */
  bios?: Uint8Array;
  kernel?: Uint8Array;
  initrd?: Uint8Array;
  append?: string;
  /** a device tree to use instead of the generated one */
  dtb?: Uint8Array;
  /** virtio devices, in -device order: the first takes the highest virtio-mmio slot, as in qemu */
  virtio?: VirtioDevice[];
  /** -icount shift: time advances 2^shift ns per instruction (undefined: the host clock) */
  icount?: number;
  /** bytes the UART sends */
  out(bytes: Uint8Array): void;
  log: Logger;
}

/** the riscv,isa string of the device tree: what the hart implements */
const ISA_STRING = 'rv64imafdc_zicsr_zifencei_zihintpause_sstc';
/** blocks between interrupt and timer checks */
const SLICE = 20_000;

export class VirtMachine {
  readonly bus: Bus;
  readonly mmu: SoftMmu;
  readonly hart: RiscvHart;
  readonly engine: Engine;
  readonly uart: Uart16550;
  readonly clint: Clint;
  readonly plic: Plic;
  /** set by the test device: the machine stops */
  power?: PowerEvent;
  private readonly t0 = process.hrtime.bigint();
  /** -icount: ticks added while the hart slept (time jumps to the next deadline) */
  private idleTicks = 0n;
  private wake?: () => void;

  constructor(private readonly cfg: MachineConfig) {
    this.bus = new Bus([VIRT.mrom.base, VIRT.mrom.size], [VIRT.dram.base, cfg.ramSize]);
    this.mmu = new SoftMmu(this.bus);
    const isa = riscv64SysIsa();
    const hart = (this.hart = isa.createCpu(this.mmu) as RiscvHart);
    this.mmu.attach(hart);
    hart.board = {
      time: () => this.mtime(),
      flushTlb: () => this.mmu.flush(),
      fence: () => {
        this.mmu.flush();
        // code translated through page tables may be stale now (keyed by virtual pc)
        if (hart.paging || this.pagedCode) {
          this.engine.cache.clear();
          this.mmu.clearCode();
          this.pagedCode = hart.paging === 1;
        }
      },
      wfi: () => {},
    };
    const ctx: ExecContext = { isa, cpu: hart, mem: this.mmu, log: cfg.log };
    this.engine = new Engine(ctx, { slice: SLICE });

    this.plic = new Plic(VIRT.plic.sources + 1, [(on) => hart.setIrq(IRQ.MEI, on), (on) => hart.setIrq(IRQ.SEI, on)]);
    this.clint = new Clint([{ msip: (on) => hart.setIrq(IRQ.MSI, on), mtip: (on) => hart.setIrq(IRQ.MTI, on) }], () => this.mtime());
    this.uart = new Uart16550((b) => cfg.out(Uint8Array.of(b)), (on) => this.plic.set(VIRT.uart0.irq, on));
    const bus = this.bus;
    bus.map(VIRT.test.base, VIRT.test.size, new SifiveTest((e) => { this.power = e; hart.requestExit(); }), 'test');
    bus.map(VIRT.rtc.base, VIRT.rtc.size, new GoldfishRtc(() => BigInt(Date.now()) * 1_000_000n), 'rtc');
    bus.map(VIRT.clint.base, VIRT.clint.size, this.clint, 'clint');
    bus.map(VIRT.plic.base, VIRT.plic.size, this.plic, 'plic');
    bus.map(VIRT.uart0.base, VIRT.uart0.size, this.uart, 'uart0');
    const virtio = cfg.virtio ?? [];
    if (virtio.length > VIRT.virtio.count) throw new MachineError(`${virtio.length} virtio devices: the board has ${VIRT.virtio.count} slots`);
    for (let i = 0; i < VIRT.virtio.count; i++) {
      const dev = virtio[VIRT.virtio.count - 1 - i];
      const irq = VIRT.virtio.irq + i;
      bus.map(VIRT.virtio.base + i * VIRT.virtio.size, VIRT.virtio.size,
        dev ? new VirtioMmio(bus, dev, (on) => this.plic.set(irq, on)) : new VirtioMmioEmpty(), `virtio${i}`);
    }
    this.boot();
  }

  /** code was translated while paging was on (a fence must drop it) */
  private pagedCode = false;

  /** Load firmware, kernel, initrd and device tree, and point the hart at the reset vector. */
  private boot(): void {
    const { cfg, bus } = this;
    const ram = VIRT.dram.base;
    let firmwareEnd = ram;
    if (cfg.bios) {
      this.place('bios', rawImage(cfg.bios, ram));
      firmwareEnd = ram + cfg.bios.length;
    }
    let kernel: Image | undefined;
    if (cfg.kernel) {
      kernel = elfImage(cfg.kernel) ?? rawImage(cfg.kernel, cfg.bios ? kernelAddress(firmwareEnd) : ram);
      this.place('kernel', kernel);
    }
    let initrd: { start: number; end: number } | undefined;
    if (cfg.initrd) {
      // as qemu: half the RAM (at most 128 MiB) above the kernel's entry, clear of the kernel
      // once it uncompresses itself
      const start = (kernel?.entry ?? ram) + Math.min(cfg.ramSize / 2, 128 * 1024 * 1024);
      this.place('initrd', rawImage(cfg.initrd, start));
      initrd = { start, end: start + cfg.initrd.length };
    }
    const fdt = cfg.dtb ?? virtFdt({ ramSize: cfg.ramSize, harts: 1, isa: ISA_STRING, mmu: 'riscv,sv48', bootargs: cfg.append, initrd });
    const fdtAddr = fdtAddress(cfg.ramSize, fdt.length);
    this.place('dtb', rawImage(fdt, fdtAddr));
    const entry = cfg.bios ? ram : kernel?.entry ?? ram;
    bus.load(VIRT.mrom.base, bootRom(entry, fdtAddr, kernel?.entry ?? 0, NEXT_MODE_S));
    this.hart.pc = VIRT.mrom.base;
  }

  private place(what: string, img: Image): void {
    for (const s of img.segments) {
      if (!this.bus.load(s.addr, s.data)) {
        throw new MachineError(`${what} image does not fit in RAM at 0x${s.addr.toString(16)} (${s.data.length} bytes; see -m)`);
      }
    }
  }

  /** mtime: ticks of the 10 MHz timebase since power-on */
  mtime(): bigint {
    if (this.cfg.icount !== undefined) return ((BigInt(this.hart.icount) << BigInt(this.cfg.icount)) / 100n) + this.idleTicks;
    return (process.hrtime.bigint() - this.t0) / 100n;
  }

  /** bytes typed on the console */
  input(bytes: Uint8Array): void {
    this.uart.input(bytes);
    this.wake?.();
  }

  /** Run until the guest powers off or resets; the power event. */
  async run(): Promise<PowerEvent> {
    const { hart, engine } = this;
    let lastYield = Date.now();
    while (this.power === undefined) {
      this.tick();
      if (hart.waiting) {
        if ((hart.mip & hart.mie) === 0n) {
          await this.idle();
          continue;
        }
        hart.waiting = false;
      }
      const irq = pendingInterrupt(hart);
      if (irq >= 0) takeTrap(hart, irq, true, 0n, hart.pc);
      const kind = engine.runSlice();
      if (kind === ExitKind.Exception && this.power === undefined) exceptionTrap(hart);
      if (Date.now() - lastYield >= 20) {
        await new Promise((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
    return this.power;
  }

  /** timers: the CLINT's compare and, with Sstc enabled, stimecmp */
  private tick(): void {
    const now = this.mtime();
    this.clint.update(now);
    const h = this.hart;
    if (h.menvcfg >> 63n) h.setIrq(IRQ.STI, now >= h.stimecmp);
    else if (h.mipHw & (1n << BigInt(IRQ.STI))) h.setIrq(IRQ.STI, false);
  }

  /** the hart waits: until the next timer deadline, or input */
  private async idle(): Promise<void> {
    const h = this.hart;
    let next = this.clint.mtimecmp[0];
    if (h.menvcfg >> 63n && h.stimecmp < next) next = h.stimecmp;
    const now = this.mtime();
    const never = next === (1n << 64n) - 1n;
    if (this.cfg.icount !== undefined && !never) {
      this.idleTicks += next > now ? next - now : 0n;
      return;
    }
    const ms = never ? 100 : Math.max(0, Math.min(100, Number((next - now) / 10_000n)));
    await new Promise<void>((r) => {
      const t = setTimeout(() => { this.wake = undefined; r(); }, ms);
      this.wake = () => { clearTimeout(t); this.wake = undefined; r(); };
    });
  }
}

/** A configuration the machine cannot run (an image that does not fit...): one line for the user. */
export class MachineError extends Error {}
