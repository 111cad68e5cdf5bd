@ Signal frames of 32-bit ARM Linux (tests/targets/arm/signal-frame.test.ts): a handler installed
@ without SA_SIGINFO gets the kernel's sigframe (no siginfo: 128 bytes less stack, r1/r2 as
@ they were), one with SA_SIGINFO the rt_sigframe (r1 = &info, r2 = &uc); neither passes
@ SA_RESTORER, so both return through the kernel's own return code (sigreturn /
@ rt_sigreturn). Writes sp(main) - sp(handler) for both, r1 and r2 relative to the rt
@ handler's sp, and r2 of the plain handler (as set before kill) to the file argv[1].
@   arm-linux-gnueabihf-gcc -nostdlib -static -o sigframe.elf sigframe.S
	.syntax unified
	.arch armv7-a
	.text
	.arm
	.globl _start
_start:
	ldr r0, [sp, #8]		@ argv[1]
	ldr r1, =path
	str r0, [r1]
	ldr r4, =act
	@ rt_sigaction(SIGUSR1, {plain, flags 0}, NULL, 8)
	ldr r0, =plain
	str r0, [r4]
	mov r0, #0
	str r0, [r4, #4]
	mov r0, #10
	mov r1, r4
	mov r2, #0
	mov r3, #8
	mov r7, #174
	svc #0
	@ rt_sigaction(SIGUSR2, {rt, SA_SIGINFO}, NULL, 8)
	ldr r0, =rt
	str r0, [r4]
	mov r0, #4
	str r0, [r4, #4]
	mov r0, #12
	mov r1, r4
	mov r2, #0
	mov r3, #8
	mov r7, #174
	svc #0
	ldr r5, =out
	mov r8, sp
	mov r7, #20			@ getpid
	svc #0
	mov r6, r0
	mov r0, r6
	mov r1, #10
	ldr r2, =0x1234			@ r2 for the plain handler to see
	mov r7, #37			@ kill(pid, SIGUSR1)
	svc #0
	mov r0, r6
	mov r1, #12
	mov r7, #37			@ kill(pid, SIGUSR2)
	svc #0
	@ openat(AT_FDCWD, path, O_WRONLY|O_CREAT|O_TRUNC, 0644); write(fd, out, 20); exit(0)
	mvn r0, #99
	ldr r1, =path
	ldr r1, [r1]
	ldr r2, =0x241
	ldr r3, =0644
	ldr r7, =322
	svc #0
	ldr r1, =out
	mov r2, #20
	mov r7, #4
	svc #0
	mov r0, #0
	mov r7, #1
	svc #0
plain:					@ out[0] = sp(main) - sp, out[4] = r2 as the handler got it
	sub r3, r8, sp
	str r3, [r5]
	str r2, [r5, #4]
	bx lr
rt:					@ out[8] = sp(main) - sp, out[12] = r1 - sp, out[16] = r2 - sp
	sub r3, r8, sp
	str r3, [r5, #8]
	sub r3, r1, sp
	str r3, [r5, #12]
	sub r3, r2, sp
	str r3, [r5, #16]
	bx lr
	.ltorg
	.data
act:	.space 20
path:	.word 0
	.balign 8
out:	.space 20
