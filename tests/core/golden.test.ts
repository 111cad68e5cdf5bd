/**
 * Golden snapshots of the IR and the generated JavaScript for a few real RISC-V blocks, so a
 * change in a frontend or in the backend's code generation is visible in review. The blocks
 * were assembled from this source with riscv64-linux-gnu-as -march=rv64gc:
 *   loop: addi a0,a0,-1; add a1,a1,a0; slli a2,a1,3; bnez a0,loop
 *   mem:  ld t0,8(sp); sw t0,16(a0); lbu t1,3(a1); sd t1,0(a2); jalr ra
 *   div:  mulw a0,a1,a2; divu a3,a4,a5; remw a4,a4,a5; ret
 *   fp:   fld fa0,0(a0); fadd.d fa1,fa0,fa0; fcvt.l.d a1,fa1,rtz; ecall
 * Update them deliberately with `npx vitest run tests/core/golden.test.ts -u`.
 */
import { describe, expect, it } from 'vitest';
import { formatIr } from '../../src/core/ir.js';
import { Memory, PROT_R, PROT_X } from '../../src/core/memory/flat.js';
import { translateBlock } from '../../src/core/engine/translate.js';
import { generateRegionSource } from '../../src/core/backend/region.js';
import { riscv64Isa } from '../../targets/riscv/index.js';

const CODE = '7d15aa951396350065fda2622328550003c335002330660082903b85c502b356f7023b67f70282800821d375a502d39525c273000000';
const BASE = 0x10000;
const BLOCKS: Record<string, number> = { loop: 0x0, mem: 0xa, div: 0x1a, fp: 0x28 };

describe('golden IR and JS for RISC-V blocks', () => {
  const mem = new Memory();
  mem.map(BASE, 0x1000, PROT_R | PROT_X);
  mem.poke(BASE, Buffer.from(CODE, 'hex'));
  for (const [name, off] of Object.entries(BLOCKS)) {
    it(name, async () => {
      const b = translateBlock(riscv64Isa, mem, BASE + off, 64, true);
      const ir = `${b.asm.join('\n')}\n\n${formatIr(b)}\n`;
      await expect(ir).toMatchFileSnapshot(`golden/${name}.ir.txt`);
      const tier1 = generateRegionSource([b], b.pc, riscv64Isa.regs, mem, false).source;
      const tier2 = generateRegionSource([b], b.pc, riscv64Isa.regs, mem, true).source;
      await expect(`// tier 1 (registers in cpu.r)\n${tier1}\n\n// tier 2 (registers in locals)\n${tier2}\n`)
        .toMatchFileSnapshot(`golden/${name}.js.txt`);
    });
  }
});
