/**
 * The binfmt_misc interpreter: a tiny static ELF for the host CPU, built here byte by byte.
 *
 * Why native: with the O (and C) flag the kernel refuses a script as interpreter (ENOEXEC:
 * only one level of interpreter may follow an open-binary handover), and the kernel's hints —
 * AT_FLAGS (bit 0: argv[0] preserved, Linux >= 5.12) and AT_EXECFD (the open program) — are
 * in the auxiliary vector of the interpreter's own process, which `#!/usr/bin/env node` loses
 * at env's execve. The launcher reads them and execs Node:
 *
 *   NODE ENTRY binfmt --exec=<P|-><AT_FLAGS>,<AT_EXECFD> <the kernel's argv...>
 *
 * where the kernel's argv is: launcher path, program path, [original argv[0] with P], args.
 * <P|-> is the P flag the launcher was written for: kernels before 5.12 have no AT_FLAGS
 * bit, so polyemu falls back on it there (src/linux/binfmt/interpreter.ts). AT_EXECFD is empty when
 * absent (no O flag). On failure it prints one line and exits 127.
 */

/** Node and polyemu paths baked into the launcher. */
export interface LauncherSpec {
  /** absolute path of the node binary */
  node: string;
  /** absolute path of polyemu's bin/polyemu */
  entry: string;
  /** written for a registration with the P flag */
  preserveArgv0: boolean;
}

const BASE = 0x400000;
const EHDR = 64;
const PHDR = 56;
const HEADERS = EHDR + 2 * PHDR;

type FixupKind = 'rel8' | 'rel32' | 'abs32' | 'a64b26' | 'a64b19' | 'a64adr' | 'a64imm16';

/**
 * Byte emitter with labels. Fixups: x86 rel8/rel32 jumps and abs32 addresses; A64 branch
 * (b26, b19), adr and 16-bit immediate fields, patched into the instruction word at `at`.
 */
class Asm {
  bytes: number[] = [];
  labels = new Map<string, number>();
  fixups: Array<{ at: number; kind: FixupKind; name: string; end: number }> = [];
  b(...xs: number[]): this {
    this.bytes.push(...xs);
    return this;
  }
  label(name: string): this {
    this.labels.set(name, this.bytes.length);
    return this;
  }
  /** opcode bytes then a rel8 to `name` */
  rel8(op: number[], name: string): this {
    this.b(...op);
    this.fixups.push({ at: this.bytes.length, kind: 'rel8', name, end: this.bytes.length + 1 });
    return this.b(0);
  }
  rel32(op: number[], name: string): this {
    this.b(...op);
    this.fixups.push({ at: this.bytes.length, kind: 'rel32', name, end: this.bytes.length + 4 });
    return this.b(0, 0, 0, 0);
  }
  /** opcode bytes then the 32-bit absolute address of data symbol `name` */
  abs32(op: number[], name: string): this {
    this.b(...op);
    this.fixups.push({ at: this.bytes.length, kind: 'abs32', name, end: 0 });
    return this.b(0, 0, 0, 0);
  }
  /** A64 instruction words (little-endian) */
  w(...words: number[]): this {
    for (const x of words) this.b(...u32(x));
    return this;
  }
  /** an A64 word whose immediate field `kind` refers to `name` */
  wf(word: number, kind: FixupKind, name: string): this {
    this.fixups.push({ at: this.bytes.length, kind, name, end: 0 });
    return this.w(word);
  }
}

const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const bytesOf = (s: string) => [...Buffer.from(s, 'latin1')];

