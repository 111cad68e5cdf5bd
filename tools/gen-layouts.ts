/**
 * Generates syscalls/layouts/<target>.ts: kernel struct layouts (sizeof/offsetof/signedness)
 * and kernel constants (O_*, MAP_*, E*, SIG*, ioctl numbers, ...) for one target, plus the
 * C library's strerror/strsignal texts (for -strace). A tiny C program is compiled with the
 * target's cross compiler against the kernel's uapi headers, run under qemu-<target>, and
 * its output turned into data. Nothing here is typed by hand except the list of names.
 *
 *   npx tsx tools/gen-layouts.ts [target...]       (default: riscv64)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_TARGETS, type CrossTarget, crossCc } from './cross.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [our name, C type, fields]; a field ending in [] is an array (no signedness). */
type StructSpec = [string, string, string];
const STRUCTS: StructSpec[] = [
  ['stat', 'struct stat', 'st_dev st_ino st_mode st_nlink st_uid st_gid st_rdev st_size st_blksize st_blocks st_atime st_atime_nsec st_mtime st_mtime_nsec st_ctime st_ctime_nsec'],
  ['statx', 'struct statx', 'stx_mask stx_blksize stx_attributes stx_nlink stx_uid stx_gid stx_mode stx_ino stx_size stx_blocks stx_attributes_mask stx_atime.tv_sec stx_atime.tv_nsec stx_btime.tv_sec stx_btime.tv_nsec stx_ctime.tv_sec stx_ctime.tv_nsec stx_mtime.tv_sec stx_mtime.tv_nsec stx_rdev_major stx_rdev_minor stx_dev_major stx_dev_minor'],
  ['statfs', 'struct statfs', 'f_type f_bsize f_blocks f_bfree f_bavail f_files f_ffree f_fsid[] f_namelen f_frsize f_flags'],
  ['timespec', 'struct __kernel_timespec', 'tv_sec tv_nsec'],
  ['old_timespec', 'struct timespec', 'tv_sec tv_nsec'],
  ['timeval', 'struct timeval', 'tv_sec tv_usec'],
  ['timezone', 'struct timezone', 'tz_minuteswest tz_dsttime'],
  ['rlimit', 'struct rlimit', 'rlim_cur rlim_max'],
  ['rlimit64', 'struct rlimit64', 'rlim_cur rlim_max'],
  ['rusage', 'struct rusage', 'ru_utime.tv_sec ru_utime.tv_usec ru_stime.tv_sec ru_stime.tv_usec ru_maxrss ru_ixrss ru_idrss ru_isrss ru_minflt ru_majflt ru_nswap ru_inblock ru_oublock ru_msgsnd ru_msgrcv ru_nsignals ru_nvcsw ru_nivcsw'],
  ['sysinfo', 'struct sysinfo', 'uptime loads[] totalram freeram sharedram bufferram totalswap freeswap procs totalhigh freehigh mem_unit'],
  ['utsname', 'struct new_utsname', 'sysname[] nodename[] release[] version[] machine[] domainname[]'],
  ['tms', 'struct tms', 'tms_utime tms_stime tms_cutime tms_cstime'],
  ['sigaction', 'struct sigaction', 'sa_handler sa_flags sa_mask[]'],
  ['stack_t', 'stack_t', 'ss_sp ss_flags ss_size'],
  ['iovec', 'struct iovec', 'iov_base iov_len'],
  ['linux_dirent64', 'struct pe_dirent64', 'd_ino d_off d_reclen d_type d_name[]'],
  ['termios', 'struct termios', 'c_iflag c_oflag c_cflag c_lflag c_line c_cc[]'],
  ['winsize', 'struct winsize', 'ws_row ws_col ws_xpixel ws_ypixel'],
  ['flock', 'struct flock', 'l_type l_whence l_start l_len l_pid'],
  ['pollfd', 'struct pollfd', 'fd events revents'],
  ['siginfo', 'siginfo_t', 'si_signo si_errno si_code si_pid si_uid si_int si_ptr si_overrun si_tid si_status si_utime si_stime si_addr si_band si_fd'],
  ['itimerval', 'struct itimerval', 'it_interval.tv_sec it_interval.tv_usec it_value.tv_sec it_value.tv_usec'],
  // sockets (syscalls/net*.ts); pe_* restate kernel-internal structs from uapi types (NET_DECL)
  ['sockaddr_in', 'struct sockaddr_in', 'sin_family sin_port sin_addr.s_addr'],
  ['sockaddr_in6', 'struct sockaddr_in6', 'sin6_family sin6_port sin6_flowinfo sin6_addr[] sin6_scope_id'],
  ['sockaddr_un', 'struct sockaddr_un', 'sun_family sun_path[]'],
  ['msghdr', 'struct pe_msghdr', 'msg_name msg_namelen msg_iov msg_iovlen msg_control msg_controllen msg_flags'],
  ['cmsghdr', 'struct pe_cmsghdr', 'cmsg_len cmsg_level cmsg_type'],
  ['linger', 'struct pe_linger', 'l_onoff l_linger'],
  ['ucred', 'struct pe_ucred', 'pid uid gid'],
  ['mmsghdr', 'struct pe_mmsghdr', 'msg_hdr[] msg_len'],
  // System V IPC (syscalls/ipc/sysv-*.ts): the IPC_64 forms glibc uses
  ['ipc64_perm', 'struct ipc64_perm', 'key uid gid cuid cgid mode seq'],
  ['shmid64_ds', 'struct shmid64_ds', 'shm_perm[] shm_segsz shm_atime shm_dtime shm_ctime shm_cpid shm_lpid shm_nattch'],
  ['semid64_ds', 'struct semid64_ds', 'sem_perm[] sem_otime sem_ctime sem_nsems'],
  ['msqid64_ds', 'struct msqid64_ds', 'msg_perm[] msg_stime msg_rtime msg_ctime msg_cbytes msg_qnum msg_qbytes msg_lspid msg_lrpid'],
  ['sembuf', 'struct sembuf', 'sem_num sem_op sem_flg'],
  ['shminfo64', 'struct shminfo64', 'shmmax shmmin shmmni shmseg shmall'],
  ['seminfo', 'struct seminfo', 'semmap semmni semmns semmnu semmsl semopm semume semusz semvmx semaem'],
  ['msginfo', 'struct msginfo', 'msgpool msgmap msgmax msgmnb msgmni msgssz msgtql msgseg'],
];

