/**
 * The guest's standard streams for the embedding API. By default nothing of the host process
 * is shared: stdin is empty, stdout and stderr are in-process pipes whose bytes are kept for
 * the result and emitted on Readable streams, so several guests in one Node process never mix
 * their output. 'inherit' gives the guest the host's fd instead (what the CLI does).
 * Being real pipes, the guest sees what it would under a shell's `$(...)`: fstat says FIFO,
 * isatty says no, and host programs it execs write into them too.
 */
import { PassThrough, Writable, type Readable } from 'node:stream';
import type { Process } from '../linux/process.js';
import { OpenFile, Pipe } from '../../syscalls/fs/fdtable.js';
import { archOf } from '../../syscalls/arch.js';

/** Where a guest's stdout or stderr goes. */
export type OutputOption = 'pipe' | 'inherit' | 'ignore' | Writable;
/** What a guest reads on stdin: bytes or text (then end of file), a stream, 'pipe' (write to Guest.stdin), the host's, or nothing. */
export type InputOption = string | Uint8Array | Readable | 'pipe' | 'inherit' | 'ignore';

/** One captured output stream: the bytes so far and a Readable for streaming them. */
export class Output {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  /** every byte the guest writes, as it writes it ('data'); 'end' when the last writer closed it */
  readonly stream = new PassThrough();
  private ended = false;

  constructor(private readonly keep: boolean, private readonly to?: Writable) {}

  push(b: Buffer): void {
    if (this.keep) {
      this.chunks.push(b);
      this.length += b.length;
      this.stream.write(b);
    }
    this.to?.write(b);
  }
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.stream.end();
  }
  /** All bytes written so far. */
  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

/** Make guest fd `fd` the write end of a pipe that feeds `out`. */
function outputPipe(proc: Process, fd: number, out: Output): void {
  const c = archOf(proc).c;
  const p = new Pipe(proc.sys.nextPipeId++);
  p.readers = 1; // our end: it never closes, so the guest never sees EPIPE
  const f = new OpenFile('pipe', -1, c.O_WRONLY, '', 'pipe:');
  f.pipe = p;
  f.pos = null;
  proc.fds.install(fd, f, false);
  const pump = () => {
    if (p.size) {
      const buf = Buffer.alloc(p.size);
      p.take(buf);
      out.push(buf);
    }
    if (p.writers === 0 && p.size === 0) out.end();
    else p.waiters.push(pump);
  };
  p.waiters.push(pump);
}

/** Make guest fd 0 the read end of a pipe; returns the Pipe for the caller to fill. */
function inputPipe(proc: Process): Pipe {
  const c = archOf(proc).c;
  const p = new Pipe(proc.sys.nextPipeId++);
  const f = new OpenFile('pipe', -1, c.O_RDONLY, '', 'pipe:');
  f.pipe = p;
  f.pos = null;
  proc.fds.install(0, f, false);
  return p;
}

/** What setupStdio built. */
export interface Stdio {
  stdout: Output;
  stderr: Output;
  /** with stdin 'pipe': what is written here reaches the guest; end() is its end of file */
  stdin: Writable | undefined;
}

/** Set up fds 0, 1 and 2 of a freshly loaded process as the options ask. */
export function setupStdio(proc: Process, stdin: InputOption = 'ignore', stdout: OutputOption = 'pipe', stderr: OutputOption = 'pipe'): Stdio {
  const outputs = ([stdout, stderr] as OutputOption[]).map((opt, i) => {
    const fd = i + 1;
    const out = opt === 'pipe' ? new Output(true) : typeof opt === 'object' ? new Output(false, opt) : new Output(false);
    if (opt === 'inherit') out.end(); // the host's own fd stays in place
    else outputPipe(proc, fd, out);
    return out;
  });
  let writer: Writable | undefined;
  if (stdin !== 'inherit') {
    const p = inputPipe(proc);
    const close = () => { if (p.writers > 0) { p.writers--; p.wake(); } };
    if (stdin === 'ignore') {
      // empty: the first read sees end of file
    } else if (stdin === 'pipe') {
      p.writers = 1;
      writer = new Writable({
        write(chunk: Buffer, _enc, cb) { p.push(chunk); cb(); },
        final(cb) { close(); cb(); },
      });
    } else if (typeof stdin === 'string' || stdin instanceof Uint8Array) {
      if (stdin.length) p.push(typeof stdin === 'string' ? Buffer.from(stdin) : stdin);
    } else {
      p.writers = 1;
      stdin.on('data', (b: Buffer | string) => p.push(typeof b === 'string' ? Buffer.from(b) : b));
      stdin.on('end', close);
      stdin.on('error', close);
    }
  }
  return { stdout: outputs[0], stderr: outputs[1], stdin: writer };
}