/** x86-64 code: registers rbx=&argc r12=argc r13=argv r14=envp r8=AT_FLAGS r9=AT_EXECFD r15=mode. */
function x86Code(modePrefix: number[]): Asm {
  const a = new Asm();
  a.b(0x48, 0x89, 0xe3) // mov rbx, rsp
    .b(0x4c, 0x8b, 0x23) // mov r12, [rbx]
    .b(0x4c, 0x8d, 0x6b, 0x08) // lea r13, [rbx+8]
    .b(0x4b, 0x8d, 0x74, 0xe5, 0x08) // lea rsi, [r13+r12*8+8]
    .b(0x49, 0x89, 0xf6) // mov r14, rsi
    .label('env').b(0x48, 0xad) // lodsq
    .b(0x48, 0x85, 0xc0) // test rax, rax
    .rel8([0x75], 'env') // jnz env
    .b(0x45, 0x31, 0xc0) // xor r8d, r8d
    .b(0x49, 0xc7, 0xc1, 0xff, 0xff, 0xff, 0xff) // mov r9, -1
    .label('aux').b(0x48, 0xad) // lodsq (type)
    .b(0x48, 0x89, 0xc2) // mov rdx, rax
    .b(0x48, 0xad) // lodsq (value)
    .b(0x48, 0x85, 0xd2) // test rdx, rdx
    .rel8([0x74], 'auxdone') // jz auxdone
    .b(0x48, 0x83, 0xfa, 0x08) // cmp rdx, 8 (AT_FLAGS)
    .rel8([0x75], 'notflags')
    .b(0x49, 0x89, 0xc0) // mov r8, rax
    .label('notflags').b(0x48, 0x83, 0xfa, 0x02) // cmp rdx, 2 (AT_EXECFD)
    .rel8([0x75], 'aux')
    .b(0x49, 0x89, 0xc1) // mov r9, rax
    .rel8([0xeb], 'aux')
    .label('auxdone')
    .b(0x48, 0x83, 0xec, 0x40) // sub rsp, 64: the mode string
    .b(0x48, 0x89, 0xe7) // mov rdi, rsp
    .b(0x49, 0x89, 0xe7) // mov r15, rsp
    .b(0x48, 0xb8, ...modePrefix) // mov rax, "--exec=P"
    .b(0x48, 0x89, 0x07) // mov [rdi], rax
    .b(0x48, 0x83, 0xc7, 0x08) // add rdi, 8
    .b(0x4c, 0x89, 0xc0) // mov rax, r8
    .rel32([0xe8], 'utoa') // call utoa
    .b(0xc6, 0x07, 0x2c) // mov byte [rdi], ','
    .b(0x48, 0xff, 0xc7) // inc rdi
    .b(0x49, 0x83, 0xf9, 0xff) // cmp r9, -1
    .rel8([0x74], 'nofd')
    .b(0x4c, 0x89, 0xc8) // mov rax, r9
    .rel32([0xe8], 'utoa')
    .label('nofd').b(0xc6, 0x07, 0x00) // mov byte [rdi], 0
    .b(0x4a, 0x8d, 0x04, 0xe5, ...u32(40)) // lea rax, [r12*8+40]: argc+5 pointers
    .b(0x48, 0x29, 0xc4) // sub rsp, rax
    .b(0x48, 0x83, 0xe4, 0xf0) // and rsp, -16
    .abs32([0x48, 0xc7, 0x04, 0x24], 'node') // mov qword [rsp], node
    .abs32([0x48, 0xc7, 0x44, 0x24, 0x08], 'entry') // mov qword [rsp+8], entry
    .abs32([0x48, 0xc7, 0x44, 0x24, 0x10], 'binfmt') // mov qword [rsp+16], "binfmt"
    .b(0x4c, 0x89, 0x7c, 0x24, 0x18) // mov [rsp+24], r15
    .b(0x31, 0xc9) // xor ecx, ecx
    .label('copy').b(0x4c, 0x39, 0xe1) // cmp rcx, r12
    .rel8([0x73], 'copied') // jae copied
    .b(0x49, 0x8b, 0x44, 0xcd, 0x00) // mov rax, [r13+rcx*8]
    .b(0x48, 0x89, 0x44, 0xcc, 0x20) // mov [rsp+rcx*8+32], rax
    .b(0x48, 0xff, 0xc1) // inc rcx
    .rel8([0xeb], 'copy')
    .label('copied').b(0x48, 0xc7, 0x44, 0xcc, 0x20, 0, 0, 0, 0) // mov qword [rsp+rcx*8+32], 0
    .b(0xb8, ...u32(59)) // mov eax, SYS_execve
    .abs32([0xbf], 'node') // mov edi, node
    .b(0x48, 0x89, 0xe6) // mov rsi, rsp
    .b(0x4c, 0x89, 0xf2) // mov rdx, r14
    .b(0x0f, 0x05) // syscall
    .b(0xb8, ...u32(1)) // mov eax, SYS_write
    .b(0xbf, ...u32(2)) // mov edi, 2
    .abs32([0xbe], 'msg') // mov esi, msg
    .abs32([0xba], 'msglen') // mov edx, msglen
    .b(0x0f, 0x05) // syscall
    .b(0xb8, ...u32(231)) // mov eax, SYS_exit_group
    .b(0xbf, ...u32(127)) // mov edi, 127
    .b(0x0f, 0x05) // syscall
    // utoa: write rax in decimal at rdi (rdi advances); clobbers rax, rcx, rdx, r10
    .label('utoa').b(0x41, 0xba, ...u32(10)) // mov r10d, 10
    .b(0x31, 0xc9) // xor ecx, ecx
    .label('div').b(0x31, 0xd2) // xor edx, edx
    .b(0x49, 0xf7, 0xf2) // div r10
    .b(0x80, 0xc2, 0x30) // add dl, '0'
    .b(0x52) // push rdx
    .b(0xff, 0xc1) // inc ecx
    .b(0x48, 0x85, 0xc0) // test rax, rax
    .rel8([0x75], 'div')
    .label('out').b(0x58) // pop rax
    .b(0xaa) // stosb
    .rel8([0xe2], 'out') // loop out
    .b(0xc3); // ret
  return a;
}