/** include/linux/socket.h's structs (not uapi), restated from uapi types */
const NET_DECL = 'struct pe_msghdr { void *msg_name; int msg_namelen; struct iovec *msg_iov; __kernel_size_t msg_iovlen;\n' +
  '  void *msg_control; __kernel_size_t msg_controllen; unsigned int msg_flags; };\n' +
  'struct pe_cmsghdr { __kernel_size_t cmsg_len; int cmsg_level; int cmsg_type; };\n' +
  'struct pe_linger { int l_onoff; int l_linger; };\n' +
  'struct pe_ucred { __u32 pid; __u32 uid; __u32 gid; };\n' +
  'struct pe_mmsghdr { struct pe_msghdr msg_hdr; unsigned int msg_len; };\n';

/**
 * Per-target signal frame structs: the frame itself is private to the kernel's
 * arch/<arch>/kernel/signal.c, so `decl` restates its composition from uapi types; the
 * field lists name what targets/<arch>/signal.ts saves and restores.
 */
const SIGNAL_STRUCTS: Record<string, { decl: string; structs: StructSpec[] }> = {
  riscv64: {
    decl: '#include <asm/sigcontext.h>\n#include <asm/ucontext.h>\nstruct pe_rt_sigframe { siginfo_t info; struct ucontext uc; };',
    structs: [
      ['rt_sigframe', 'struct pe_rt_sigframe', 'info[] uc[]'],
      ['ucontext', 'struct ucontext', 'uc_flags uc_link uc_stack.ss_sp uc_stack.ss_flags uc_stack.ss_size uc_sigmask[] uc_mcontext[]'],
      ['sigcontext', 'struct sigcontext', [
        'sc_regs.pc', ...'ra sp gp tp t0 t1 t2 s0 s1 a0 a1 a2 a3 a4 a5 a6 a7 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11 t3 t4 t5 t6'.split(' ').map((r) => `sc_regs.${r}`),
        'sc_fpregs.d.f[] sc_fpregs.d.fcsr',
      ].join(' ')],
    ],
  },
  aarch64: {
    // the kernel's rt_sigframe is { siginfo; ucontext } followed by a frame record {fp, lr};
    // pe_mcontext restates struct sigcontext with the records that start __reserved[]
    // (fpsimd_context with the V registers as 64-bit halves, then the null terminator)
    decl: '#include <asm/sigcontext.h>\n#include <asm/ucontext.h>\n' +
      'struct pe_rt_sigframe { siginfo_t info; struct ucontext uc; __u64 fp; __u64 lr; };\n' +
      'struct pe_fpsimd { __u32 magic; __u32 size; __u32 fpsr; __u32 fpcr; __u64 v[64]; };\n' +
      'struct pe_mcontext { __u64 fault_address; __u64 regs[31]; __u64 sp; __u64 pc; __u64 pstate;\n' +
      '  struct pe_fpsimd fpsimd __attribute__((__aligned__(16))); __u32 end_magic; __u32 end_size; };',
    structs: [
      ['rt_sigframe', 'struct pe_rt_sigframe', 'info[] uc[] fp lr'],
      ['ucontext', 'struct ucontext', 'uc_flags uc_link uc_stack.ss_sp uc_stack.ss_flags uc_stack.ss_size uc_sigmask[] uc_mcontext[]'],
      ['sigcontext', 'struct sigcontext', 'fault_address regs[] sp pc pstate __reserved[]'],
      ['mcontext', 'struct pe_mcontext', 'fault_address regs[] sp pc pstate fpsimd.magic fpsimd.size fpsimd.fpsr fpsimd.fpcr fpsimd.v[] end_magic end_size'],
    ],
  },
  arm: {
    // arch/arm/kernel/signal.c: rt_sigframe = { siginfo; sigframe { ucontext; retcode[4] } }; there is
    // no uapi asm/ucontext.h, so pe_ucontext restates it; uc_regspace starts with the VFP record.
    // uapi asm/signal.h's struct sigaction is the old one of sigaction(2) (mask before flags);
    // rt_sigaction takes the kernel's { handler, flags, restorer, 64-bit mask }: pe_sigaction
    // (its union _u because asm/signal.h defines sa_handler as _u._sa_handler)
    decl: '#include <asm/sigcontext.h>\n' +
      'struct pe_sigaction { union { __sighandler_t _sa_handler; } _u; unsigned long sa_flags; __sigrestore_t sa_restorer; unsigned long sa_mask[2]; };\n' +
      'struct pe_vfp_sigframe { unsigned long magic; unsigned long size; struct { unsigned long long fpregs[32]; unsigned long fpscr; } ufp;\n' +
      '  struct { unsigned long fpexc; unsigned long fpinst; unsigned long fpinst2; } ufp_exc; } __attribute__((__aligned__(8)));\n' +
      'struct pe_ucontext { unsigned long uc_flags; struct pe_ucontext *uc_link; stack_t uc_stack; struct sigcontext uc_mcontext;\n' +
      '  unsigned long uc_sigmask[2]; int __unused[30]; unsigned long uc_regspace[128] __attribute__((__aligned__(8))); };\n' +
      'struct pe_rt_sigframe { siginfo_t info; struct pe_ucontext uc; unsigned long retcode[4]; };\n' +
      // the frame of a handler without SA_SIGINFO (setup_frame): no siginfo
      'struct pe_sigframe { struct pe_ucontext uc; unsigned long retcode[4]; };\n' +
      // ucontext from uc_mcontext on (packed: regspace keeps its offset within ucontext), for the register save
      'struct pe_mcontext { struct sigcontext sc; unsigned long uc_sigmask[2]; int __unused[30]; struct pe_vfp_sigframe vfp; } __attribute__((__packed__));',
    structs: [
      ['sigaction', 'struct pe_sigaction', 'sa_handler sa_flags sa_restorer sa_mask[]'],
      ['rt_sigframe', 'struct pe_rt_sigframe', 'info[] uc[] retcode[]'],
      ['sigframe', 'struct pe_sigframe', 'uc[] retcode[]'],
      ['ucontext', 'struct pe_ucontext', 'uc_flags uc_link uc_stack.ss_sp uc_stack.ss_flags uc_stack.ss_size uc_sigmask[] uc_mcontext[] uc_regspace[]'],
      ['sigcontext', 'struct sigcontext', 'trap_no error_code oldmask arm_r0 arm_r1 arm_r2 arm_r3 arm_r4 arm_r5 arm_r6 arm_r7 arm_r8 arm_r9 arm_r10 arm_fp arm_ip arm_sp arm_lr arm_pc arm_cpsr fault_address'],
      ['vfp_sigframe', 'struct pe_vfp_sigframe', 'magic size ufp.fpregs[] ufp.fpscr ufp_exc.fpexc ufp_exc.fpinst ufp_exc.fpinst2'],
      ['mcontext', 'struct pe_mcontext', 'sc.arm_r0 sc.arm_r1 sc.arm_r2 sc.arm_r3 sc.arm_r4 sc.arm_r5 sc.arm_r6 sc.arm_r7 sc.arm_r8 sc.arm_r9 sc.arm_r10 sc.arm_fp sc.arm_ip sc.arm_sp sc.arm_lr sc.arm_pc sc.arm_cpsr sc.fault_address sc.trap_no sc.error_code sc.oldmask vfp.magic vfp.size vfp.ufp.fpregs[] vfp.ufp.fpscr'],
    ],
  },
  // arch/mips/kernel/signal.c: sigframe = { sf_ass[4]; sf_pad[2]; sigcontext sf_sc; sigset_t sf_mask }
  // (from sf_sc on it matches struct ucontext from uc_mcontext on, so the "uc" of a sigframe
  // starts at offset 0: sf_ass), rt_sigframe = { rs_ass[4]; rs_pad[2]; siginfo; ucontext }.
  // Every sc_regs/sc_fpregs element is listed: they are 64-bit slots on o32 too.
  mipsel: mipsO32Signal(),
  mips: mipsO32Signal(),
  // n64 has only the rt_sigframe (same composition); its sigcontext is all 64-bit slots
  mips64el: {
    decl: '#include <asm/sigcontext.h>\n#include <asm/ucontext.h>\n' +
      'struct pe_rt_sigframe { __u32 rs_ass[4]; __u32 rs_pad[2]; siginfo_t rs_info; struct ucontext rs_uc; };',
    structs: [
      ['rt_sigframe', 'struct pe_rt_sigframe', 'rs_ass[] rs_pad[] rs_info[] rs_uc[]'],
      ['ucontext', 'struct ucontext', 'uc_flags uc_link uc_stack.ss_sp uc_stack.ss_flags uc_stack.ss_size uc_mcontext[] uc_sigmask[]'],
      ['sigcontext', 'struct sigcontext', `${eachOf('sc_regs')} ${eachOf('sc_fpregs')} sc_mdhi sc_hi1 sc_hi2 sc_hi3 sc_mdlo sc_lo1 sc_lo2 sc_lo3 sc_pc sc_fpc_csr sc_used_math sc_dsp sc_reserved`],
    ],
  },
  i386: {
    // uapi asm/signal.h's struct sigaction is the old one (mask before flags); rt_sigaction takes
    // the kernel's { handler, flags, restorer, mask } (pe_sigaction, as on arm). Signal frames: not yet.
    decl: 'struct pe_sigaction { union { __sighandler_t _sa_handler; } _u; unsigned long sa_flags; __sigrestore_t sa_restorer; unsigned long sa_mask[2]; };\n' +
      'struct pe_user_desc { unsigned int entry_number; unsigned int base_addr; unsigned int limit; unsigned int flags; };',
    structs: [
      ['sigaction', 'struct pe_sigaction', 'sa_handler sa_flags sa_restorer sa_mask[]'],
      ['user_desc', 'struct pe_user_desc', 'entry_number base_addr limit flags'],
    ],
  },
  x86_64: {
    // arch/x86/kernel/signal.c: rt_sigframe = { char *pretcode; ucontext; siginfo } with the FP state
    // (fxsave layout, struct _fpstate_64) below it; here the FP state follows in the same frame
    // (uc_mcontext.fpstate points to it) and pad puts pretcode where the handler's rsp is
    // 8 mod 16, as after a call. pe_mcontext restates the frame from uc_mcontext on, so the
    // FP registers are fields of the context the signal code reads and writes.
    decl: '#include <asm/sigcontext.h>\n#include <asm/ucontext.h>\n' +
      'struct pe_rt_sigframe { char pad[8]; char *pretcode; struct ucontext uc; siginfo_t info; struct _fpstate_64 fp __attribute__((__aligned__(64))); };\n' +
      '#define PE_FP_PAD (__builtin_offsetof(struct pe_rt_sigframe, fp) - __builtin_offsetof(struct pe_rt_sigframe, uc) - __builtin_offsetof(struct ucontext, uc_mcontext) - sizeof(struct sigcontext) - sizeof(unsigned long) - sizeof(siginfo_t))\n' +
      'struct pe_mcontext { struct sigcontext sc; unsigned long uc_sigmask; char info[sizeof(siginfo_t)]; char pad[PE_FP_PAD];\n' +
      '  struct _fpstate_64 fp; } __attribute__((__packed__));',
    structs: [
      ['sigaction', 'struct sigaction', 'sa_handler sa_flags sa_restorer sa_mask[]'],
      ['rt_sigframe', 'struct pe_rt_sigframe', 'pretcode uc[] info[] fp[]'],
      ['ucontext', 'struct ucontext', 'uc_flags uc_link uc_stack.ss_sp uc_stack.ss_flags uc_stack.ss_size uc_sigmask[] uc_mcontext[]'],
      ['mcontext', 'struct pe_mcontext', 'sc.r8 sc.r9 sc.r10 sc.r11 sc.r12 sc.r13 sc.r14 sc.r15 sc.rdi sc.rsi sc.rbp sc.rbx sc.rdx sc.rax sc.rcx sc.rsp sc.rip sc.eflags sc.cs sc.gs sc.fs sc.err sc.trapno sc.oldmask sc.cr2 sc.fpstate ' +
        'fp.cwd fp.swd fp.twd fp.fop fp.rip fp.rdp fp.mxcsr fp.mxcsr_mask fp.st_space[] fp.xmm_space[]'],
    ],
  },
};

