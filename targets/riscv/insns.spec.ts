/**
 * RV64GC encodings as data: RV64I, M, A, F, D, Zicsr, Zifencei and the C extension.
 * tools/gen-decoder.ts turns this into decoder.generated.ts (`npx tsx tools/gen-decoder.ts`).
 *
 * Compressed encodings map straight onto their base instruction's handler (c.addi -> addi)
 * through formats whose fields extract the same arguments; reserved compressed encodings
 * are explicit `illegal` patterns listed before the instruction they would otherwise match.
 * Encodings come from the RISC-V unprivileged ISA manual (chapters RV32I/RV64I, M, A, F, D,
 * Zicsr, Zifencei, C and the opcode map).
 */
import type { DecoderSpec, FieldSpec, PatternSpec } from '../../tools/gen-decoder.js';

const u = (pos: number, len: number): FieldSpec => ({ parts: [[pos, len]] });

const fields: Record<string, FieldSpec> = {
  // 32-bit formats
  rd: u(7, 5),
  rs1: u(15, 5),
  rs2: u(20, 5),
  rs3: u(27, 5),
  rm: u(12, 3),
  aq: u(26, 1),
  rl: u(25, 1),
  csr: u(20, 12),
  shamt6: u(20, 6),
  shamt5: u(20, 5),
  fm: u(28, 4),
  pred: u(24, 4),
  succ: u(20, 4),
  imm_i: { parts: [[20, 12]], signed: true },
  imm_s: { parts: [[25, 7], [7, 5]], signed: true },
  imm_b: { parts: [[31, 1], [7, 1], [25, 6], [8, 4]], shl: 1, signed: true },
  imm_u: { parts: [[12, 20]], shl: 12, signed: true },
  imm_j: { parts: [[31, 1], [12, 8], [20, 1], [21, 10]], shl: 1, signed: true },

  // 16-bit formats (RVC)
  c_rd: u(7, 5), // rd / rs1 in CR, CI
  c_rs2: u(2, 5),
  c_rdp: { parts: [[2, 3]], expr: 'x + 8' }, // rd' / rs2' (bits 4:2)
  c_rs1p: { parts: [[7, 3]], expr: 'x + 8' }, // rs1' / rd' (bits 9:7)
  c_imm6: { parts: [[12, 1], [2, 5]], signed: true },
  c_uimm6: { parts: [[12, 1], [2, 5]] },
  c_imm_lui: { parts: [[12, 1], [2, 5]], shl: 12, signed: true },
  // nzuimm[5:4|9:6|2|3] in bits 12:5
  c_imm_4spn: { parts: [[7, 4], [11, 2], [5, 1], [6, 1]], shl: 2 },
  // nzimm[9] in 12, nzimm[4|6|8:7|5] in 6:2
  c_imm_16sp: { parts: [[12, 1], [3, 2], [5, 1], [2, 1], [6, 1]], shl: 4, signed: true },
  // uimm[5:3] in 12:10, uimm[7:6] in 6:5
  c_uimm_d: { parts: [[5, 2], [10, 3]], shl: 3 },
  // uimm[5:3] in 12:10, uimm[2|6] in 6:5
  c_uimm_w: { parts: [[5, 1], [10, 3], [6, 1]], shl: 2 },
  // imm[11|4|9:8|10|6|7|3:1|5] in 12:2
  c_imm_j: { parts: [[12, 1], [8, 1], [9, 2], [6, 1], [7, 1], [2, 1], [11, 1], [3, 3]], shl: 1, signed: true },
  // imm[8|4:3] in 12:10, imm[7:6|2:1|5] in 6:2
  c_imm_b: { parts: [[12, 1], [5, 2], [2, 1], [10, 2], [3, 2]], shl: 1, signed: true },
  // uimm[5] in 12, uimm[4:2|7:6] in 6:2
  c_uimm_lwsp: { parts: [[2, 2], [12, 1], [4, 3]], shl: 2 },
  // uimm[5] in 12, uimm[4:3|8:6] in 6:2
  c_uimm_ldsp: { parts: [[2, 3], [12, 1], [5, 2]], shl: 3 },
  // uimm[5:2|7:6] in 12:7
  c_uimm_swsp: { parts: [[7, 2], [9, 4]], shl: 2 },
  // uimm[5:3|8:6] in 12:7
  c_uimm_sdsp: { parts: [[7, 3], [10, 3]], shl: 3 },
};

