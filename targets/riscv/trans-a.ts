/**
 * A extension translation: LR/SC and every AMO is one helper call (helpers-a.ts, rv_<name>) taking the
 * address as i32 (guest addresses are the low 32 bits) and returning the old value.
 * The W forms pass and return i32 and the result is sign-extended here.
 */
import type { Args_aq_rd_rl_rs1, Args_aq_rd_rl_rs1_rs2, TransTable } from './decoder.generated.js';
import type { RvCtx } from './ctx.js';

type C = RvCtx;

function lr(name: 'lr_w' | 'lr_d') {
  return (c: C, a: Args_aq_rd_rl_rs1): boolean => {
    if (name === 'lr_w') c.setX32(a.rd, c.call(`rv_${name}`, 'i32', [c.x32(a.rs1)]));
    else c.setX(a.rd, c.call(`rv_${name}`, 'i64', [c.x32(a.rs1)]));
    return true;
  };
}

/** sc_* and amo*: (addr, value) -> old value (sc: 0 on success, 1 on failure) */
function amo(name: string, wide: boolean, scResult = false) {
  return (c: C, a: Args_aq_rd_rl_rs1_rs2): boolean => {
    const addr = c.x32(a.rs1);
    if (wide && !scResult) {
      c.setX(a.rd, c.call(`rv_${name}`, 'i64', [addr, c.x(a.rs2)]));
    } else {
      c.setX32(a.rd, c.call(`rv_${name}`, 'i32', [addr, wide ? c.x(a.rs2) : c.x32(a.rs2)]));
    }
    return true;
  };
}

export const transA = {
  lr_w: lr('lr_w'),
  lr_d: lr('lr_d'),
  sc_w: amo('sc_w', false, true),
  sc_d: amo('sc_d', true, true),
  amoswap_w: amo('amoswap_w', false),
  amoadd_w: amo('amoadd_w', false),
  amoxor_w: amo('amoxor_w', false),
  amoand_w: amo('amoand_w', false),
  amoor_w: amo('amoor_w', false),
  amomin_w: amo('amomin_w', false),
  amomax_w: amo('amomax_w', false),
  amominu_w: amo('amominu_w', false),
  amomaxu_w: amo('amomaxu_w', false),
  amoswap_d: amo('amoswap_d', true),
  amoadd_d: amo('amoadd_d', true),
  amoxor_d: amo('amoxor_d', true),
  amoand_d: amo('amoand_d', true),
  amoor_d: amo('amoor_d', true),
  amomin_d: amo('amomin_d', true),
  amomax_d: amo('amomax_d', true),
  amominu_d: amo('amominu_d', true),
  amomaxu_d: amo('amomaxu_d', true),
} satisfies Partial<TransTable<RvCtx>>;