function eachOf(f: string): string {
  return Array.from({ length: 32 }, (_, i) => `${f}[${i}]`).join(' ');
}

function mipsO32Signal(): { decl: string; structs: StructSpec[] } {
  const each = eachOf;
  return {
    decl: '#include <asm/sigcontext.h>\n#include <asm/ucontext.h>\n' +
      'struct pe_sigframe { __u32 sf_ass[4]; __u32 sf_pad[2]; struct sigcontext sf_sc; sigset_t sf_mask; };\n' +
      'struct pe_rt_sigframe { __u32 rs_ass[4]; __u32 rs_pad[2]; siginfo_t rs_info; struct ucontext rs_uc; };',
    structs: [
      ['sigframe', 'struct pe_sigframe', 'sf_ass[] sf_pad[] sf_sc[] sf_mask[]'],
      ['rt_sigframe', 'struct pe_rt_sigframe', 'rs_ass[] rs_pad[] rs_info[] rs_uc[]'],
      ['ucontext', 'struct ucontext', 'uc_flags uc_link uc_stack.ss_sp uc_stack.ss_flags uc_stack.ss_size uc_mcontext[] uc_sigmask[]'],
      ['sigcontext', 'struct sigcontext', `sc_regmask sc_status sc_pc ${each('sc_regs')} ${each('sc_fpregs')} sc_acx sc_fpc_csr sc_fpc_eir sc_used_math sc_dsp sc_mdhi sc_mdlo sc_hi1 sc_lo1 sc_hi2 sc_lo2 sc_hi3 sc_lo3`],
    ],
  };
}
/** extra structs for 32-bit targets that use the *64 calls */
const STRUCTS64: StructSpec[] = [
  ['stat64', 'struct stat64', 'st_dev st_ino st_mode st_nlink st_uid st_gid st_rdev st_size st_blksize st_blocks st_atime st_atime_nsec st_mtime st_mtime_nsec st_ctime st_ctime_nsec'],
  ['statfs64', 'struct statfs64', 'f_type f_bsize f_blocks f_bfree f_bavail f_files f_ffree f_fsid[] f_namelen f_frsize f_flags'],
  ['flock64', 'struct flock64', 'l_type l_whence l_start l_len l_pid'],
];