const k = (v: number) => ({ const: v });

const formats: DecoderSpec['formats'] = {
  none: {},
  r: { rd: 'rd', rs1: 'rs1', rs2: 'rs2' },
  i: { rd: 'rd', rs1: 'rs1', imm: 'imm_i' },
  s: { rs1: 'rs1', rs2: 'rs2', imm: 'imm_s' },
  b: { rs1: 'rs1', rs2: 'rs2', imm: 'imm_b' },
  u: { rd: 'rd', imm: 'imm_u' },
  j: { rd: 'rd', imm: 'imm_j' },
  sh6: { rd: 'rd', rs1: 'rs1', shamt: 'shamt6' },
  sh5: { rd: 'rd', rs1: 'rs1', shamt: 'shamt5' },
  fence: { fm: 'fm', pred: 'pred', succ: 'succ' },
  csr: { rd: 'rd', rs1: 'rs1', csr: 'csr' },
  lr: { rd: 'rd', rs1: 'rs1', aq: 'aq', rl: 'rl' },
  amo: { rd: 'rd', rs1: 'rs1', rs2: 'rs2', aq: 'aq', rl: 'rl' },
  r4_rm: { rd: 'rd', rs1: 'rs1', rs2: 'rs2', rs3: 'rs3', rm: 'rm' },
  r_rm: { rd: 'rd', rs1: 'rs1', rs2: 'rs2', rm: 'rm' },
  r2_rm: { rd: 'rd', rs1: 'rs1', rm: 'rm' },
  r2: { rd: 'rd', rs1: 'rs1' },
  rs12: { rs1: 'rs1', rs2: 'rs2' },

  // RVC, each producing the argument set of its base instruction
  c_4spn: { rd: 'c_rdp', rs1: k(2), imm: 'c_imm_4spn' },
  c_ld: { rd: 'c_rdp', rs1: 'c_rs1p', imm: 'c_uimm_d' },
  c_lw: { rd: 'c_rdp', rs1: 'c_rs1p', imm: 'c_uimm_w' },
  c_sd: { rs1: 'c_rs1p', rs2: 'c_rdp', imm: 'c_uimm_d' },
  c_sw: { rs1: 'c_rs1p', rs2: 'c_rdp', imm: 'c_uimm_w' },
  c_ci: { rd: 'c_rd', rs1: 'c_rd', imm: 'c_imm6' },
  c_li: { rd: 'c_rd', rs1: k(0), imm: 'c_imm6' },
  c_16sp: { rd: 'c_rd', rs1: 'c_rd', imm: 'c_imm_16sp' },
  c_lui: { rd: 'c_rd', imm: 'c_imm_lui' },
  c_shp: { rd: 'c_rs1p', rs1: 'c_rs1p', shamt: 'c_uimm6' },
  c_andi: { rd: 'c_rs1p', rs1: 'c_rs1p', imm: 'c_imm6' },
  c_ca: { rd: 'c_rs1p', rs1: 'c_rs1p', rs2: 'c_rdp' },
  c_j: { rd: k(0), imm: 'c_imm_j' },
  c_b: { rs1: 'c_rs1p', rs2: k(0), imm: 'c_imm_b' },
  c_sh: { rd: 'c_rd', rs1: 'c_rd', shamt: 'c_uimm6' },
  c_ldsp: { rd: 'c_rd', rs1: k(2), imm: 'c_uimm_ldsp' },
  c_lwsp: { rd: 'c_rd', rs1: k(2), imm: 'c_uimm_lwsp' },
  c_jr: { rd: k(0), rs1: 'c_rd', imm: k(0) },
  c_jalr: { rd: k(1), rs1: 'c_rd', imm: k(0) },
  c_mv: { rd: 'c_rd', rs1: k(0), rs2: 'c_rs2' },
  c_add: { rd: 'c_rd', rs1: 'c_rd', rs2: 'c_rs2' },
  c_sdsp: { rs1: k(2), rs2: 'c_rs2', imm: 'c_uimm_sdsp' },
  c_swsp: { rs1: k(2), rs2: 'c_rs2', imm: 'c_uimm_swsp' },
};

