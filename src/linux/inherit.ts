/**
 * What a process inherits from the one that started it, as Linux passes it across execve:
 * every open fd that is not close-on-exec (fds 0-2 may be closed too), the signals set to
 * SIG_IGN and the blocked mask. Node resets all of that at start-up (it reopens closed fds
 * 0-2 on /dev/null, marks fds close-on-exec, sets every signal but SIGPIPE/SIGXFSZ to
 * SIG_DFL and empties the mask), so bin/polyemu's first lines, in sh, note it before Node
 * starts, in the variable POLYEMU_INHERIT: `fds=0 1 2 7;ign=<hex SigIgn>;blk=<hex SigBlk>`
 * (the fields of /proc/PID/status, host signal numbers). The command line applies it to the
 * new guest; the embedding API shares nothing of its host process, so it never does.
 */
/** The environment variable bin/polyemu sets. */
export const INHERIT_VAR = 'POLYEMU_INHERIT';

export interface Inheritance {
  /** host fds open (and not close-on-exec) when polyemu was started */
  fds: number[];
  /** SIG_IGN signals and the blocked mask, bit n-1 for host signal n */
  ignored: bigint;
  blocked: bigint;
}

/** Parse POLYEMU_INHERIT; undefined when it is absent or not in the form bin/polyemu writes. */
export function parseInheritance(text: string | undefined): Inheritance | undefined {
  if (!text) return undefined;
  const m = /^fds=([0-9 ]*);ign=([0-9a-fA-F]+);blk=([0-9a-fA-F]+)$/.exec(text.trim());
  if (!m) return undefined;
  const fds = m[1].split(' ').filter(Boolean).map(Number).filter((n) => Number.isSafeInteger(n));
  return { fds: [...new Set(fds)].sort((a, b) => a - b), ignored: BigInt(`0x${m[2]}`), blocked: BigInt(`0x${m[3]}`) };
}