/**
 * AArch64 code, the same steps as x86Code: x19=&argc x20=argc x21=argv x22=envp x23=AT_FLAGS
 * x24=AT_EXECFD x25=mode; utoa writes x0 in decimal at x3. The words are as GNU as encodes
 * them, immediates of branches, adr and ldr (literal) left 0 for the fixups.
 */
function a64Code(): Asm {
  const a = new Asm();
  a.w(0x910003f3, 0xf9400274, 0x91002275, 0x8b140eb6, 0x910022d6, 0xaa1603e1) // mov x19, sp; ldr x20, [x19]; add x21, x19, #8; add x22, x21, x20, lsl #3; add x22, x22, #8; mov x1, x22
    .label('env').w(0xf8408420).wf(0xb5000000, 'a64b19', 'env') // ldr x0, [x1], #8; cbnz x0, env
    .w(0xd2800017, 0x92800018) // mov x23, #0; mov x24, #-1
    .label('aux').w(0xf8408422, 0xf8408420) // ldr x2, [x1], #8; ldr x0, [x1], #8
    .wf(0xb4000002, 'a64b19', 'auxdone') // cbz x2, auxdone
    .w(0xf100205f).wf(0x54000001, 'a64b19', 'notflags') // cmp x2, #8 (AT_FLAGS); b.ne
    .w(0xaa0003f7) // mov x23, x0
    .label('notflags').w(0xf100085f).wf(0x54000001, 'a64b19', 'aux') // cmp x2, #2 (AT_EXECFD); b.ne aux
    .w(0xaa0003f8).wf(0x14000000, 'a64b26', 'aux') // mov x24, x0; b aux
    .label('auxdone').w(0xd10103ff, 0x910003f9, 0x910003e3) // sub sp, sp, #64; mov x25, sp; mov x3, sp
    .wf(0x58000000, 'a64b19', 'mode') // ldr x0, mode ("--exec=P")
    .w(0xf8008460, 0xaa1703e0) // str x0, [x3], #8; mov x0, x23
    .wf(0x94000000, 'a64b26', 'utoa') // bl utoa
    .w(0x52800580, 0x38001460, 0xb100071f) // mov w0, #','; strb w0, [x3], #1; cmn x24, #1
    .wf(0x54000000, 'a64b19', 'nofd') // b.eq nofd
    .w(0xaa1803e0).wf(0x94000000, 'a64b26', 'utoa') // mov x0, x24; bl utoa
    .label('nofd').w(0x3900007f) // strb wzr, [x3]
    .w(0x91001680, 0xd37df000, 0xcb2063e0, 0x927cec1f) // add x0, x20, #5; lsl x0, x0, #3; sub x0, sp, x0; and sp, x0, #~15
    .wf(0x10000000, 'a64adr', 'node').w(0xf90003e0) // adr x0, node; str x0, [sp]
    .wf(0x10000000, 'a64adr', 'entry').w(0xf90007e0) // adr x0, entry; str x0, [sp, #8]
    .wf(0x10000000, 'a64adr', 'binfmt').w(0xf9000be0) // adr x0, binfmt; str x0, [sp, #16]
    .w(0xf9000ff9, 0x910083e5, 0xaa1503e6, 0xaa1403e4) // str x25, [sp, #24]; add x5, sp, #32; mov x6, x21; mov x4, x20
    .label('copy').wf(0xb4000004, 'a64b19', 'copied') // cbz x4, copied
    .w(0xf84084c0, 0xf80084a0, 0xd1000484).wf(0x14000000, 'a64b26', 'copy') // ldr x0, [x6], #8; str x0, [x5], #8; sub x4, x4, #1; b copy
    .label('copied').w(0xf90000bf) // str xzr, [x5]
    .wf(0x10000000, 'a64adr', 'node') // adr x0, node
    .w(0x910003e1, 0xaa1603e2, 0xd2801ba8, 0xd4000001) // mov x1, sp; mov x2, x22; mov x8, #221 (execve); svc #0
    .w(0xd2800040).wf(0x10000001, 'a64adr', 'msg') // mov x0, #2; adr x1, msg
    .wf(0xd2800002, 'a64imm16', 'msglen') // mov x2, #msglen
    .w(0xd2800808, 0xd4000001) // mov x8, #64 (write); svc #0
    .w(0xd2800fe0, 0xd2800bc8, 0xd4000001) // mov x0, #127; mov x8, #94 (exit_group); svc #0
    .label('utoa').w(0xd280014a, 0xaa0003e9, 0xd280000c) // mov x10, #10; mov x9, x0; mov x12, #0
    .label('cnt').w(0x9aca0929, 0x9100058c).wf(0xb5000009, 'a64b19', 'cnt') // udiv x9, x9, x10; add x12, x12, #1; cbnz x9, cnt
    .w(0x8b0c0063, 0xaa0303eb) // add x3, x3, x12; mov x11, x3
    .label('dig').w(0x9aca0809, 0x9b0a812d, 0x1100c1ad, 0x381ffd6d, 0xaa0903e0) // udiv x9, x0, x10; msub x13, x9, x10, x0; add w13, w13, #'0'; strb w13, [x11, #-1]!; mov x0, x9
    .wf(0xb5000000, 'a64b19', 'dig') // cbnz x0, dig
    .w(0xd65f03c0); // ret
  return a;
}

