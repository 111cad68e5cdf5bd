/**
 * The command line of polyemu-system-riscv64: qemu-system-riscv64's options for the virt
 * board, parsed the way qemu reads them (`-opt value`, `--opt` too), with qemu's defaults
 * (-m 128M, -smp 1, -bios default). Anything else is a one-line error.
 */
import { UserError } from '../errors.js';

export const PROG = 'polyemu-system-riscv64';
/** Debian's OpenSBI, which `-bios default` means (qemu bundles the same firmware) */
export const DEFAULT_BIOS = '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin';

export interface SystemOptions {
  machine: string;
  dumpdtb?: string;
  ramSize: number;
  smp: number;
  /** 'default', 'none' or a file */
  bios: string;
  kernel?: string;
  initrd?: string;
  append?: string;
  dtb?: string;
  noReboot: boolean;
  icount?: number;
  /** -drive file=…,format=raw,if=none,id=…[,readonly=on] by id */
  drives: Map<string, { file: string; readonly: boolean }>;
  /** -device virtio-blk-device,drive=ID | virtio-rng-device, in order */
  devices: ({ kind: 'blk'; drive: string } | { kind: 'rng' })[];
  help: boolean;
  version: boolean;
}

/** options that take a value */
const WITH_VALUE = new Set(['drive', 'device', 'M', 'machine', 'm', 'smp', 'bios', 'kernel', 'initrd', 'append', 'dtb', 'serial', 'icount',
  'cpu', 'display', 'monitor', 'accel', 'name']);
/** accepted and ignored: what they ask for is how this machine always is */
const FLAGS = new Set(['nographic', 'no-reboot', 'help', 'h', 'version', 'nodefaults']);

const fail = (msg: string): never => { throw new UserError(`${PROG}: ${msg}`); };

/** -m: a size in MiB, or with a suffix (K, M, G) */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([KkMmGg]?)[Bb]?$/.exec(text.trim());
  if (!m) return fail(`-m ${text}: invalid RAM size`);
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, '': 1024 ** 2 }[m[2].toLowerCase() as 'k' | 'm' | 'g' | ''];
  const bytes = Math.floor(Number(m[1]) * unit / 4096) * 4096;
  if (bytes < 1024 * 1024) fail(`-m ${text}: at least 1M of RAM, please`);
  if (bytes > 2 * 1024 ** 3) fail(`-m ${text}: at most 2G of RAM for now`);
  return bytes;
}

/** k=v,k=v (a bare k is k=on) */
function props(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of text.split(',').filter((x) => x !== '')) {
    const eq = p.indexOf('=');
    m.set(eq < 0 ? p : p.slice(0, eq), eq < 0 ? 'on' : p.slice(eq + 1));
  }
  return m;
}