// 32-bit bit strings: funct7 rs2 rs1 funct3 rd opcode
const insn32: PatternSpec[] = [
  // RV64I
  ['lui', '.................... ..... 0110111', 'u'],
  ['auipc', '.................... ..... 0010111', 'u'],
  ['jal', '.................... ..... 1101111', 'j'],
  ['jalr', '............ ..... 000 ..... 1100111', 'i'],
  ['beq', '....... ..... ..... 000 ..... 1100011', 'b'],
  ['bne', '....... ..... ..... 001 ..... 1100011', 'b'],
  ['blt', '....... ..... ..... 100 ..... 1100011', 'b'],
  ['bge', '....... ..... ..... 101 ..... 1100011', 'b'],
  ['bltu', '....... ..... ..... 110 ..... 1100011', 'b'],
  ['bgeu', '....... ..... ..... 111 ..... 1100011', 'b'],
  ['lb', '............ ..... 000 ..... 0000011', 'i'],
  ['lh', '............ ..... 001 ..... 0000011', 'i'],
  ['lw', '............ ..... 010 ..... 0000011', 'i'],
  ['ld', '............ ..... 011 ..... 0000011', 'i'],
  ['lbu', '............ ..... 100 ..... 0000011', 'i'],
  ['lhu', '............ ..... 101 ..... 0000011', 'i'],
  ['lwu', '............ ..... 110 ..... 0000011', 'i'],
  ['sb', '....... ..... ..... 000 ..... 0100011', 's'],
  ['sh', '....... ..... ..... 001 ..... 0100011', 's'],
  ['sw', '....... ..... ..... 010 ..... 0100011', 's'],
  ['sd', '....... ..... ..... 011 ..... 0100011', 's'],
  ['addi', '............ ..... 000 ..... 0010011', 'i'],
  ['slti', '............ ..... 010 ..... 0010011', 'i'],
  ['sltiu', '............ ..... 011 ..... 0010011', 'i'],
  ['xori', '............ ..... 100 ..... 0010011', 'i'],
  ['ori', '............ ..... 110 ..... 0010011', 'i'],
  ['andi', '............ ..... 111 ..... 0010011', 'i'],
  ['slli', '000000 ...... ..... 001 ..... 0010011', 'sh6'],
  ['srli', '000000 ...... ..... 101 ..... 0010011', 'sh6'],
  ['srai', '010000 ...... ..... 101 ..... 0010011', 'sh6'],
  ['add', '0000000 ..... ..... 000 ..... 0110011', 'r'],
  ['sub', '0100000 ..... ..... 000 ..... 0110011', 'r'],
  ['sll', '0000000 ..... ..... 001 ..... 0110011', 'r'],
  ['slt', '0000000 ..... ..... 010 ..... 0110011', 'r'],
  ['sltu', '0000000 ..... ..... 011 ..... 0110011', 'r'],
  ['xor', '0000000 ..... ..... 100 ..... 0110011', 'r'],
  ['srl', '0000000 ..... ..... 101 ..... 0110011', 'r'],
  ['sra', '0100000 ..... ..... 101 ..... 0110011', 'r'],
  ['or', '0000000 ..... ..... 110 ..... 0110011', 'r'],
  ['and', '0000000 ..... ..... 111 ..... 0110011', 'r'],
  ['addiw', '............ ..... 000 ..... 0011011', 'i'],
  ['slliw', '0000000 ..... ..... 001 ..... 0011011', 'sh5'],
  ['srliw', '0000000 ..... ..... 101 ..... 0011011', 'sh5'],
  ['sraiw', '0100000 ..... ..... 101 ..... 0011011', 'sh5'],
  ['addw', '0000000 ..... ..... 000 ..... 0111011', 'r'],
  ['subw', '0100000 ..... ..... 000 ..... 0111011', 'r'],
  ['sllw', '0000000 ..... ..... 001 ..... 0111011', 'r'],
  ['srlw', '0000000 ..... ..... 101 ..... 0111011', 'r'],
  ['sraw', '0100000 ..... ..... 101 ..... 0111011', 'r'],
  // fence: fm, pred, succ; rs1/rd are reserved and ignored
  ['fence', '.... .... .... ..... 000 ..... 0001111', 'fence'],
  ['ecall', '000000000000 00000 000 00000 1110011', 'none'],
  ['ebreak', '000000000001 00000 000 00000 1110011', 'none'],
  // privileged (system mode only; illegal in user mode): trap returns, wait, TLB fence
  ['sret', '0001000 00010 00000 000 00000 1110011', 'none'],
  ['mret', '0011000 00010 00000 000 00000 1110011', 'none'],
  ['wfi', '0001000 00101 00000 000 00000 1110011', 'none'],
  ['sfence_vma', '0001001 ..... ..... 000 00000 1110011', 'rs12'],

  // Zifencei (imm, rs1, rd are reserved and ignored)
  ['fence_i', '............ ..... 001 ..... 0001111', 'none'],

  // Zicsr
  ['csrrw', '............ ..... 001 ..... 1110011', 'csr'],
  ['csrrs', '............ ..... 010 ..... 1110011', 'csr'],
  ['csrrc', '............ ..... 011 ..... 1110011', 'csr'],
  ['csrrwi', '............ ..... 101 ..... 1110011', 'csr'],
  ['csrrsi', '............ ..... 110 ..... 1110011', 'csr'],
  ['csrrci', '............ ..... 111 ..... 1110011', 'csr'],

  // M
  ['mul', '0000001 ..... ..... 000 ..... 0110011', 'r'],
  ['mulh', '0000001 ..... ..... 001 ..... 0110011', 'r'],
  ['mulhsu', '0000001 ..... ..... 010 ..... 0110011', 'r'],
  ['mulhu', '0000001 ..... ..... 011 ..... 0110011', 'r'],
  ['div', '0000001 ..... ..... 100 ..... 0110011', 'r'],
  ['divu', '0000001 ..... ..... 101 ..... 0110011', 'r'],
  ['rem', '0000001 ..... ..... 110 ..... 0110011', 'r'],
  ['remu', '0000001 ..... ..... 111 ..... 0110011', 'r'],
  ['mulw', '0000001 ..... ..... 000 ..... 0111011', 'r'],
  ['divw', '0000001 ..... ..... 100 ..... 0111011', 'r'],
  ['divuw', '0000001 ..... ..... 101 ..... 0111011', 'r'],
  ['remw', '0000001 ..... ..... 110 ..... 0111011', 'r'],
  ['remuw', '0000001 ..... ..... 111 ..... 0111011', 'r'],

  // A: funct5 aq rl rs2 rs1 funct3 rd opcode
  ['lr_w', '00010 . . 00000 ..... 010 ..... 0101111', 'lr'],
  ['sc_w', '00011 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amoswap_w', '00001 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amoadd_w', '00000 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amoxor_w', '00100 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amoand_w', '01100 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amoor_w', '01000 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amomin_w', '10000 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amomax_w', '10100 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amominu_w', '11000 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['amomaxu_w', '11100 . . ..... ..... 010 ..... 0101111', 'amo'],
  ['lr_d', '00010 . . 00000 ..... 011 ..... 0101111', 'lr'],
  ['sc_d', '00011 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amoswap_d', '00001 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amoadd_d', '00000 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amoxor_d', '00100 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amoand_d', '01100 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amoor_d', '01000 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amomin_d', '10000 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amomax_d', '10100 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amominu_d', '11000 . . ..... ..... 011 ..... 0101111', 'amo'],
  ['amomaxu_d', '11100 . . ..... ..... 011 ..... 0101111', 'amo'],

  // F and D loads/stores
  ['flw', '............ ..... 010 ..... 0000111', 'i'],
  ['fld', '............ ..... 011 ..... 0000111', 'i'],
  ['fsw', '....... ..... ..... 010 ..... 0100111', 's'],
  ['fsd', '....... ..... ..... 011 ..... 0100111', 's'],
];

/** F and D computational instructions: funct7 (fmt in its low 2 bits) / rs2 / funct3 per mnemonic. */
function fpPatterns(): PatternSpec[] {
  const out: PatternSpec[] = [];
  const fmts: Array<[string, string]> = [['s', '00'], ['d', '01']];
  for (const [x, f] of fmts) {
    out.push(
      [`fmadd_${x}`, `..... ${f} ..... ..... ... ..... 1000011`, 'r4_rm'],
      [`fmsub_${x}`, `..... ${f} ..... ..... ... ..... 1000111`, 'r4_rm'],
      [`fnmsub_${x}`, `..... ${f} ..... ..... ... ..... 1001011`, 'r4_rm'],
      [`fnmadd_${x}`, `..... ${f} ..... ..... ... ..... 1001111`, 'r4_rm'],
      [`fadd_${x}`, `00000${f} ..... ..... ... ..... 1010011`, 'r_rm'],
      [`fsub_${x}`, `00001${f} ..... ..... ... ..... 1010011`, 'r_rm'],
      [`fmul_${x}`, `00010${f} ..... ..... ... ..... 1010011`, 'r_rm'],
      [`fdiv_${x}`, `00011${f} ..... ..... ... ..... 1010011`, 'r_rm'],
      [`fsqrt_${x}`, `01011${f} 00000 ..... ... ..... 1010011`, 'r2_rm'],
      [`fsgnj_${x}`, `00100${f} ..... ..... 000 ..... 1010011`, 'r'],
      [`fsgnjn_${x}`, `00100${f} ..... ..... 001 ..... 1010011`, 'r'],
      [`fsgnjx_${x}`, `00100${f} ..... ..... 010 ..... 1010011`, 'r'],
      [`fmin_${x}`, `00101${f} ..... ..... 000 ..... 1010011`, 'r'],
      [`fmax_${x}`, `00101${f} ..... ..... 001 ..... 1010011`, 'r'],
      [`feq_${x}`, `10100${f} ..... ..... 010 ..... 1010011`, 'r'],
      [`flt_${x}`, `10100${f} ..... ..... 001 ..... 1010011`, 'r'],
      [`fle_${x}`, `10100${f} ..... ..... 000 ..... 1010011`, 'r'],
      [`fclass_${x}`, `11100${f} 00000 ..... 001 ..... 1010011`, 'r2'],
      [`fcvt_w_${x}`, `11000${f} 00000 ..... ... ..... 1010011`, 'r2_rm'],
      [`fcvt_wu_${x}`, `11000${f} 00001 ..... ... ..... 1010011`, 'r2_rm'],
      [`fcvt_l_${x}`, `11000${f} 00010 ..... ... ..... 1010011`, 'r2_rm'],
      [`fcvt_lu_${x}`, `11000${f} 00011 ..... ... ..... 1010011`, 'r2_rm'],
      [`fcvt_${x}_w`, `11010${f} 00000 ..... ... ..... 1010011`, 'r2_rm'],
      [`fcvt_${x}_wu`, `11010${f} 00001 ..... ... ..... 1010011`, 'r2_rm'],
      [`fcvt_${x}_l`, `11010${f} 00010 ..... ... ..... 1010011`, 'r2_rm'],
      [`fcvt_${x}_lu`, `11010${f} 00011 ..... ... ..... 1010011`, 'r2_rm'],
    );
  }
  out.push(
    ['fcvt_s_d', '0100000 00001 ..... ... ..... 1010011', 'r2_rm'],
    ['fcvt_d_s', '0100001 00000 ..... ... ..... 1010011', 'r2_rm'],
    ['fmv_x_w', '1110000 00000 ..... 000 ..... 1010011', 'r2'],
    ['fmv_w_x', '1111000 00000 ..... 000 ..... 1010011', 'r2'],
    ['fmv_x_d', '1110001 00000 ..... 000 ..... 1010011', 'r2'],
    ['fmv_d_x', '1111001 00000 ..... 000 ..... 1010011', 'r2'],
  );
  return out;
}

// 16-bit bit strings: funct3 (15:13), then the rest down to the quadrant (1:0)
const insn16: PatternSpec[] = [
  // quadrant 0
  ['c_illegal_4spn', '000 00000000 ... 00', 'none', 'illegal'], // includes the all-zero insn
  ['c_addi4spn', '000 ........ ... 00', 'c_4spn', 'addi'],
  ['c_fld', '001 ... ... .. ... 00', 'c_ld', 'fld'],
  ['c_lw', '010 ... ... .. ... 00', 'c_lw', 'lw'],
  ['c_ld', '011 ... ... .. ... 00', 'c_ld', 'ld'],
  ['c_fsd', '101 ... ... .. ... 00', 'c_sd', 'fsd'],
  ['c_sw', '110 ... ... .. ... 00', 'c_sw', 'sw'],
  ['c_sd', '111 ... ... .. ... 00', 'c_sd', 'sd'],
  // quadrant 1
  ['c_addi', '000 . ..... ..... 01', 'c_ci', 'addi'], // rd=0: c.nop / hints
  ['c_illegal_addiw', '001 . 00000 ..... 01', 'none', 'illegal'],
  ['c_addiw', '001 . ..... ..... 01', 'c_ci', 'addiw'],
  ['c_li', '010 . ..... ..... 01', 'c_li', 'addi'],
  ['c_illegal_16sp', '011 0 00010 00000 01', 'none', 'illegal'],
  ['c_addi16sp', '011 . 00010 ..... 01', 'c_16sp', 'addi'],
  ['c_illegal_lui', '011 0 ..... 00000 01', 'none', 'illegal'],
  ['c_lui', '011 . ..... ..... 01', 'c_lui', 'lui'],
  ['c_srli', '100 . 00 ... ..... 01', 'c_shp', 'srli'],
  ['c_srai', '100 . 01 ... ..... 01', 'c_shp', 'srai'],
  ['c_andi', '100 . 10 ... ..... 01', 'c_andi', 'andi'],
  ['c_sub', '100 0 11 ... 00 ... 01', 'c_ca', 'sub'],
  ['c_xor', '100 0 11 ... 01 ... 01', 'c_ca', 'xor'],
  ['c_or', '100 0 11 ... 10 ... 01', 'c_ca', 'or'],
  ['c_and', '100 0 11 ... 11 ... 01', 'c_ca', 'and'],
  ['c_subw', '100 1 11 ... 00 ... 01', 'c_ca', 'subw'],
  ['c_addw', '100 1 11 ... 01 ... 01', 'c_ca', 'addw'],
  ['c_j', '101 ........... 01', 'c_j', 'jal'],
  ['c_beqz', '110 ... ... ..... 01', 'c_b', 'beq'],
  ['c_bnez', '111 ... ... ..... 01', 'c_b', 'bne'],
  // quadrant 2
  ['c_slli', '000 . ..... ..... 10', 'c_sh', 'slli'],
  ['c_fldsp', '001 . ..... ..... 10', 'c_ldsp', 'fld'],
  ['c_illegal_lwsp', '010 . 00000 ..... 10', 'none', 'illegal'],
  ['c_lwsp', '010 . ..... ..... 10', 'c_lwsp', 'lw'],
  ['c_illegal_ldsp', '011 . 00000 ..... 10', 'none', 'illegal'],
  ['c_ldsp', '011 . ..... ..... 10', 'c_ldsp', 'ld'],
  ['c_illegal_jr', '100 0 00000 00000 10', 'none', 'illegal'],
  ['c_jr', '100 0 ..... 00000 10', 'c_jr', 'jalr'],
  ['c_mv', '100 0 ..... ..... 10', 'c_mv', 'add'],
  ['c_ebreak', '100 1 00000 00000 10', 'none', 'ebreak'],
  ['c_jalr', '100 1 ..... 00000 10', 'c_jalr', 'jalr'],
  ['c_add', '100 1 ..... ..... 10', 'c_add', 'add'],
  ['c_fsdsp', '101 ...... ..... 10', 'c_sdsp', 'fsd'],
  ['c_swsp', '110 ...... ..... 10', 'c_swsp', 'sw'],
  ['c_sdsp', '111 ...... ..... 10', 'c_sdsp', 'sd'],
];

export const spec: DecoderSpec = {
  isa: 'RV64GC',
  output: 'decoder.generated.ts',
  fields,
  formats,
  decoders: [
    { name: 'decode32', width: 32, patterns: [...insn32, ...fpPatterns()] },
    { name: 'decode16', width: 16, patterns: insn16 },
  ],
};