/** Host CPUs we can build a launcher for: Node's process.arch -> ELF e_machine. */
export const LAUNCHER_ARCHS: Record<string, { machine: number; code: (modePrefix: number[]) => Asm }> = {
  x64: { machine: 62, code: x86Code },
  arm64: { machine: 183, code: a64Code },
};

/** The bytes of fixup `f` once its symbol's value (an address, or msglen) is known. */
function patch(f: Asm['fixups'][number], v: number, codeAt: number, code: number[]): number[] {
  const pc = codeAt + f.at;
  switch (f.kind) {
    case 'abs32':
      return u32(v);
    case 'rel8': {
      const d = v - (codeAt + f.end);
      if (d < -128 || d > 127) throw new Error(`launcher: jump to ${f.name} out of range`);
      return [d & 0xff];
    }
    case 'rel32':
      return u32((v - (codeAt + f.end)) >>> 0);
  }
  const word = code[f.at] | (code[f.at + 1] << 8) | (code[f.at + 2] << 16) | (code[f.at + 3] << 24);
  const d = v - pc;
  if (f.kind !== 'a64adr' && f.kind !== 'a64imm16' && d & 3) throw new Error(`launcher: ${f.name} is not 4-byte aligned`);
  switch (f.kind) {
    case 'a64imm16':
      return u32((word | ((v & 0xffff) << 5)) >>> 0);
    case 'a64adr':
      return u32((word | ((d & 3) << 29) | (((d >> 2) & 0x7ffff) << 5)) >>> 0);
    case 'a64b19':
      return u32((word | (((d >> 2) & 0x7ffff) << 5)) >>> 0);
    case 'a64b26':
      return u32((word | ((d >> 2) & 0x3ffffff)) >>> 0);
  }
}