/** kernel constants, printed when the headers define them */
const CONSTS = `
O_ACCMODE O_RDONLY O_WRONLY O_RDWR O_CREAT O_EXCL O_NOCTTY O_TRUNC O_APPEND O_NONBLOCK O_DSYNC
FASYNC O_DIRECT O_LARGEFILE O_DIRECTORY O_NOFOLLOW O_NOATIME O_CLOEXEC O_SYNC O_PATH O_TMPFILE
F_DUPFD F_GETFD F_SETFD F_GETFL F_SETFL F_GETLK F_SETLK F_SETLKW F_SETOWN F_GETOWN F_SETSIG F_GETSIG
F_GETLK64 F_SETLK64 F_SETLKW64 F_SETOWN_EX F_GETOWN_EX F_OFD_GETLK F_OFD_SETLK F_OFD_SETLKW
F_SETLEASE F_GETLEASE F_NOTIFY F_DUPFD_CLOEXEC F_SETPIPE_SZ F_GETPIPE_SZ F_ADD_SEALS F_GET_SEALS
FD_CLOEXEC F_RDLCK F_WRLCK F_UNLCK
AT_FDCWD AT_SYMLINK_NOFOLLOW AT_REMOVEDIR AT_SYMLINK_FOLLOW AT_NO_AUTOMOUNT AT_EMPTY_PATH AT_EACCESS
AT_STATX_SYNC_TYPE AT_STATX_FORCE_SYNC AT_STATX_DONT_SYNC
RENAME_NOREPLACE RENAME_EXCHANGE RENAME_WHITEOUT
SEEK_SET SEEK_CUR SEEK_END SEEK_DATA SEEK_HOLE
STATX_TYPE STATX_MODE STATX_NLINK STATX_UID STATX_GID STATX_ATIME STATX_MTIME STATX_CTIME STATX_INO
STATX_SIZE STATX_BLOCKS STATX_BASIC_STATS STATX_BTIME STATX_ALL
PROT_NONE PROT_READ PROT_WRITE PROT_EXEC PROT_SEM PROT_GROWSDOWN PROT_GROWSUP
MAP_SHARED MAP_PRIVATE MAP_SHARED_VALIDATE MAP_TYPE MAP_FIXED MAP_ANONYMOUS MAP_32BIT MAP_GROWSDOWN
MAP_DENYWRITE MAP_EXECUTABLE MAP_LOCKED MAP_NORESERVE MAP_POPULATE MAP_NONBLOCK MAP_STACK MAP_HUGETLB
MAP_SYNC MAP_FIXED_NOREPLACE MAP_UNINITIALIZED
MREMAP_MAYMOVE MREMAP_FIXED MREMAP_DONTUNMAP
MS_ASYNC MS_INVALIDATE MS_SYNC MCL_CURRENT MCL_FUTURE MCL_ONFAULT MLOCK_ONFAULT
MADV_NORMAL MADV_RANDOM MADV_SEQUENTIAL MADV_WILLNEED MADV_DONTNEED MADV_FREE MADV_REMOVE
MADV_DONTFORK MADV_DOFORK MADV_MERGEABLE MADV_UNMERGEABLE MADV_HUGEPAGE MADV_NOHUGEPAGE
MADV_DONTDUMP MADV_DODUMP MADV_WIPEONFORK MADV_KEEPONFORK MADV_COLD MADV_PAGEOUT
SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGIOT SIGBUS SIGFPE SIGKILL SIGUSR1 SIGSEGV SIGUSR2
SIGPIPE SIGALRM SIGTERM SIGSTKFLT SIGCHLD SIGCONT SIGSTOP SIGTSTP SIGTTIN SIGTTOU SIGURG SIGXCPU
SIGXFSZ SIGVTALRM SIGPROF SIGWINCH SIGIO SIGPOLL SIGPWR SIGSYS SIGEMT SIGRTMIN SIGRTMAX _NSIG
SA_NOCLDSTOP SA_NOCLDWAIT SA_SIGINFO SA_ONSTACK SA_RESTART SA_NODEFER SA_RESETHAND SA_RESTORER
SA_EXPOSE_TAGBITS SA_UNSUPPORTED
SIG_BLOCK SIG_UNBLOCK SIG_SETMASK SS_ONSTACK SS_DISABLE SS_AUTODISARM MINSIGSTKSZ SIGSTKSZ
SI_USER SI_KERNEL SI_QUEUE SI_TIMER SI_MESGQ SI_ASYNCIO SI_SIGIO SI_TKILL
ILL_ILLOPC ILL_ILLOPN ILL_ILLADR ILL_ILLTRP ILL_PRVOPC ILL_PRVREG ILL_COPROC ILL_BADSTK
FPE_INTDIV FPE_INTOVF FPE_FLTDIV FPE_FLTOVF FPE_FLTUND FPE_FLTRES FPE_FLTINV FPE_FLTSUB
SEGV_MAPERR SEGV_ACCERR BUS_ADRALN BUS_ADRERR BUS_OBJERR TRAP_BRKPT TRAP_TRACE
ITIMER_REAL ITIMER_VIRTUAL ITIMER_PROF
TCGETS TCSETS TCSETSW TCSETSF TCGETA TCSETA TCSETAW TCSETAF TCSBRK TCXONC TCFLSH TIOCEXCL TIOCNXCL
TIOCSCTTY TIOCGPGRP TIOCSPGRP TIOCOUTQ TIOCSTI TIOCGWINSZ TIOCSWINSZ TIOCMGET TIOCMSET TIOCGSOFTCAR
TIOCSSOFTCAR FIONREAD TIOCINQ TIOCLINUX TIOCCONS TIOCGSERIAL TIOCSSERIAL TIOCPKT FIONBIO TIOCNOTTY
TIOCSETD TIOCGETD TCSBRKP TIOCGSID TCGETS2 TCSETS2 TIOCGPTN TIOCSPTLCK FIONCLEX FIOCLEX FIOASYNC
TIOCGPTPEER FIOQSIZE
CLOCK_REALTIME CLOCK_MONOTONIC CLOCK_PROCESS_CPUTIME_ID CLOCK_THREAD_CPUTIME_ID CLOCK_MONOTONIC_RAW
CLOCK_REALTIME_COARSE CLOCK_MONOTONIC_COARSE CLOCK_BOOTTIME CLOCK_REALTIME_ALARM CLOCK_BOOTTIME_ALARM
CLOCK_SGI_CYCLE CLOCK_TAI TIMER_ABSTIME
RLIMIT_CPU RLIMIT_FSIZE RLIMIT_DATA RLIMIT_STACK RLIMIT_CORE RLIMIT_RSS RLIMIT_NPROC RLIMIT_NOFILE
RLIMIT_MEMLOCK RLIMIT_AS RLIMIT_LOCKS RLIMIT_SIGPENDING RLIMIT_MSGQUEUE RLIMIT_NICE RLIMIT_RTPRIO
RLIMIT_RTTIME RLIM_NLIMITS RLIM_INFINITY RUSAGE_SELF RUSAGE_CHILDREN RUSAGE_BOTH RUSAGE_THREAD
FUTEX_WAIT FUTEX_WAKE FUTEX_FD FUTEX_REQUEUE FUTEX_CMP_REQUEUE FUTEX_WAKE_OP FUTEX_LOCK_PI
FUTEX_UNLOCK_PI FUTEX_TRYLOCK_PI FUTEX_WAIT_BITSET FUTEX_WAKE_BITSET FUTEX_WAIT_REQUEUE_PI
FUTEX_CMP_REQUEUE_PI FUTEX_LOCK_PI2 FUTEX_PRIVATE_FLAG FUTEX_CLOCK_REALTIME FUTEX_CMD_MASK
GRND_NONBLOCK GRND_RANDOM GRND_INSECURE
POLLIN POLLPRI POLLOUT POLLERR POLLHUP POLLNVAL POLLRDNORM POLLRDBAND POLLWRNORM POLLWRBAND
NCCS S_IFMT S_IFSOCK S_IFLNK S_IFREG S_IFBLK S_IFDIR S_IFCHR S_IFIFO
PR_SET_NAME PR_GET_NAME PR_SET_PDEATHSIG PR_GET_PDEATHSIG PR_SET_DUMPABLE PR_GET_DUMPABLE
PR_SET_NO_NEW_PRIVS PR_GET_NO_NEW_PRIVS PR_SET_VMA PR_CAPBSET_READ PR_GET_SECCOMP PR_SET_SECCOMP
ICRNL IXON IXOFF BRKINT INPCK ISTRIP IMAXBEL IUTF8 OPOST ONLCR CBAUD B38400 CSIZE CS8 CREAD HUPCL
ISIG ICANON ECHO ECHOE ECHOK ECHONL ECHOCTL ECHOKE IEXTEN TOSTOP
VINTR VQUIT VERASE VKILL VEOF VTIME VMIN VSWTC VSTART VSTOP VSUSP VEOL VREPRINT VDISCARD VWERASE
VLNEXT VEOL2
SOL_SOCKET SO_DEBUG SO_REUSEADDR SO_TYPE SO_ERROR SO_DONTROUTE SO_BROADCAST SO_SNDBUF SO_RCVBUF
SO_SNDBUFFORCE SO_RCVBUFFORCE SO_KEEPALIVE SO_OOBINLINE SO_NO_CHECK SO_PRIORITY SO_LINGER SO_BSDCOMPAT
SO_REUSEPORT SO_PASSCRED SO_PEERCRED SO_RCVLOWAT SO_SNDLOWAT SO_RCVTIMEO_OLD SO_SNDTIMEO_OLD
SO_RCVTIMEO_NEW SO_SNDTIMEO_NEW SO_ACCEPTCONN SO_PROTOCOL SO_DOMAIN SO_TIMESTAMP_OLD SO_PEEK_OFF
SO_BINDTODEVICE SO_PASSSEC SO_PEERSEC SO_MARK SO_BUSY_POLL SO_INCOMING_CPU SO_ZEROCOPY
IPPROTO_IP IPPROTO_ICMP IPPROTO_TCP IPPROTO_UDP IPPROTO_IPV6 IPPROTO_ICMPV6 IPPROTO_RAW
IP_TOS IP_TTL IP_HDRINCL IP_OPTIONS IP_RECVERR IP_PKTINFO IP_MTU_DISCOVER IP_MULTICAST_IF
IP_MULTICAST_TTL IP_MULTICAST_LOOP IP_ADD_MEMBERSHIP IP_DROP_MEMBERSHIP IP_FREEBIND IP_RECVTOS
IPV6_V6ONLY IPV6_UNICAST_HOPS IPV6_MULTICAST_IF IPV6_MULTICAST_HOPS IPV6_MULTICAST_LOOP
IPV6_ADD_MEMBERSHIP IPV6_DROP_MEMBERSHIP IPV6_RECVPKTINFO IPV6_PKTINFO IPV6_TCLASS IPV6_RECVERR
TCP_NODELAY TCP_MAXSEG TCP_CORK TCP_KEEPIDLE TCP_KEEPINTVL TCP_KEEPCNT TCP_SYNCNT TCP_LINGER2
TCP_DEFER_ACCEPT TCP_WINDOW_CLAMP TCP_INFO TCP_QUICKACK TCP_CONGESTION TCP_USER_TIMEOUT TCP_FASTOPEN
UNIX_PATH_MAX
IPC_PRIVATE IPC_CREAT IPC_EXCL IPC_NOWAIT IPC_RMID IPC_SET IPC_STAT IPC_INFO IPC_64
SHM_RDONLY SHM_RND SHM_REMAP SHM_EXEC SHM_LOCK SHM_UNLOCK SHM_STAT SHM_INFO SHM_STAT_ANY SHMMNI SHMMIN
SEM_UNDO GETPID GETVAL GETALL GETNCNT GETZCNT SETVAL SETALL SEM_STAT SEM_INFO SEM_STAT_ANY SEMMNI SEMMSL
SEMMNS SEMOPM SEMVMX SEMAEM
MSG_NOERROR MSG_EXCEPT MSG_COPY MSG_STAT MSG_INFO MSG_STAT_ANY MSGMNI MSGMAX MSGMNB
`.trim().split(/\s+/);

