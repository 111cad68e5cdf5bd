/**
 * A 16550A UART (the `ns16550a` of qemu's virt board): the transmit holding register sends
 * each byte to `out` at once (the line status always says the transmitter is empty), bytes
 * pushed with `input()` wait in a receive FIFO, and the interrupt line follows IER/IIR
 * (received data available, transmitter empty). Divisor latch, FIFO control, modem
 * registers and the scratch register hold what is written; the baud rate means nothing here.
 */
import type { MmioDevice } from '../bus.js';

const LSR_DR = 0x01, LSR_THRE = 0x20, LSR_TEMT = 0x40;
const IER_RDI = 0x01, IER_THRI = 0x02;

export class Uart16550 implements MmioDevice {
  private ier = 0;
  private lcr = 0;
  private mcr = 0;
  private scr = 0;
  private fcr = 0;
  private dll = 0;
  private dlm = 0;
  private readonly rx: number[] = [];
  /** a THR-empty interrupt is due (set by a write to THR or enabling it; cleared by reading IIR) */
  private thrIrq = false;

  constructor(private readonly out: (byte: number) => void, private readonly irq: (on: boolean) => void) {}

  /** bytes typed on the host's terminal */
  input(bytes: Iterable<number>): void {
    for (const b of bytes) this.rx.push(b & 0xff);
    this.update();
  }

  read(off: number, _size?: number): number {
    const dlab = (this.lcr & 0x80) !== 0;
    switch (off) {
      case 0: {
        if (dlab) return this.dll;
        const b = this.rx.shift() ?? 0;
        this.update();
        return b;
      }
      case 1: return dlab ? this.dlm : this.ier;
      case 2: {
        const fifo = this.fcr & 1 ? 0xc0 : 0;
        let id = 1;
        if (this.ier & IER_RDI && this.rx.length > 0) id = 0x04;
        else if (this.ier & IER_THRI && this.thrIrq) { id = 0x02; this.thrIrq = false; }
        this.update();
        return fifo | id;
      }
      case 3: return this.lcr;
      case 4: return this.mcr;
      case 5: return LSR_THRE | LSR_TEMT | (this.rx.length > 0 ? LSR_DR : 0);
      case 6: return 0xb0; // DCD, DSR, CTS
      case 7: return this.scr;
      default: return 0;
    }
  }

  write(off: number, _size: number, v: number): void {
    v &= 0xff;
    const dlab = (this.lcr & 0x80) !== 0;
    switch (off) {
      case 0:
        if (dlab) this.dll = v;
        else { this.out(v); this.thrIrq = true; }
        break;
      case 1:
        if (dlab) this.dlm = v;
        else { if (v & IER_THRI && !(this.ier & IER_THRI)) this.thrIrq = true; this.ier = v & 0x0f; }
        break;
      case 2:
        this.fcr = v & 0xc9;
        if (v & 2) this.rx.length = 0;
        break;
      case 3: this.lcr = v; break;
      case 4: this.mcr = v & 0x1f; break;
      case 7: this.scr = v; break;
      default: break;
    }
    this.update();
  }

  private update(): void {
    this.irq((this.ier & IER_RDI) !== 0 && this.rx.length > 0 || ((this.ier & IER_THRI) !== 0 && this.thrIrq));
  }
}
