// Extended attributes (syscalls/fs/xattr.ts): every file has none and new ones are refused, but
// the file is looked up first (coreutils' `ls -l` asks lgetxattr for ACLs and SELinux labels
// and prints an error for anything but "no such attribute" / "not supported").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archByName } from '../../syscalls/arch.js';
import { E } from '../../syscalls/tables/errno.js';
import { type Harness, harness } from '../helpers/syscalls.js';

const c = archByName('riscv64').c;
let h: Harness;
beforeEach(() => { h = harness(); });
afterEach(() => h.cleanup());

describe('xattr family', () => {
  it('reports no attributes on existing files and errors for missing ones', () => {
    const file = path.join(h.tmp, 'f');
    fs.writeFileSync(file, 'x');
    fs.symlinkSync('missing-target', path.join(h.tmp, 'dangling'));
    const name = h.str('security.selinux');
    for (const call of ['getxattr', 'lgetxattr']) {
      expect(h.call(call, h.str(file), name, h.scratch, 255)).toBe(-E.ENODATA);
      expect(h.call(call, h.str(path.join(h.tmp, 'nope')), name, h.scratch, 255)).toBe(-E.ENOENT);
      expect(h.call(call, h.str(file), h.str(''), h.scratch, 255)).toBe(-E.ERANGE);
      expect(h.call(call, h.str(file), 0x10, h.scratch, 255)).toBe(-E.EFAULT);
    }
    // the l- forms do not follow a symlink, the others do
    expect(h.call('lgetxattr', h.str(path.join(h.tmp, 'dangling')), name, h.scratch, 255)).toBe(-E.ENODATA);
    expect(h.call('getxattr', h.str(path.join(h.tmp, 'dangling')), name, h.scratch, 255)).toBe(-E.ENOENT);
    expect(h.call('listxattr', h.str(file), h.scratch, 100)).toBe(0);
    expect(h.call('llistxattr', h.str(h.tmp), 0, 0)).toBe(0);
    expect(h.call('setxattr', h.str(file), h.str('user.k'), h.scratch, 1, 0)).toBe(-E.EOPNOTSUPP);
    expect(h.call('removexattr', h.str(file), h.str('user.k'))).toBe(-E.ENODATA);
    expect(h.call('lremovexattr', h.str(path.join(h.tmp, 'nope')), h.str('user.k'))).toBe(-E.ENOENT);
  });

  it('the f- forms check the descriptor', () => {
    const fd = h.call('openat', c.AT_FDCWD, h.str('g'), c.O_RDWR | c.O_CREAT, 0o600);
    expect(fd).toBeGreaterThan(2);
    const name = h.str('user.k');
    expect(h.call('fgetxattr', fd, name, h.scratch, 10)).toBe(-E.ENODATA);
    expect(h.call('flistxattr', fd, h.scratch, 10)).toBe(0);
    expect(h.call('fsetxattr', fd, name, h.scratch, 1, 0)).toBe(-E.EOPNOTSUPP);
    expect(h.call('fremovexattr', fd, name)).toBe(-E.ENODATA);
    expect(h.call('fgetxattr', 999, name, h.scratch, 10)).toBe(-E.EBADF);
    expect(h.call('flistxattr', 999, 0, 0)).toBe(-E.EBADF);
  });
});