const KERNEL_HEADERS = `
#include <linux/types.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include <asm/stat.h>
#include <asm/statfs.h>
#include <linux/time.h>
#include <linux/time_types.h>
#include <linux/resource.h>
#include <linux/sysinfo.h>
#include <linux/utsname.h>
#include <linux/times.h>
#include <asm/signal.h>
#include <linux/signal.h>
#include <linux/uio.h>
#include <asm/termbits.h>
#include <asm/termios.h>
#include <asm/ioctls.h>
#include <asm/mman.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <asm/errno.h>
#include <linux/futex.h>
#include <linux/random.h>
#include <linux/poll.h>
#include <linux/prctl.h>
#include <linux/socket.h>
#include <asm/socket.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/un.h>
#include <linux/tcp.h>
#include <linux/ipc.h>
#include <linux/shm.h>
#include <linux/sem.h>
#include <linux/msg.h>
`;

function kernelSource(structs: StructSpec[], errnoNames: string[], decl = ''): string {
  const lines: string[] = [
    KERNEL_HEADERS,
    decl,
    'int printf(const char *, ...);',
    'struct pe_dirent64 { __u64 d_ino; __s64 d_off; unsigned short d_reclen; unsigned char d_type; char d_name[0]; };',
    '#define SIGNED(T, f) ((__typeof__(((T *)0)->f))-1 < (__typeof__(((T *)0)->f))0)',
    '#define OFF(T, f) ((unsigned long)&((T *)0)->f)',
    'void pe_kernel(void) {',
  ];
  for (const [name, ctype, fields] of structs) {
    lines.push(`  printf("S ${name} %lu\\n", (unsigned long)sizeof(${ctype}));`);
    for (let f of fields.split(' ')) {
      const arr = f.endsWith('[]');
      if (arr) f = f.slice(0, -2);
      const signed = arr ? '0' : `SIGNED(${ctype}, ${f})`;
      lines.push(`  printf("F ${name} ${f} %lu %lu %d %d\\n", OFF(${ctype}, ${f}), (unsigned long)sizeof(((${ctype} *)0)->${f}), (int)${signed}, ${arr ? 1 : 0});`);
    }
  }
  // some uapi headers (arm) define SIGRTMAX as _NSIG but leave _NSIG to the kernel (64 everywhere)
  lines.push('#ifndef _NSIG', '#define _NSIG 64', '#endif');
  for (const c of [...CONSTS, ...errnoNames]) {
    lines.push(`#ifdef ${c}`, `  printf("C ${c} %lld\\n", (long long)(${c}));`, '#endif');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

const LIBC_SOURCE = `
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <dirent.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/socket.h>
void pe_kernel(void);
int main(void) {
  pe_kernel();
LIBC_CONSTS
  for (int i = 1; i < 200; i++) {
    char unknown[64];
    snprintf(unknown, sizeof unknown, "Unknown error %d", i);
    const char *s = strerror(i);
    if (strcmp(s, unknown)) printf("T %d %s\\n", i, s);
  }
  for (int i = 1; i < 32; i++) printf("G %d %s\\n", i, strsignal(i));
  return 0;
}
`;

/** constants only the C library headers define */
const LIBC_CONSTS = `F_OK R_OK W_OK X_OK UTIME_NOW UTIME_OMIT DT_UNKNOWN DT_FIFO DT_CHR DT_DIR DT_BLK DT_REG DT_LNK DT_SOCK DT_WHT
AF_UNSPEC AF_UNIX AF_INET AF_INET6 AF_NETLINK AF_PACKET SOCK_STREAM SOCK_DGRAM SOCK_RAW SOCK_RDM
SOCK_SEQPACKET SOCK_PACKET SOCK_NONBLOCK SOCK_CLOEXEC MSG_OOB MSG_PEEK MSG_DONTROUTE MSG_CTRUNC MSG_PROXY
MSG_TRUNC MSG_DONTWAIT MSG_EOR MSG_WAITALL MSG_FIN MSG_SYN MSG_CONFIRM MSG_RST MSG_ERRQUEUE MSG_NOSIGNAL
MSG_MORE MSG_WAITFORONE MSG_CMSG_CLOEXEC SHUT_RD SHUT_WR SHUT_RDWR SCM_RIGHTS SCM_CREDENTIALS SOMAXCONN`.split(/\s+/);

function libcSource(): string {
  const body = LIBC_CONSTS.map((c) => `#ifdef ${c}\n  printf("C ${c} %lld\\n", (long long)(${c}));\n#endif`).join('\n');
  return LIBC_SOURCE.replace('LIBC_CONSTS', body);
}

interface Field { off: number; size: number; signed?: true; array?: true }

function render(t: CrossTarget, out: string): string {
  const structs = new Map<string, { size: number; fields: Map<string, Field> }>();
  const consts: Array<[string, number]> = [];
  const errText: Array<[number, string]> = [];
  const sigText: Array<[number, string]> = [];
  for (const line of out.split('\n')) {
    const w = line.split(' ');
    if (w[0] === 'S') structs.set(w[1], { size: +w[2], fields: new Map() });
    else if (w[0] === 'F') {
      const f: Field = { off: +w[3], size: +w[4] };
      if (w[5] === '1') f.signed = true;
      if (w[6] === '1') f.array = true;
      structs.get(w[1])!.fields.set(w[2], f);
    } else if (w[0] === 'C') consts.push([w[1], +w[2]]);
    else if (w[0] === 'T') errText.push([+w[1], w.slice(2).join(' ')]);
    else if (w[0] === 'G') sigText.push([+w[1], w.slice(2).join(' ')]);
  }
  const q = (s: string) => JSON.stringify(s).replace(/'/g, "\\'");
  const o: string[] = [
    `// GENERATED by tools/gen-layouts.ts (${t.triplet}-gcc, kernel uapi headers, run under qemu-${t.name}) — do not edit.`,
    "import type { ArchData } from '../layout.js';",
    '',
    `export const ${t.name}Arch: ArchData = {`,
    `  name: '${t.name}',`,
    '  structs: {',
  ];
  for (const [name, s] of structs) {
    o.push(`    ${name}: {`, `      size: ${s.size},`, '      fields: {');
    for (const [fname, f] of s.fields) {
      const extra = (f.signed ? ', signed: true' : '') + (f.array ? ', array: true' : '');
      o.push(`        ${/^\w+$/.test(fname) ? fname : `'${fname}'`}: { off: ${f.off}, size: ${f.size}${extra} },`);
    }
    o.push('      },', '    },');
  }
  o.push('  },', '  consts: {');
  for (const [n, v] of consts) o.push(`    ${n}: ${v},`);
  o.push('  },', '  errnoText: {');
  for (const [n, s] of errText) o.push(`    ${n}: ${q(s)},`);
  o.push('  },', '  signalText: {');
  for (const [n, s] of sigText) o.push(`    ${n}: ${q(s)},`);
  o.push('  },', '};', '');
  return o.join('\n');
}

export function generate(t: CrossTarget): string {
  const cc = crossCc(t);
  if (!cc) throw new Error(`${t.triplet}-gcc is not installed`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pe-layouts-'));
  try {
    const errnoNames = [...execFileSync(cc, ['-E', '-dM', '-'], { input: '#include <asm/errno.h>\n', encoding: 'utf8' })
      .matchAll(/^#define (E[A-Z0-9]+) /gm)].map((m) => m[1]);
    const sig = SIGNAL_STRUCTS[t.name];
    // a target's own spec of a common struct (same name) takes that struct's place
    const own = new Map((sig?.structs ?? []).map((s) => [s[0], s]));
    const common = [...STRUCTS, ...(t.stat64 ? STRUCTS64 : [])];
    const names = new Set(common.map((s) => s[0]));
    const structs = [...common.map((s) => own.get(s[0]) ?? s), ...(sig?.structs ?? []).filter((s) => !names.has(s[0]))];
    fs.writeFileSync(path.join(dir, 'k.c'), kernelSource(structs, errnoNames, NET_DECL + (sig?.decl ?? '')));
    fs.writeFileSync(path.join(dir, 'l.c'), libcSource());
    const exe = path.join(dir, 'layouts');
    execFileSync(cc, [...(t.cflags ?? []), '-static', '-O0', '-w', '-o', exe, path.join(dir, 'k.c'), path.join(dir, 'l.c')]);
    const out = execFileSync(`qemu-${t.name}`, [exe], { encoding: 'utf8' });
    return render(t, out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv: string[]): void {
  for (const n of argv.length ? argv : ['riscv64']) {
    const t = CROSS_TARGETS[n];
    if (!t) throw new Error(`unknown target ${n}`);
    const file = path.join(ROOT, 'syscalls/layouts', `${n}.ts`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, generate(t));
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
