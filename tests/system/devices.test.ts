/**
 * The virt board's devices at their registers: the 16550 UART (transmit, receive FIFO, line
 * status, interrupt identification), the CLINT (mtime, mtimecmp -> timer interrupt, msip), the
 * PLIC (priority, enable, threshold, claim/complete of a level-triggered source) and the SiFive
 * test device.
 */
import { describe, expect, it } from 'vitest';
import { Clint } from '../../src/system/devices/clint.js';
import { SifiveTest, VirtioMmioEmpty, type PowerEvent } from '../../src/system/devices/misc.js';
import { Plic } from '../../src/system/devices/plic.js';
import { Uart16550 } from '../../src/system/devices/uart16550.js';

describe('ns16550a', () => {
  it('sends THR bytes, queues input, reports it in LSR and IIR, raises its line while enabled', () => {
    const out: number[] = [];
    let irq = false;
    const u = new Uart16550((b) => out.push(b), (on) => { irq = on; });
    u.write(0, 1, 0x41);
    expect(out).toEqual([0x41]);
    expect(u.read(5, 1) & 0x61).toBe(0x60); // THRE | TEMT, no data
    u.input([0x61, 0x62]);
    expect(irq).toBe(false); // interrupts not enabled
    u.write(1, 1, 1); // IER: received data
    expect(irq).toBe(true);
    expect(u.read(2, 1) & 0x0f).toBe(0x04);
    expect([u.read(5, 1) & 1, u.read(0, 1), u.read(0, 1), u.read(5, 1) & 1]).toEqual([1, 0x61, 0x62, 0]);
    expect(irq).toBe(false);
    expect(u.read(2, 1) & 0x0f).toBe(0x01); // none pending
    // the divisor latch hides THR/IER while DLAB is set
    u.write(3, 1, 0x80);
    u.write(0, 1, 0x0c);
    expect([out.length, u.read(0, 1)]).toEqual([1, 0x0c]);
  });
});

describe('CLINT', () => {
  it('raises the timer interrupt when mtime reaches mtimecmp, and msip', () => {
    let now = 100n;
    const lines = { msip: false, mtip: false };
    const c = new Clint([{ msip: (on) => { lines.msip = on; }, mtip: (on) => { lines.mtip = on; } }], () => now);
    expect([c.read(0xbff8, 4), c.read(0xbffc, 4)]).toEqual([100, 0]);
    c.write(0x4000, 4, 150);
    c.write(0x4004, 4, 0);
    expect(lines.mtip).toBe(false);
    now = 150n;
    c.update();
    expect(lines.mtip).toBe(true);
    c.write(0x4000, 4, 0xffffffff);
    expect(lines.mtip).toBe(false);
    c.write(0, 4, 1);
    expect([lines.msip, c.read(0, 4)]).toEqual([true, 1]);
  });
});

describe('PLIC', () => {
  it('delivers an enabled source above the threshold; claim, complete, and a line still high pends again', () => {
    const ctx = [false, false];
    const p = new Plic(97, [(on) => { ctx[0] = on; }, (on) => { ctx[1] = on; }]);
    p.set(10, true);
    expect(ctx).toEqual([false, false]); // priority 0 never interrupts
    p.write(10 * 4, 4, 1);
    p.write(0x2080, 4, 1 << 10); // context 1 (S mode) enables source 10
    expect(ctx).toEqual([false, true]);
    expect(p.read(0x1000, 4)).toBe(1 << 10);
    p.write(0x201000, 4, 1); // threshold 1 masks priority 1
    expect(ctx[1]).toBe(false);
    p.write(0x201000, 4, 0);
    expect(p.read(0x201004, 4)).toBe(10);
    expect([ctx[1], p.read(0x201004, 4)]).toEqual([false, 0]); // claimed: nothing more
    p.write(0x201004, 4, 10); // complete while the line is still high
    expect(ctx[1]).toBe(true);
    p.set(10, false);
    expect(ctx[1]).toBe(false);
  });
});

describe('SiFive test device and virtio-mmio slots', () => {
  it('power-off, exit with a code, reset', () => {
    const ev: PowerEvent[] = [];
    const t = new SifiveTest((e) => ev.push(e));
    t.write(0, 4, 0x5555);
    t.write(0, 4, (3 << 16) | 0x3333);
    t.write(0, 4, 0x7777);
    expect(ev).toEqual([{ kind: 'poweroff', code: 0 }, { kind: 'poweroff', code: 3 }, { kind: 'reset' }]);
  });
  it('an empty slot answers the magic, version 2 and device id 0', () => {
    const v = new VirtioMmioEmpty();
    expect([v.read(0), v.read(4), v.read(8)]).toEqual([0x74726976, 2, 0]);
  });
});

describe('the machine\'s clock', () => {
  it('-icount: mtime follows the instruction count (2^shift ns each, 10 MHz ticks), not the host clock', async () => {
    const { VirtMachine } = await import('../../src/system/machine.js');
    const { Logger } = await import('../../src/core/log/log.js');
    const m = new VirtMachine({ ramSize: 1 << 20, icount: 3, out: () => {}, log: new Logger() });
    m.hart.icount = 1000;
    expect(m.mtime()).toBe(80n); // 1000 × 8 ns = 8 µs = 80 ticks
    await new Promise((r) => setTimeout(r, 20));
    expect(m.mtime()).toBe(80n);
  });
});