export function parseSystemArgs(argv: string[]): SystemOptions {
  const o: SystemOptions = { machine: '', ramSize: 128 * 1024 * 1024, smp: 1, bios: 'default', noReboot: false, drives: new Map(), devices: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) fail(`${arg}: invalid option (images are given with -bios, -kernel, -initrd)`);
    const name = arg.replace(/^--?/, '');
    if (FLAGS.has(name)) {
      if (name === 'no-reboot') o.noReboot = true;
      if (name === 'help' || name === 'h') o.help = true;
      if (name === 'version') o.version = true;
      continue;
    }
    if (!WITH_VALUE.has(name)) fail(`${arg}: invalid option`);
    const v = argv[++i];
    if (v === undefined) fail(`${arg}: requires an argument`);
    switch (name) {
      case 'M': case 'machine': {
        const [type, ...props] = v.split(',');
        o.machine = type;
        for (const p of props) {
          const [k, val] = p.split('=');
          if (k === 'dumpdtb' && val) o.dumpdtb = val;
          else fail(`-machine ${v}: property '${k}' is not supported`);
        }
        break;
      }
      case 'm': o.ramSize = parseSize(v.replace(/^size=/, '')); break;
      case 'smp': {
        const n = Number(v.replace(/^cpus=/, '').split(',')[0]);
        if (!Number.isInteger(n) || n < 1) fail(`-smp ${v}: invalid number of CPUs`);
        if (n > 1) fail(`-smp ${v}: one hart only for now`);
        o.smp = n;
        break;
      }
      case 'bios': o.bios = v; break;
      case 'kernel': o.kernel = v; break;
      case 'initrd': o.initrd = v; break;
      case 'append': o.append = v; break;
      case 'dtb': o.dtb = v; break;
      case 'serial': case 'monitor':
        if (!['mon:stdio', 'stdio', 'none'].includes(v) || (name === 'monitor' && v !== 'none')) fail(`-${name} ${v}: only -serial mon:stdio (or stdio) for now`);
        break;
      case 'display': if (v !== 'none') fail(`-display ${v}: no display (this machine has a serial console only)`); break;
      case 'cpu': if (!/^(rv64|max)(,|$)/.test(v)) fail(`-cpu ${v}: only rv64`); break;
      case 'accel': if (v !== 'tcg') fail(`-accel ${v}: only tcg`); break;
      case 'icount': {
        const m = /^(?:shift=)?(\d+)(?:,.*)?$/.exec(v);
        if (!m || Number(m[1]) > 10) fail(`-icount ${v}: expected shift=N (0..10)`);
        o.icount = Number(m![1]);
        break;
      }
      case 'name': break;
      case 'drive': {
        const kv = props(v);
        const file = kv.get('file');
        const id = kv.get('id');
        if (!file || !id) fail(`-drive ${v}: file= and id= are required`);
        if ((kv.get('format') ?? 'raw') !== 'raw') fail(`-drive ${v}: only format=raw`);
        if ((kv.get('if') ?? 'none') !== 'none') fail(`-drive ${v}: only if=none (attach it with -device virtio-blk-device,drive=${id})`);
        for (const k of kv.keys()) if (!['file', 'id', 'format', 'if', 'readonly'].includes(k)) fail(`-drive ${v}: unsupported property '${k}'`);
        o.drives.set(id!, { file: file!, readonly: ['on', 'true', 'yes'].includes(kv.get('readonly') ?? 'off') });
        break;
      }
      case 'device': {
        const [type, ...rest] = v.split(',');
        const kv = props(rest.join(','));
        if (type === 'virtio-rng-device') o.devices.push({ kind: 'rng' });
        else if (type === 'virtio-blk-device') {
          const drive = kv.get('drive');
          if (!drive) fail(`-device ${v}: drive= is required`);
          o.devices.push({ kind: 'blk', drive: drive! });
        } else fail(`-device ${type}: not a device of this board (virtio-blk-device, virtio-rng-device)`);
        break;
      }
    }
  }
  for (const d of o.devices) if (d.kind === 'blk' && !o.drives.has(d.drive)) fail(`-device virtio-blk-device,drive=${d.drive}: no -drive with id=${d.drive}`);
  if (!o.help && !o.version) {
    if (o.machine === '') fail('no machine given: use -M virt');
    if (o.machine !== 'virt') fail(`-M ${o.machine}: unsupported machine type (only virt)`);
  }
  return o;
}

export const SYSTEM_HELP = `usage: ${PROG} -M virt [options]

  -M virt[,dumpdtb=FILE]   the RISC-V virt board (dumpdtb: write its device tree and exit)
  -m SIZE                  RAM (default 128M)
  -smp 1                   harts (one for now)
  -bios default|none|FILE  firmware at 0x80000000 (default: Debian's OpenSBI fw_dynamic.bin)
  -kernel FILE             the next stage (ELF, or a raw image after the firmware)
  -initrd FILE             initial ramdisk
  -append TEXT             kernel command line
  -dtb FILE                device tree to pass instead of the generated one
  -nographic, -serial mon:stdio   the serial console on stdin/stdout (Ctrl-A x quits)
  -no-reboot               exit instead of rebooting
  -icount shift=N          time from the instruction count (2^N ns each): the same log every run
  -drive file=F,format=raw,if=none,id=ID[,readonly=on]   a disk image
  -device virtio-blk-device,drive=ID | virtio-rng-device  virtio-mmio devices (first: highest slot)
`;
