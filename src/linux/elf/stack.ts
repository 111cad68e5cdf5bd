/**
 * The initial process stack, laid out as the Linux kernel lays it out at execve. From the
 * top of the stack down:
 *
 *   one zero word                       (end marker)
 *   execfn string                       (AT_EXECFN points here)
 *   argv strings, then envp strings     (argv[0] lowest: the block reads in order upward)
 *   -- aligned down to 16 --
 *   platform string                     (AT_PLATFORM, only when the target has one)
 *   16 random bytes                     (AT_RANDOM)
 *   -- gap left by the final alignment --
 *   auxv pairs ending with AT_NULL
 *   envp pointers, NULL
 *   argv pointers, NULL
 *   argc                                <- sp, aligned to 16
 *
 * Words are the ELF class's size in the target's byte order.
 */
import { PROT_W, type Memory } from '../../core/memory/flat.js';
import { UserError } from '../../errors.js';

export interface StackSpec {
  /** highest stack address + 1 (the stack occupies [limit, top)) */
  top: number;
  /** lowest mapped stack address */
  limit: number;
  wordSize: 4 | 8;
  argv: string[];
  envp: string[];
  execfn: string;
  /** AT_PLATFORM string, or '' for none */
  platform: string;
  /** the 16 AT_RANDOM bytes */
  random: Uint8Array;
  /**
   * Builds the auxv entries (AT_NULL excluded) once the addresses of the strings and random
   * bytes are known. Must return the same number of entries whatever the addresses are.
   */
  auxv(addrs: { execfn: number; platform: number; random: number }): Array<[number, number]>;
}

export interface StackLayout {
  /** initial stack pointer (address of argc) */
  sp: number;
  argvAddr: number;
  envpAddr: number;
  auxvAddr: number;
  /** [argStart, argEnd) holds the NUL-terminated argv strings, [envStart, envEnd) the envp ones */
  argStart: number;
  argEnd: number;
  envStart: number;
  envEnd: number;
  execfnAddr: number;
  platformAddr: number;
  randomAddr: number;
  /** the auxv as written, AT_NULL included */
  auxv: Array<[number, number]>;
}

const enc = new TextEncoder();
const cstr = (s: string) => {
  const b = enc.encode(s);
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
};

/** Write the initial stack into already mapped, writable memory [limit, top). */
export function buildStack(mem: Memory, spec: StackSpec): StackLayout {
  const ws = spec.wordSize;
  const argvB = spec.argv.map(cstr);
  const envpB = spec.envp.map(cstr);
  const execfnB = cstr(spec.execfn);
  const platformB = spec.platform ? cstr(spec.platform) : undefined;
  const stringBytes = [...argvB, ...envpB].reduce((n, b) => n + b.length, 0);

  // Everything must fit with room to spare for the program itself (Linux refuses with E2BIG).
  const nAux = spec.auxv({ execfn: 0, platform: 0, random: 0 }).length + 1;
  const need = ws + execfnB.length + stringBytes + 16 + (platformB?.length ?? 0) + 16 + 16 +
    ws * (2 * nAux + spec.argv.length + spec.envp.length + 3);
  if (need > (spec.top - spec.limit) / 2) {
    throw new UserError(
      `Argument list too long: ${need} bytes of arguments, environment and auxv do not fit in ` +
      `the ${spec.top - spec.limit}-byte stack (give a larger stack with -s)`,
    );
  }

  const put = (addr: number, bytes: Uint8Array) => mem.writeBytes(addr, bytes);
  const word = (addr: number, v: number) => {
    if (ws === 8) mem.write64(addr, BigInt(v));
    else mem.write32(addr, v >>> 0);
  };
  mem.check(spec.top - need, need, PROT_W);

  let p = spec.top - ws; // the end marker word stays zero
  word(p, 0);
  p -= execfnB.length;
  const execfnAddr = p;
  put(p, execfnB);

  p -= stringBytes;
  const argStart = p;
  const argPtrs: number[] = [];
  for (const b of argvB) { argPtrs.push(p); put(p, b); p += b.length; }
  const argEnd = p;
  const envStart = p;
  const envPtrs: number[] = [];
  for (const b of envpB) { envPtrs.push(p); put(p, b); p += b.length; }
  const envEnd = p;

  p = (argStart & ~15) >>> 0;
  let platformAddr = 0;
  if (platformB) {
    p -= platformB.length;
    platformAddr = p;
    put(p, platformB);
  }
  p -= 16;
  const randomAddr = p;
  put(p, spec.random.subarray(0, 16));

  const auxv = [...spec.auxv({ execfn: execfnAddr, platform: platformAddr, random: randomAddr }), [0, 0] as [number, number]];
  if (auxv.length !== nAux) throw new Error('auxv builder returned a varying number of entries');
  const items = spec.argv.length + 1 + spec.envp.length + 1 + 1;
  const sp = ((p - 2 * ws * auxv.length - ws * items) & ~15) >>> 0;

  let q = sp;
  word(q, spec.argv.length);
  q += ws;
  const argvAddr = q;
  for (const a of argPtrs) { word(q, a); q += ws; }
  word(q, 0);
  q += ws;
  const envpAddr = q;
  for (const a of envPtrs) { word(q, a); q += ws; }
  word(q, 0);
  q += ws;
  const auxvAddr = q;
  for (const [k, v] of auxv) { word(q, k); word(q + ws, v); q += 2 * ws; }

  return { sp, argvAddr, envpAddr, auxvAddr, argStart, argEnd, envStart, envEnd, execfnAddr, platformAddr, randomAddr, auxv };
}