/** Build the launcher for host CPU `arch` (process.arch), or throw naming what is supported. */
export function buildLauncher(spec: LauncherSpec, arch: string = process.arch): Uint8Array {
  const host = LAUNCHER_ARCHS[arch];
  if (!host) {
    throw new Error(`no binfmt launcher for host CPU '${arch}' (polyemu builds one for ${Object.keys(LAUNCHER_ARCHS).join(', ')})`);
  }
  for (const p of [spec.node, spec.entry]) {
    if (!p.startsWith('/') || p.includes('\0')) throw new Error(`launcher paths must be absolute: '${p}'`);
  }
  const mode = bytesOf(`--exec=${spec.preserveArgv0 ? 'P' : '-'}`);
  const a = host.code(mode);
  const code = a.bytes;
  const msg = `polyemu binfmt launcher: cannot execute ${spec.node}\n`;
  const data: Array<[string, number[]]> = [
    ['mode', mode],
    ['node', [...Buffer.from(spec.node), 0]],
    ['entry', [...Buffer.from(spec.entry), 0]],
    ['binfmt', [...bytesOf('binfmt'), 0]],
    ['msg', [...Buffer.from(msg)]],
  ];
  const codeAt = BASE + HEADERS;
  const addr = new Map<string, number>();
  let off = HEADERS + code.length;
  for (const [name, bytes] of data) {
    addr.set(name, BASE + off);
    off += bytes.length;
  }
  const msgLen = Buffer.byteLength(msg);
  if (msgLen > 0xffff) throw new Error('launcher: node path too long');
  const value = (name: string): number => {
    if (name === 'msglen') return msgLen;
    const label = a.labels.get(name);
    const v = label !== undefined ? codeAt + label : addr.get(name);
    if (v === undefined) throw new Error(`launcher: no symbol ${name}`);
    return v;
  };
  for (const f of a.fixups) code.splice(f.at, f.kind === 'rel8' ? 1 : 4, ...patch(f, value(f.name), codeAt, code));
  const size = off;
  const out = Buffer.alloc(size);
  // ELF header
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(out, 0);
  out.writeUInt16LE(2, 16); // ET_EXEC
  out.writeUInt16LE(host.machine, 18);
  out.writeUInt32LE(1, 20); // EV_CURRENT
  out.writeBigUInt64LE(BigInt(BASE + HEADERS), 24); // e_entry
  out.writeBigUInt64LE(BigInt(EHDR), 32); // e_phoff
  out.writeUInt16LE(EHDR, 52); // e_ehsize
  out.writeUInt16LE(PHDR, 54); // e_phentsize
  out.writeUInt16LE(2, 56); // e_phnum
  // PT_LOAD, R+X, the whole file
  let p = EHDR;
  out.writeUInt32LE(1, p);
  out.writeUInt32LE(5, p + 4);
  out.writeBigUInt64LE(0n, p + 8);
  out.writeBigUInt64LE(BigInt(BASE), p + 16);
  out.writeBigUInt64LE(BigInt(BASE), p + 24);
  out.writeBigUInt64LE(BigInt(size), p + 32);
  out.writeBigUInt64LE(BigInt(size), p + 40);
  out.writeBigUInt64LE(0x1000n, p + 48);
  // PT_GNU_STACK, RW: a non-executable stack
  p += PHDR;
  out.writeUInt32LE(0x6474e551, p);
  out.writeUInt32LE(6, p + 4);
  out.writeBigUInt64LE(16n, p + 48);
  Buffer.from(code).copy(out, HEADERS);
  let q = HEADERS + code.length;
  for (const [, bytes] of data) {
    Buffer.from(bytes).copy(out, q);
    q += bytes.length;
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
