	.set	noreorder
	.set	noat
	.option	pic0
	.text
	.globl	__start
__start:
# round 0
	dla	$30, scratch + 0
	li	$2, 88
	li	$3, 0
	li	$4, -2147483648
	li	$5, 220
	li	$6, -3117
	li	$7, -1
	li	$8, 32768
	li	$9, -2015
	li	$10, 32768
	li	$11, 65535
	li	$12, 65535
	li	$13, 28
	li	$14, 38579254
	li	$15, 128
	li	$16, -1826289433
	li	$17, 32768
	li	$18, -2147483648
	li	$19, -3534
	li	$20, 1
	li	$21, 1
	li	$22, 65535
	li	$23, 128
	li	$24, 2147483647
	mtc1	$24, $f0
	li	$24, 2147483647
	mthc1	$24, $f0
	li	$24, -1
	mtc1	$24, $f2
	li	$24, 32768
	mthc1	$24, $f2
	li	$24, 253983883
	mtc1	$24, $f4
	li	$24, 247
	mthc1	$24, $f4
	li	$24, -1
	mtc1	$24, $f6
	li	$24, 128
	mthc1	$24, $f6
	li	$24, 1
	mtc1	$24, $f8
	li	$24, 23
	mthc1	$24, $f8
	li	$24, -2122
	mtc1	$24, $f10
	li	$24, 1
	mthc1	$24, $f10
	li	$24, 0
	mtc1	$24, $f12
	li	$24, 128
	mthc1	$24, $f12
	li	$24, 1
	mtc1	$24, $f14
	li	$24, 128
	mthc1	$24, $f14
	addiu	$9, $19, 14354
	msub.d	$f4, $f8, $f6, $f12
	dsll32	$8, $8, 20
	mult	$20, $18
	mflo	$4
	dext	$15, $2, 29, 6
	cvt.d.s	$f10, $f8
	beql	$12, $17, 1f
	addiu	$6, $6, 110
	xor	$17, $17, $12
1:
	xori	$5, $7, 13277
	lui	$19, 11472
	bnel	$17, $7, 2f
	addiu	$9, $9, -108
	xor	$7, $7, $17
2:
	mfc1	$16, $f12
	bal	3f
	addiu	$24, $31, 0
	b	1003f
	nop
	3:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $12
1003:
	dclz	$6, $14
	swl	$12, 59($30)
	dsll32	$12, $23, 11
	lwr	$10, 48($30)
	daddu	$10, $9, $8
	movn	$12, $2, $18
	mfc1	$4, $f12
	dins	$11, $11, 8, 9
	cvt.d.w	$f4, $f0
	li	$3, -1
	round.w.s	$f10, $f10
	dclz	$22, $14
	bne	$11, $19, 4f
	addiu	$10, $10, 49
	xor	$19, $19, $11
4:
	ddiv	$zero, $15, $23
	mflo	$3
	drotr32	$13, $8, 6
	xori	$5, $20, 18805
	lui	$13, 37022
	srl	$12, $13, 14
	li	$22, 1
	dmultu	$15, $18
	mflo	$22
	dext	$7, $13, 31, 27
	cvt.s.w	$f8, $f8
	mthi	$3
	mtlo	$10
	beql	$5, $7, 5f
	addiu	$18, $18, -98
	xor	$7, $7, $5
5:
	xor	$19, $12, $18
	cvt.d.s	$f0, $f4
	swr	$21, 58($30)
	addu	$21, $4, $21
	ddivu	$zero, $17, $7
	mflo	$14
	ld	$8, 32($30)
	lbu	$9, 59($30)
	mthi	$18
	mtlo	$7
	bgtz	$23, 6f
	addiu	$3, $3, 62
	xor	$5, $5, $23
6:
	trunc.w.s	$f6, $f0
	sqrt.d	$f8, $f2
	dext	$10, $9, 20, 11
	mtc1	$6, $f14
	cvt.d.w	$f4, $f14
	c.un.d	$fcc0, $f14, $f10
	sh	$2, 8($30)
	bal	7f
	addiu	$24, $31, 0
	b	1007f
	nop
	7:	subu	$23, $31, $24
	jr	$31
	addu	$23, $23, $12
1007:
	bal	8f
	addiu	$24, $31, 0
	b	1008f
	nop
	8:	subu	$18, $31, $24
	jr	$31
	addu	$18, $18, $5
1008:
	li	$13, 2147483647
	addu	$6, $16, $16
	msub.s	$f0, $f10, $f6, $f4
	lwl	$2, 16($30)
	dext	$13, $4, 15, 5
	ins	$10, $8, 3, 29
	divu	$zero, $15, $10
	mflo	$19
	lwl	$19, 9($30)
	mtc1	$20, $f4
	cvt.d.w	$f4, $f2
	bgezl	$19, 9f
	addiu	$4, $4, -126
	xor	$6, $6, $19
9:
	c.ngt.d	$fcc4, $f0, $f0
	mthi	$9
	mtlo	$22
	lw	$11, 52($30)
	bal	10f
	addiu	$24, $31, 0
	b	1010f
	nop
	10:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $23
1010:
	dsrl	$19, $23, 12
	mfc1	$10, $f2
	clz	$10, $18
	wsbh	$6, $18
	mtc1	$14, $f12
	cvt.d.w	$f6, $f10
	lw	$4, 8($30)
	andi	$3, $8, 15473
	lui	$18, 17015
	lw	$15, 16($30)
	clo	$15, $13
	seb	$22, $13
	ddiv	$zero, $13, $21
	mfhi	$3
	slti	$4, $7, -10173
	clz	$16, $17
	seh	$6, $17
	c.ult.d	$fcc5, $f8, $f8
	lwl	$11, 28($30)
	multu	$9, $13
	mfhi	$14
	sh	$18, 30($30)
	dext	$15, $7, 6, 22
	dsrl32	$18, $7, 19
	dsll	$5, $14, 17
	dext	$16, $17, 7, 4
	sw	$18, 20($30)
	lwl	$11, 23($30)
	drotrv	$12, $5, $12
	movn	$22, $12, $5
	dext	$9, $3, 5, 17
	bgtzl	$15, 11f
	addiu	$12, $12, -31
	xor	$11, $11, $15
11:
	mthi	$8
	mtlo	$19
	div.d	$f2, $f2, $f14
	c.olt.s	$fcc4, $f0, $f6
	dmult	$21, $8
	mfhi	$6
	sra	$11, $6, 18
	lb	$11, 53($30)
	ld	$7, 40($30)
	neg.d	$f2, $f8
	sltiu	$12, $10, 3204
	lwr	$22, 48($30)
	daddiu	$23, $19, -27274
	lw	$13, 52($30)
	clz	$9, $3
	seh	$12, $3
	bal	12f
	addiu	$24, $31, 0
	b	1012f
	nop
	12:	subu	$8, $31, $24
	jr	$31
	addu	$8, $8, $7
1012:
	dsrl32	$15, $8, 7
	beq	$12, $8, 13f
	addiu	$3, $3, 18
	xor	$8, $8, $12
13:
	mfc1	$2, $f4
	mthi	$5
	mtlo	$2
	madd.d	$f0, $f6, $f10, $f2
	ddiv	$zero, $12, $11
	mflo	$19
	c.ule.d	$fcc3, $f6, $f10
	swr	$7, 34($30)
	lh	$10, 12($30)
	sh	$11, 34($30)
	mfc1	$18, $f14
	c.seq.s	$fcc6, $f2, $f0
	lh	$17, 58($30)
	sb	$19, 53($30)
	swr	$6, 11($30)
	dext	$3, $22, 16, 9
	bal	14f
	addiu	$24, $31, 0
	b	1014f
	nop
	14:	subu	$15, $31, $24
	jr	$31
	addu	$15, $15, $11
1014:
	li	$23, 2147483647
	swr	$12, 25($30)
	cvt.s.w	$f14, $f10
	daddiu	$23, $22, 10596
	sra	$16, $14, 10
	sb	$13, 60($30)
	sra	$2, $8, 19
	srav	$6, $9, $16
	div.d	$f6, $f4, $f0
	dext	$23, $9, 24, 32
	li	$9, 2147483647
	sd	$6, 8($30)
	nmsub.d	$f8, $f6, $f12, $f14
	clo	$14, $8
	seh	$4, $8
	sub.s	$f4, $f14, $f4
	bnel	$14, $9, 15f
	addiu	$17, $17, -118
	xor	$9, $9, $14
15:
	bal	16f
	addiu	$24, $31, 0
	b	1016f
	nop
	16:	subu	$2, $31, $24
	jr	$31
	addu	$2, $2, $5
1016:
	multu	$21, $19
	mflo	$2
	daddiu	$8, $10, 25927
	sb	$20, 40($30)
	ins	$6, $9, 17, 15
	andi	$21, $5, 55860
	lui	$10, 16993
	clz	$22, $15
	seb	$16, $15
	cvt.d.w	$f10, $f4
	dmultu	$2, $8
	mflo	$13
	lwl	$12, 34($30)
	sltiu	$15, $13, 30035
	daddiu	$16, $11, -11082
	mtc1	$6, $f2
	cvt.d.w	$f0, $f0
	lwu	$16, 24($30)
	bne	$2, $4, 17f
	addiu	$6, $6, 1
	xor	$4, $4, $2
17:
	sqrt.d	$f6, $f0
	c.eq.s	$fcc4, $f8, $f8
	xori	$18, $9, 16102
	lui	$10, 59967
	mtc1	$11, $f12
	cvt.d.w	$f0, $f0
	ddivu	$zero, $15, $4
	mfhi	$13
	sub.d	$f4, $f2, $f8
	nmsub.d	$f6, $f6, $f4, $f14
	sb	$22, 42($30)
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 1
	dla	$30, scratch + 64
	li	$2, 128
	li	$3, 2147483647
	li	$4, 2147483647
	li	$5, 32768
	li	$6, 2147483647
	li	$7, -1040
	li	$8, 128
	li	$9, -1234
	li	$10, 0
	li	$11, 15
	li	$12, 32768
	li	$13, 241912920
	li	$14, 1676963927
	li	$15, -2147483648
	li	$16, 32768
	li	$17, -1441051242
	li	$18, -1973
	li	$19, 2147483647
	li	$20, 1
	li	$21, 32768
	li	$22, -933846575
	li	$23, 151
	li	$24, 387960786
	mtc1	$24, $f0
	li	$24, 0
	mthc1	$24, $f0
	li	$24, -1
	mtc1	$24, $f2
	li	$24, -1261032592
	mthc1	$24, $f2
	li	$24, -1374035738
	mtc1	$24, $f4
	li	$24, 32768
	mthc1	$24, $f4
	li	$24, 32768
	mtc1	$24, $f6
	li	$24, 787707317
	mthc1	$24, $f6
	li	$24, 1
	mtc1	$24, $f8
	li	$24, 128
	mthc1	$24, $f8
	li	$24, 1
	mtc1	$24, $f10
	li	$24, 32768
	mthc1	$24, $f10
	li	$24, 0
	mtc1	$24, $f12
	li	$24, 1
	mthc1	$24, $f12
	li	$24, 1451989934
	mtc1	$24, $f14
	li	$24, 32768
	mthc1	$24, $f14
	dsllv	$13, $10, $19
	lb	$10, 31($30)
	blez	$16, 18f
	addiu	$15, $15, 22
	xor	$6, $6, $16
18:
	mtc1	$8, $f6
	cvt.d.w	$f2, $f12
	mtc1	$23, $f14
	cvt.d.w	$f4, $f8
	neg.s	$f12, $f4
	mfc1	$8, $f12
	nmadd.s	$f12, $f12, $f2, $f8
	daddiu	$18, $9, 16530
	ins	$15, $7, 27, 3
	daddiu	$23, $11, -16418
	sub.d	$f6, $f12, $f8
	cvt.s.d	$f12, $f14
	clz	$4, $15
	seh	$22, $15
	mfc1	$2, $f10
	ins	$12, $22, 15, 2
	cvt.s.w	$f6, $f14
	ins	$10, $15, 24, 8
	clz	$8, $20
	wsbh	$16, $20
	dmultu	$10, $19
	mfhi	$6
	cvt.d.s	$f12, $f14
	mfc1	$11, $f2
	dmult	$23, $22
	mflo	$21
	lw	$22, 20($30)
	mtc1	$3, $f6
	cvt.d.w	$f14, $f8
	sb	$19, 29($30)
	sw	$8, 32($30)
	mfc1	$7, $f10
	xori	$14, $23, 35377
	lui	$23, 25130
	clo	$18, $3
	seb	$23, $3
	clz	$19, $18
	wsbh	$2, $18
	multu	$4, $5
	mflo	$18
	multu	$18, $6
	mfhi	$7
	dext	$17, $7, 16, 22
	nmsub.d	$f10, $f14, $f10, $f10
	dsll32	$3, $6, 19
	ddivu	$zero, $18, $23
	mfhi	$20
	daddiu	$13, $12, -11282
	dext	$11, $2, 13, 4
	divu	$zero, $22, $15
	mflo	$23
	lwr	$20, 42($30)
	slti	$19, $14, 3533
	bltzl	$12, 19f
	addiu	$21, $21, -55
	xor	$6, $6, $12
19:
	lhu	$16, 4($30)
	c.seq.d	$fcc6, $f10, $f4
	dext	$7, $22, 21, 19
	dins	$6, $18, 9, 17
	li	$11, 493733865
	sltiu	$3, $13, 14970
	beql	$14, $22, 20f
	addiu	$23, $23, 74
	xor	$22, $22, $14
20:
	neg.d	$f4, $f10
	dclz	$12, $5
	mthi	$7
	mtlo	$22
	lwu	$3, 24($30)
	lh	$20, 58($30)
	dshd	$23, $13
	bal	21f
	addiu	$24, $31, 0
	b	1021f
	nop
	21:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $4
1021:
	nmadd.d	$f14, $f12, $f8, $f14
	bal	22f
	addiu	$24, $31, 0
	b	1022f
	nop
	22:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $19
1022:
	trunc.w.s	$f12, $f12
	sw	$22, 56($30)
	lw	$21, 4($30)
	bltz	$6, 23f
	addiu	$13, $13, 117
	xor	$21, $21, $6
23:
	daddiu	$10, $9, 3048
	ext	$20, $10, 8, 17
	andi	$20, $16, 15309
	lui	$17, 28896
	ext	$23, $9, 18, 13
	div.s	$f14, $f12, $f14
	slt	$7, $4, $16
	mtc1	$21, $f8
	cvt.s.w	$f2, $f6
	add.s	$f4, $f10, $f8
	bgtz	$3, 24f
	addiu	$21, $21, 52
	xor	$9, $9, $3
24:
	srlv	$16, $13, $12
	nmadd.d	$f2, $f8, $f4, $f12
	daddiu	$17, $10, 26391
	mthi	$4
	mtlo	$6
	daddiu	$22, $14, -6278
	sh	$21, 20($30)
	li	$13, 218
	swr	$4, 19($30)
	lwr	$8, 58($30)
	mtc1	$20, $f2
	cvt.s.w	$f6, $f10
	li	$6, -3726
	ext	$5, $23, 5, 3
	ld	$17, 8($30)
	ceil.w.d	$f8, $f8
	nmsub.d	$f0, $f4, $f12, $f10
	nmsub.d	$f14, $f14, $f8, $f10
	xori	$12, $15, 59880
	lui	$21, 42325
	cvt.w.s	$f0, $f2
	sll	$5, $16, 24
	cvt.d.s	$f6, $f10
	div.s	$f8, $f4, $f2
	dins	$6, $4, 15, 16
	c.olt.d	$fcc1, $f8, $f0
	dmult	$7, $20
	mflo	$14
	c.olt.d	$fcc4, $f12, $f12
	neg.s	$f10, $f12
	mfc1	$14, $f2
	dmult	$10, $5
	mflo	$23
	cvt.w.s	$f6, $f14
	swr	$10, 22($30)
	sd	$5, 16($30)
	cvt.d.w	$f14, $f14
	mtc1	$15, $f10
	cvt.d.w	$f4, $f8
	sb	$16, 4($30)
	nmsub.s	$f10, $f6, $f2, $f10
	bnel	$19, $21, 25f
	addiu	$16, $16, 80
	xor	$21, $21, $19
25:
	bgezl	$7, 26f
	addiu	$5, $5, 53
	xor	$13, $13, $7
26:
	dclz	$10, $4
	c.ueq.d	$fcc1, $f2, $f14
	mthi	$22
	mtlo	$13
	bltz	$8, 27f
	addiu	$9, $9, 92
	xor	$11, $11, $8
27:
	bal	28f
	addiu	$24, $31, 0
	b	1028f
	nop
	28:	subu	$11, $31, $24
	jr	$31
	addu	$11, $11, $2
1028:
	bnel	$12, $14, 29f
	addiu	$4, $4, 86
	xor	$14, $14, $12
29:
	lbu	$4, 46($30)
	ins	$3, $12, 3, 8
	mthi	$10
	mtlo	$4
	mov.d	$f2, $f14
	c.le.s	$fcc6, $f2, $f14
	bnel	$3, $8, 30f
	addiu	$13, $13, -65
	xor	$8, $8, $3
30:
	dins	$20, $5, 7, 19
	lbu	$6, 43($30)
	sll	$17, $15, 8
	bal	31f
	addiu	$24, $31, 0
	b	1031f
	nop
	31:	subu	$8, $31, $24
	jr	$31
	addu	$8, $8, $5
1031:
	lb	$13, 27($30)
	ins	$11, $18, 31, 1
	lw	$18, 40($30)
	mtc1	$3, $f10
	cvt.s.w	$f10, $f6
	dext	$15, $21, 6, 17
	mtc1	$8, $f8
	cvt.d.w	$f10, $f10
	lwl	$2, 21($30)
	sb	$10, 61($30)
	cvt.d.w	$f10, $f2
	sw	$10, 40($30)
	mthi	$16
	mtlo	$8
	swr	$10, 22($30)
	sqrt.d	$f14, $f12
	ddivu	$zero, $9, $16
	mfhi	$18
	xori	$2, $19, 43976
	lui	$16, 59555
	lb	$12, 38($30)
	lw	$12, 56($30)
	ld	$18, 48($30)
	dins	$11, $6, 20, 2
	slti	$12, $13, -22725
	andi	$9, $14, 23470
	lui	$14, 44522
	li	$8, -1024074804
	slti	$8, $9, 31663
	dsrav	$21, $16, $2
	clo	$14, $10
	seb	$10, $10
	sb	$9, 26($30)
	cvt.d.w	$f0, $f6
	addiu	$20, $23, -12460
	andi	$23, $22, 54387
	lui	$21, 36099
	bgezl	$16, 32f
	addiu	$2, $2, -95
	xor	$4, $4, $16
32:
	clz	$4, $4
	seb	$15, $4
	addu	$5, $11, $13
	lbu	$12, 59($30)
	xori	$2, $22, 44743
	lui	$8, 57172
	add.s	$f0, $f0, $f8
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 2
	dla	$30, scratch + 128
	li	$2, -473678567
	li	$3, -1789
	li	$4, 90139503
	li	$5, 2147483647
	li	$6, 32768
	li	$7, 32768
	li	$8, -3608
	li	$9, -2147483648
	li	$10, -1673
	li	$11, 569357923
	li	$12, 65535
	li	$13, 149
	li	$14, 1
	li	$15, 1889453030
	li	$16, 128
	li	$17, 65535
	li	$18, 128
	li	$19, 2147483647
	li	$20, 65535
	li	$21, -586692523
	li	$22, 32768
	li	$23, 32768
	li	$24, 128
	mtc1	$24, $f0
	li	$24, 2147483647
	mthc1	$24, $f0
	li	$24, -1110
	mtc1	$24, $f2
	li	$24, -3523
	mthc1	$24, $f2
	li	$24, -20079317
	mtc1	$24, $f4
	li	$24, 128
	mthc1	$24, $f4
	li	$24, 65535
	mtc1	$24, $f6
	li	$24, 128
	mthc1	$24, $f6
	li	$24, -1714492381
	mtc1	$24, $f8
	li	$24, 2147483647
	mthc1	$24, $f8
	li	$24, 128
	mtc1	$24, $f10
	li	$24, -1452283416
	mthc1	$24, $f10
	li	$24, 204
	mtc1	$24, $f12
	li	$24, -1
	mthc1	$24, $f12
	li	$24, 0
	mtc1	$24, $f14
	li	$24, 65535
	mthc1	$24, $f14
	subu	$4, $18, $20
	dsrlv	$9, $14, $8
	dext	$5, $6, 14, 1
	cvt.d.w	$f8, $f14
	dclo	$10, $10
	bgtz	$14, 33f
	addiu	$9, $9, -98
	xor	$15, $15, $14
33:
	sw	$22, 56($30)
	ori	$10, $10, 28322
	lui	$14, 47555
	dins	$21, $9, 17, 9
	c.ueq.s	$fcc1, $f2, $f10
	mtc1	$13, $f6
	cvt.d.w	$f0, $f14
	sra	$11, $21, 26
	lh	$7, 46($30)
	dext	$21, $13, 10, 22
	round.w.d	$f10, $f2
	lbu	$20, 61($30)
	bal	34f
	addiu	$24, $31, 0
	b	1034f
	nop
	34:	subu	$11, $31, $24
	jr	$31
	addu	$11, $11, $23
1034:
	slt	$2, $16, $13
	lhu	$10, 48($30)
	sltiu	$12, $11, 25292
	ddivu	$zero, $16, $6
	mflo	$13
	ddiv	$zero, $13, $23
	mfhi	$21
	bne	$9, $14, 35f
	addiu	$5, $5, 83
	xor	$14, $14, $9
35:
	cvt.d.s	$f14, $f14
	swr	$7, 18($30)
	srl	$12, $21, 30
	madd	$8, $2
	mfhi	$9
	sd	$4, 32($30)
	beql	$12, $6, 36f
	addiu	$13, $13, -68
	xor	$6, $6, $12
36:
	mthi	$4
	mtlo	$22
	round.w.d	$f2, $f8
	clz	$8, $22
	wsbh	$8, $22
	msub.s	$f4, $f4, $f6, $f10
	mthi	$11
	mtlo	$5
	mfc1	$2, $f10
	sllv	$12, $15, $8
	dins	$11, $14, 17, 5
	li	$12, -1
	rotr	$5, $19, 30
	msubu	$4, $15
	mfhi	$23
	blez	$18, 37f
	addiu	$11, $11, 82
	xor	$18, $18, $18
37:
	mthi	$16
	mtlo	$3
	cvt.w.s	$f2, $f8
	mthi	$5
	mtlo	$8
	c.ngt.s	$fcc1, $f12, $f2
	maddu	$12, $10
	mfhi	$10
	lb	$3, 62($30)
	xori	$13, $7, 56276
	lui	$5, 43723
	daddu	$23, $3, $9
	dins	$4, $17, 15, 3
	nmsub.d	$f6, $f8, $f0, $f2
	ld	$13, 48($30)
	daddiu	$13, $2, -21353
	srl	$13, $16, 14
	clo	$5, $19
	wsbh	$21, $19
	abs.d	$f6, $f10
	ld	$2, 40($30)
	div.d	$f12, $f6, $f8
	c.ult.d	$fcc6, $f10, $f6
	bgez	$9, 38f
	addiu	$8, $8, -9
	xor	$5, $5, $9
38:
	clo	$9, $6
	seb	$9, $6
	xori	$21, $21, 23046
	lui	$19, 25382
	ddivu	$zero, $10, $18
	mfhi	$20
	xori	$11, $21, 52444
	lui	$17, 34543
	mov.d	$f10, $f0
	bgtz	$2, 39f
	addiu	$21, $21, 79
	xor	$12, $12, $2
39:
	li	$2, 0
	sb	$23, 39($30)
	sd	$21, 8($30)
	dmultu	$17, $13
	mflo	$21
	mul.d	$f8, $f8, $f12
	dsllv	$15, $17, $14
	dext	$6, $12, 8, 24
	dins	$3, $19, 16, 4
	dsll	$9, $10, 20
	mtc1	$14, $f12
	cvt.s.w	$f8, $f8
	addiu	$18, $7, -11389
	ext	$10, $14, 19, 4
	cvt.s.w	$f0, $f4
	daddiu	$9, $21, 8083
	dext	$7, $19, 28, 11
	sqrt.d	$f0, $f6
	msub	$19, $2
	mflo	$12
	addiu	$11, $21, -14504
	daddiu	$14, $2, -21820
	cvt.d.w	$f2, $f0
	daddiu	$15, $12, -18529
	mfc1	$17, $f14
	dclo	$14, $21
	ori	$18, $8, 58
	lui	$14, 33268
	ddivu	$zero, $7, $11
	mfhi	$16
	mfc1	$23, $f14
	dsllv	$12, $6, $22
	bal	40f
	addiu	$24, $31, 0
	b	1040f
	nop
	40:	subu	$21, $31, $24
	jr	$31
	addu	$21, $21, $3
1040:
	lwl	$17, 27($30)
	div	$zero, $4, $14
	mfhi	$14
	cvt.w.d	$f6, $f2
	ext	$15, $18, 24, 4
	sd	$10, 32($30)
	dins	$10, $3, 1, 4
	sltiu	$19, $20, 10931
	mthi	$15
	mtlo	$21
	dmult	$22, $11
	mfhi	$21
	daddiu	$18, $13, -4014
	floor.w.d	$f8, $f0
	bal	41f
	addiu	$24, $31, 0
	b	1041f
	nop
	41:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $22
1041:
	cvt.d.s	$f6, $f10
	bal	42f
	addiu	$24, $31, 0
	b	1042f
	nop
	42:	subu	$7, $31, $24
	jr	$31
	addu	$7, $7, $22
1042:
	li	$9, 51
	slti	$8, $23, -30447
	mthi	$19
	mtlo	$11
	ins	$3, $13, 13, 1
	sqrt.s	$f0, $f14
	lhu	$2, 28($30)
	round.w.d	$f2, $f6
	mtc1	$23, $f0
	cvt.d.w	$f2, $f8
	bal	43f
	addiu	$24, $31, 0
	b	1043f
	nop
	43:	subu	$20, $31, $24
	jr	$31
	addu	$20, $20, $14
1043:
	clz	$23, $12
	seb	$10, $12
	bal	44f
	addiu	$24, $31, 0
	b	1044f
	nop
	44:	subu	$9, $31, $24
	jr	$31
	addu	$9, $9, $20
1044:
	bal	45f
	addiu	$24, $31, 0
	b	1045f
	nop
	45:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $8
1045:
	sb	$17, 12($30)
	li	$13, -1379557283
	daddiu	$18, $2, -5076
	sh	$7, 26($30)
	rotr	$17, $4, 24
	dsrl32	$16, $6, 5
	dsbh	$6, $9
	divu	$zero, $17, $19
	mfhi	$23
	li	$9, 128
	sd	$3, 40($30)
	dext	$9, $4, 22, 17
	sltiu	$23, $4, 10913
	lw	$4, 32($30)
	sb	$12, 21($30)
	bgez	$15, 46f
	addiu	$23, $23, 86
	xor	$22, $22, $15
46:
	dsbh	$4, $10
	nmadd.s	$f10, $f4, $f10, $f8
	neg.d	$f2, $f0
	ld	$22, 24($30)
	clz	$21, $19
	seh	$20, $19
	madd.d	$f10, $f4, $f4, $f6
	sh	$21, 40($30)
	dext	$5, $4, 7, 20
	daddiu	$19, $19, -7253
	slti	$6, $18, 19947
	dmultu	$21, $2
	mflo	$23
	clz	$14, $18
	seh	$15, $18
	sra	$2, $8, 21
	lw	$10, 12($30)
	dmult	$18, $5
	mflo	$9
	sd	$22, 24($30)
	dins	$14, $9, 14, 1
	cvt.s.w	$f8, $f12
	bal	47f
	addiu	$24, $31, 0
	b	1047f
	nop
	47:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $2
1047:
	mtc1	$19, $f10
	cvt.d.w	$f0, $f6
	li	$8, 0
	dext	$20, $5, 24, 1
	clz	$10, $5
	seh	$4, $5
	rotr	$10, $14, 18
	bnel	$19, $13, 48f
	addiu	$6, $6, -93
	xor	$13, $13, $19
48:
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 3
	dla	$30, scratch + 192
	li	$2, 2147483647
	li	$3, -2147483648
	li	$4, -3804
	li	$5, 0
	li	$6, 32768
	li	$7, -2060488326
	li	$8, -1
	li	$9, 65535
	li	$10, -1
	li	$11, 128
	li	$12, -306311419
	li	$13, 32768
	li	$14, 1132794612
	li	$15, 1
	li	$16, -2147483648
	li	$17, 0
	li	$18, 0
	li	$19, 888155746
	li	$20, 2147483647
	li	$21, 0
	li	$22, 887328614
	li	$23, -1179
	li	$24, 1
	mtc1	$24, $f0
	li	$24, -2147483648
	mthc1	$24, $f0
	li	$24, 2147483647
	mtc1	$24, $f2
	li	$24, 65535
	mthc1	$24, $f2
	li	$24, 32768
	mtc1	$24, $f4
	li	$24, 32768
	mthc1	$24, $f4
	li	$24, 128
	mtc1	$24, $f6
	li	$24, 32768
	mthc1	$24, $f6
	li	$24, 128
	mtc1	$24, $f8
	li	$24, 0
	mthc1	$24, $f8
	li	$24, 32768
	mtc1	$24, $f10
	li	$24, 65535
	mthc1	$24, $f10
	li	$24, 0
	mtc1	$24, $f12
	li	$24, 32768
	mthc1	$24, $f12
	li	$24, 32768
	mtc1	$24, $f14
	li	$24, -1114
	mthc1	$24, $f14
	sh	$17, 10($30)
	cvt.w.s	$f8, $f12
	bal	49f
	addiu	$24, $31, 0
	b	1049f
	nop
	49:	subu	$5, $31, $24
	jr	$31
	addu	$5, $5, $3
1049:
	addiu	$7, $16, 4453
	lhu	$9, 14($30)
	addiu	$7, $9, 11957
	dsra	$9, $5, 24
	addiu	$3, $14, -24536
	neg.s	$f2, $f4
	c.seq.d	$fcc3, $f6, $f8
	floor.w.d	$f4, $f12
	lwr	$6, 54($30)
	dins	$23, $13, 26, 3
	lb	$21, 54($30)
	mfc1	$18, $f12
	drotr32	$13, $3, 8
	dshd	$8, $23
	sltiu	$4, $14, 21807
	sh	$4, 58($30)
	dext	$13, $4, 29, 14
	mfc1	$5, $f8
	dmult	$12, $8
	mfhi	$10
	c.eq.d	$fcc1, $f4, $f8
	dmult	$7, $19
	mfhi	$15
	trunc.w.s	$f0, $f8
	blezl	$14, 50f
	addiu	$13, $13, -23
	xor	$9, $9, $14
50:
	clz	$22, $17
	seb	$6, $17
	dins	$8, $21, 8, 20
	beq	$8, $7, 51f
	addiu	$8, $8, 51
	xor	$7, $7, $8
51:
	c.le.s	$fcc5, $f2, $f6
	dext	$9, $8, 1, 13
	dsll	$14, $11, 10
	bgtzl	$5, 52f
	addiu	$15, $15, 62
	xor	$9, $9, $5
52:
	add.d	$f0, $f4, $f8
	li	$17, 32768
	lh	$11, 46($30)
	abs.d	$f8, $f2
	lhu	$12, 52($30)
	dshd	$21, $7
	addu	$4, $2, $12
	swl	$5, 46($30)
	mtc1	$7, $f12
	cvt.d.w	$f4, $f4
	slti	$7, $13, 5484
	bltz	$11, 53f
	addiu	$3, $3, 74
	xor	$23, $23, $11
53:
	lhu	$13, 42($30)
	sb	$8, 38($30)
	li	$16, 128
	ins	$19, $15, 14, 5
	div	$zero, $17, $15
	mfhi	$14
	dins	$16, $8, 15, 8
	lb	$18, 3($30)
	dext	$16, $21, 23, 5
	clz	$18, $20
	wsbh	$22, $20
	nmsub.s	$f6, $f10, $f0, $f8
	madd.s	$f8, $f12, $f0, $f0
	dsubu	$3, $19, $19
	li	$7, -1
	bnel	$14, $14, 54f
	addiu	$21, $21, -113
	xor	$14, $14, $14
54:
	mtc1	$2, $f12
	cvt.s.w	$f14, $f2
	mtc1	$18, $f14
	cvt.s.w	$f2, $f4
	bgtz	$8, 55f
	addiu	$10, $10, 116
	xor	$14, $14, $8
55:
	lw	$9, 56($30)
	div	$zero, $16, $16
	mflo	$2
	daddiu	$9, $13, -17155
	floor.w.s	$f4, $f8
	sw	$8, 24($30)
	li	$6, -614372882
	sllv	$22, $7, $20
	sb	$10, 53($30)
	dclo	$12, $9
	daddiu	$3, $5, -22650
	bltz	$4, 56f
	addiu	$22, $22, 57
	xor	$23, $23, $4
56:
	ext	$19, $16, 1, 25
	nmadd.d	$f0, $f0, $f0, $f12
	clz	$22, $5
	seb	$21, $5
	cvt.d.s	$f4, $f14
	mul.d	$f4, $f10, $f12
	mtc1	$16, $f4
	cvt.d.w	$f6, $f12
	bal	57f
	addiu	$24, $31, 0
	b	1057f
	nop
	57:	subu	$6, $31, $24
	jr	$31
	addu	$6, $6, $16
1057:
	daddiu	$8, $12, -29690
	sd	$7, 8($30)
	bgtzl	$21, 58f
	addiu	$10, $10, -57
	xor	$20, $20, $21
58:
	dins	$6, $7, 0, 26
	li	$7, 96
	sd	$20, 32($30)
	daddiu	$23, $11, 4233
	mtc1	$17, $f4
	cvt.d.w	$f0, $f8
	ori	$23, $16, 47299
	lui	$9, 24313
	rotr	$11, $2, 3
	bal	59f
	addiu	$24, $31, 0
	b	1059f
	nop
	59:	subu	$7, $31, $24
	jr	$31
	addu	$7, $7, $6
1059:
	bnel	$18, $3, 60f
	addiu	$13, $13, -11
	xor	$3, $3, $18
60:
	dsbh	$2, $15
	sltu	$22, $21, $16
	lb	$23, 35($30)
	lwu	$22, 48($30)
	srl	$5, $10, 31
	lh	$17, 26($30)
	bgtzl	$11, 61f
	addiu	$22, $22, -2
	xor	$23, $23, $11
61:
	xori	$21, $14, 8099
	lui	$14, 30710
	drotrv	$22, $15, $9
	lwu	$21, 48($30)
	mtc1	$4, $f4
	cvt.d.w	$f8, $f4
	clz	$4, $8
	seb	$21, $8
	lw	$7, 32($30)
	div.s	$f2, $f8, $f14
	blez	$17, 62f
	addiu	$4, $4, -124
	xor	$17, $17, $17
62:
	dext	$4, $18, 14, 23
	bal	63f
	addiu	$24, $31, 0
	b	1063f
	nop
	63:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $5
1063:
	mtc1	$11, $f0
	cvt.s.w	$f10, $f6
	mfc1	$14, $f4
	sh	$10, 26($30)
	sra	$16, $4, 17
	dclz	$7, $2
	divu	$zero, $17, $22
	mfhi	$8
	mfc1	$22, $f6
	msub.s	$f14, $f14, $f2, $f10
	sd	$6, 40($30)
	ori	$6, $21, 15208
	lui	$4, 46945
	daddiu	$3, $9, 31197
	trunc.w.s	$f12, $f10
	bltz	$11, 64f
	addiu	$3, $3, -67
	xor	$17, $17, $11
64:
	sw	$10, 36($30)
	sd	$14, 8($30)
	ddiv	$zero, $21, $20
	mflo	$18
	nor	$5, $3, $7
	dext	$12, $11, 1, 21
	addiu	$23, $17, 15695
	sra	$22, $8, 8
	dsra	$17, $18, 5
	sltiu	$17, $6, -22881
	dext	$13, $6, 6, 21
	bne	$2, $22, 65f
	addiu	$14, $14, -15
	xor	$22, $22, $2
65:
	ext	$22, $23, 14, 3
	bal	66f
	addiu	$24, $31, 0
	b	1066f
	nop
	66:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $4
1066:
	mfc1	$16, $f4
	sb	$11, 51($30)
	ins	$21, $7, 22, 3
	sh	$2, 22($30)
	bltzl	$15, 67f
	addiu	$16, $16, -37
	xor	$8, $8, $15
67:
	neg.d	$f14, $f10
	cvt.w.s	$f6, $f6
	daddiu	$19, $22, -8707
	sub.d	$f2, $f0, $f6
	lhu	$23, 34($30)
	sh	$18, 2($30)
	dsbh	$23, $2
	ddivu	$zero, $15, $8
	mfhi	$7
	dins	$7, $23, 11, 13
	divu	$zero, $7, $12
	mflo	$20
	cvt.s.d	$f12, $f6
	lh	$4, 30($30)
	dsll32	$7, $14, 30
	c.eq.s	$fcc3, $f10, $f8
	sub.s	$f4, $f0, $f0
	xori	$22, $15, 582
	lui	$9, 48657
	floor.w.s	$f14, $f14
	dmult	$12, $19
	mflo	$5
	abs.d	$f2, $f12
	sub.s	$f4, $f8, $f8
	addiu	$3, $21, -9404
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 4
	dla	$30, scratch + 256
	li	$2, 65535
	li	$3, -2147483648
	li	$4, -1
	li	$5, 128
	li	$6, 2147483647
	li	$7, -1
	li	$8, 65535
	li	$9, 206976049
	li	$10, 65535
	li	$11, -2319
	li	$12, 1
	li	$13, 169
	li	$14, 618806573
	li	$15, 216
	li	$16, 65535
	li	$17, 1
	li	$18, 1148207206
	li	$19, 128
	li	$20, 72
	li	$21, 128
	li	$22, 1
	li	$23, 2147483647
	li	$24, 65535
	mtc1	$24, $f0
	li	$24, 0
	mthc1	$24, $f0
	li	$24, -1837459134
	mtc1	$24, $f2
	li	$24, 1
	mthc1	$24, $f2
	li	$24, 1
	mtc1	$24, $f4
	li	$24, 2147483647
	mthc1	$24, $f4
	li	$24, -1705523010
	mtc1	$24, $f6
	li	$24, 1995796585
	mthc1	$24, $f6
	li	$24, 0
	mtc1	$24, $f8
	li	$24, -1
	mthc1	$24, $f8
	li	$24, -2147483648
	mtc1	$24, $f10
	li	$24, -3649
	mthc1	$24, $f10
	li	$24, -1535763142
	mtc1	$24, $f12
	li	$24, 1
	mthc1	$24, $f12
	li	$24, 2147483647
	mtc1	$24, $f14
	li	$24, 65535
	mthc1	$24, $f14
	lhu	$3, 36($30)
	xori	$6, $16, 1076
	lui	$2, 52644
	cvt.w.d	$f12, $f6
	dclo	$18, $22
	c.ueq.s	$fcc1, $f12, $f12
	lw	$16, 36($30)
	lw	$21, 16($30)
	andi	$10, $11, 59905
	lui	$15, 38200
	li	$5, 128
	lw	$12, 16($30)
	and	$10, $22, $3
	bltz	$4, 68f
	addiu	$5, $5, 4
	xor	$20, $20, $4
68:
	addiu	$4, $4, 23348
	mfc1	$22, $f4
	maddu	$13, $7
	mfhi	$20
	ins	$21, $8, 8, 23
	dins	$11, $13, 11, 19
	bltzl	$22, 69f
	addiu	$18, $18, -106
	xor	$22, $22, $22
69:
	beql	$5, $12, 70f
	addiu	$11, $11, 1
	xor	$12, $12, $5
70:
	bal	71f
	addiu	$24, $31, 0
	b	1071f
	nop
	71:	subu	$11, $31, $24
	jr	$31
	addu	$11, $11, $21
1071:
	nmadd.s	$f8, $f12, $f12, $f10
	dext	$17, $8, 26, 25
	c.olt.d	$fcc7, $f12, $f14
	daddiu	$6, $15, -9241
	clz	$19, $9
	seh	$19, $9
	dsrl32	$23, $15, 1
	slti	$15, $5, -31144
	cvt.s.d	$f14, $f2
	ddiv	$zero, $2, $22
	mfhi	$4
	c.ole.d	$fcc0, $f0, $f2
	dins	$23, $6, 15, 11
	dsllv	$12, $23, $17
	mtc1	$20, $f12
	cvt.s.w	$f6, $f6
	lw	$22, 12($30)
	li	$6, -3035
	ddiv	$zero, $9, $3
	mflo	$17
	bal	72f
	addiu	$24, $31, 0
	b	1072f
	nop
	72:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $6
1072:
	dclz	$2, $11
	mtc1	$4, $f10
	cvt.d.w	$f10, $f6
	mfc1	$10, $f4
	dins	$13, $22, 16, 3
	dext	$9, $12, 31, 15
	mul.s	$f2, $f12, $f14
	clz	$18, $16
	wsbh	$16, $16
	neg.s	$f10, $f6
	slti	$2, $14, 6014
	ddivu	$zero, $22, $18
	mflo	$20
	xori	$8, $21, 22797
	lui	$4, 23358
	ld	$4, 0($30)
	lwr	$4, 25($30)
	nmsub.d	$f8, $f2, $f8, $f4
	drotr	$19, $5, 4
	li	$14, 148
	mtc1	$14, $f8
	cvt.d.w	$f0, $f2
	dins	$20, $20, 1, 2
	dins	$8, $7, 3, 23
	c.ueq.s	$fcc7, $f2, $f6
	clz	$20, $7
	seb	$23, $7
	mfc1	$20, $f14
	beql	$8, $12, 73f
	addiu	$13, $13, -7
	xor	$12, $12, $8
73:
	lw	$13, 52($30)
	daddiu	$20, $20, 10973
	srl	$14, $16, 11
	c.un.s	$fcc2, $f12, $f8
	sll	$2, $17, 26
	rotr	$23, $6, 9
	lhu	$20, 16($30)
	lwr	$4, 45($30)
	bal	74f
	addiu	$24, $31, 0
	b	1074f
	nop
	74:	subu	$6, $31, $24
	jr	$31
	addu	$6, $6, $2
1074:
	cvt.s.d	$f4, $f0
	bne	$21, $20, 75f
	addiu	$5, $5, -56
	xor	$20, $20, $21
75:
	drotr32	$21, $16, 22
	madd	$2, $7
	mfhi	$15
	mfc1	$11, $f6
	mov.s	$f2, $f6
	nor	$10, $21, $6
	lw	$10, 28($30)
	mtc1	$22, $f10
	cvt.d.w	$f2, $f6
	dsll	$19, $13, 31
	mfc1	$4, $f12
	mfc1	$20, $f6
	daddiu	$15, $3, 7953
	cvt.d.s	$f4, $f2
	swl	$16, 52($30)
	clo	$6, $17
	seb	$5, $17
	mthi	$10
	mtlo	$9
	msub.d	$f12, $f8, $f6, $f10
	li	$5, -2147483648
	c.ule.s	$fcc5, $f6, $f4
	sll	$15, $2, 0
	lw	$10, 48($30)
	dext	$3, $8, 12, 2
	madd.d	$f2, $f0, $f0, $f14
	ddivu	$zero, $7, $17
	mfhi	$17
	dsll	$14, $5, 31
	drotr32	$21, $4, 17
	clz	$8, $5
	wsbh	$6, $5
	sqrt.s	$f14, $f14
	maddu	$9, $7
	mflo	$23
	lbu	$8, 33($30)
	srav	$14, $5, $23
	daddiu	$14, $17, -24600
	div.s	$f10, $f6, $f0
	li	$23, -1838843321
	lw	$23, 44($30)
	msub.d	$f4, $f8, $f4, $f4
	dins	$18, $18, 30, 2
	sll	$8, $12, 31
	dsbh	$21, $2
	dins	$9, $13, 21, 2
	bal	76f
	addiu	$24, $31, 0
	b	1076f
	nop
	76:	subu	$15, $31, $24
	jr	$31
	addu	$15, $15, $3
1076:
	srl	$6, $16, 0
	dmultu	$10, $13
	mflo	$22
	divu	$zero, $18, $5
	mflo	$2
	sltiu	$13, $11, -16875
	dsll32	$7, $8, 10
	cvt.d.s	$f8, $f10
	lb	$9, 57($30)
	dins	$19, $8, 26, 3
	add.d	$f4, $f8, $f0
	trunc.w.s	$f14, $f2
	sw	$20, 0($30)
	cvt.s.w	$f10, $f10
	lwu	$15, 16($30)
	bal	77f
	addiu	$24, $31, 0
	b	1077f
	nop
	77:	subu	$23, $31, $24
	jr	$31
	addu	$23, $23, $6
1077:
	dsll32	$6, $20, 25
	lw	$5, 8($30)
	daddiu	$2, $6, -23845
	daddu	$16, $19, $11
	dsrlv	$20, $23, $5
	ddivu	$zero, $23, $7
	mflo	$21
	dsrl	$3, $12, 14
	mtc1	$10, $f0
	cvt.d.w	$f8, $f4
	sw	$7, 28($30)
	clz	$3, $12
	seb	$13, $12
	lw	$16, 4($30)
	mov.s	$f6, $f8
	sw	$14, 24($30)
	cvt.d.s	$f2, $f4
	blez	$17, 78f
	addiu	$4, $4, -86
	xor	$14, $14, $17
78:
	mfc1	$7, $f10
	and	$13, $12, $8
	lwu	$6, 40($30)
	movn	$6, $15, $9
	lh	$17, 16($30)
	ext	$9, $14, 17, 15
	dext	$14, $21, 3, 28
	bltz	$19, 79f
	addiu	$7, $7, -65
	xor	$18, $18, $19
79:
	floor.w.s	$f14, $f2
	lbu	$15, 33($30)
	mult	$17, $19
	mflo	$4
	cvt.s.w	$f14, $f14
	dsll	$15, $23, 8
	c.seq.d	$fcc7, $f4, $f8
	dmult	$7, $15
	mflo	$8
	clz	$4, $14
	wsbh	$11, $14
	swr	$6, 44($30)
	sqrt.s	$f6, $f8
	dmult	$8, $19
	mfhi	$2
	c.seq.s	$fcc1, $f4, $f6
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 5
	dla	$30, scratch + 320
	li	$2, 165
	li	$3, -2147483648
	li	$4, 1
	li	$5, 0
	li	$6, 32768
	li	$7, 0
	li	$8, -1732489710
	li	$9, 32768
	li	$10, -2147483648
	li	$11, 737660025
	li	$12, 2147483647
	li	$13, 32768
	li	$14, -1
	li	$15, 19
	li	$16, -2967
	li	$17, 65535
	li	$18, -964484070
	li	$19, 138
	li	$20, -3984
	li	$21, -1418
	li	$22, -2292
	li	$23, 0
	li	$24, -3601
	mtc1	$24, $f0
	li	$24, -1829
	mthc1	$24, $f0
	li	$24, -1650995697
	mtc1	$24, $f2
	li	$24, 2147483647
	mthc1	$24, $f2
	li	$24, 1175597918
	mtc1	$24, $f4
	li	$24, 1620798464
	mthc1	$24, $f4
	li	$24, 128
	mtc1	$24, $f6
	li	$24, 238
	mthc1	$24, $f6
	li	$24, -1311468466
	mtc1	$24, $f8
	li	$24, 0
	mthc1	$24, $f8
	li	$24, 217
	mtc1	$24, $f10
	li	$24, -1
	mthc1	$24, $f10
	li	$24, 64
	mtc1	$24, $f12
	li	$24, 232
	mthc1	$24, $f12
	li	$24, -82614211
	mtc1	$24, $f14
	li	$24, 32768
	mthc1	$24, $f14
	ceil.w.d	$f12, $f12
	ins	$11, $16, 20, 2
	sd	$17, 16($30)
	div.d	$f12, $f8, $f12
	msub	$23, $8
	mfhi	$8
	mfc1	$23, $f4
	dsra32	$6, $8, 21
	dsll	$9, $14, 17
	sw	$8, 40($30)
	sh	$9, 6($30)
	bnel	$3, $15, 80f
	addiu	$19, $19, 103
	xor	$15, $15, $3
80:
	cvt.s.d	$f2, $f14
	daddiu	$15, $12, -19650
	dclo	$10, $20
	slti	$9, $23, -6020
	sb	$22, 15($30)
	c.olt.s	$fcc2, $f0, $f8
	lwu	$16, 8($30)
	madd.s	$f2, $f6, $f8, $f14
	cvt.d.w	$f6, $f4
	mov.s	$f12, $f12
	mthi	$3
	mtlo	$11
	mtc1	$22, $f6
	cvt.s.w	$f10, $f12
	sltiu	$19, $14, 11843
	and	$19, $5, $6
	floor.w.s	$f10, $f12
	subu	$10, $20, $6
	abs.s	$f6, $f0
	mtc1	$14, $f12
	cvt.d.w	$f14, $f6
	mtc1	$4, $f14
	cvt.d.w	$f2, $f2
	sltu	$10, $20, $16
	dins	$3, $22, 24, 1
	bal	81f
	addiu	$24, $31, 0
	b	1081f
	nop
	81:	subu	$5, $31, $24
	jr	$31
	addu	$5, $5, $17
1081:
	slti	$3, $6, -26688
	ins	$4, $20, 8, 10
	ddivu	$zero, $12, $21
	mfhi	$18
	dext	$16, $12, 0, 28
	dext	$22, $12, 30, 13
	dmultu	$22, $14
	mflo	$23
	mthi	$21
	mtlo	$21
	mult	$9, $13
	mflo	$4
	round.w.d	$f12, $f8
	sltiu	$10, $5, -15843
	dmultu	$10, $12
	mflo	$21
	beq	$4, $11, 82f
	addiu	$10, $10, -107
	xor	$11, $11, $4
82:
	swl	$17, 59($30)
	mtc1	$5, $f2
	cvt.d.w	$f0, $f14
	dsubu	$14, $6, $3
	srl	$22, $4, 5
	swl	$10, 2($30)
	sh	$21, 22($30)
	sb	$9, 20($30)
	dsra32	$12, $5, 15
	dins	$14, $14, 6, 4
	dsrav	$8, $4, $16
	cvt.w.d	$f10, $f14
	dext	$17, $19, 10, 23
	ins	$14, $11, 29, 2
	ins	$9, $8, 24, 2
	dins	$7, $21, 13, 6
	dclo	$20, $9
	clo	$6, $12
	seb	$6, $12
	ddivu	$zero, $3, $22
	mfhi	$5
	li	$13, -3742
	sll	$13, $13, 8
	mov.d	$f0, $f12
	mthi	$22
	mtlo	$2
	beq	$10, $17, 83f
	addiu	$20, $20, 46
	xor	$17, $17, $10
83:
	c.ule.s	$fcc7, $f14, $f8
	srl	$10, $5, 22
	abs.d	$f6, $f0
	trunc.w.d	$f12, $f8
	ins	$7, $17, 17, 8
	dext	$13, $14, 3, 31
	bal	84f
	addiu	$24, $31, 0
	b	1084f
	nop
	84:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $23
1084:
	mtc1	$12, $f14
	cvt.s.w	$f10, $f8
	dclo	$17, $15
	addiu	$5, $20, 12397
	li	$17, -689
	sw	$13, 28($30)
	sh	$11, 52($30)
	daddiu	$2, $11, 19109
	round.w.d	$f0, $f14
	daddu	$19, $4, $6
	dext	$20, $4, 27, 10
	lb	$10, 45($30)
	sltiu	$8, $3, -12670
	cvt.d.w	$f8, $f4
	dclo	$19, $4
	ld	$15, 16($30)
	dsubu	$22, $7, $3
	clz	$10, $15
	seh	$15, $15
	clz	$11, $2
	seb	$13, $2
	mthi	$13
	mtlo	$11
	lwr	$19, 25($30)
	lwl	$7, 25($30)
	sqrt.s	$f8, $f4
	divu	$zero, $16, $11
	mfhi	$8
	li	$10, 65535
	clo	$7, $17
	seh	$12, $17
	andi	$7, $10, 48567
	lui	$23, 15689
	c.seq.d	$fcc3, $f8, $f8
	sub.d	$f8, $f4, $f6
	ddiv	$zero, $15, $4
	mflo	$22
	addiu	$23, $6, 21780
	bgtzl	$14, 85f
	addiu	$12, $12, 63
	xor	$13, $13, $14
85:
	add.d	$f12, $f2, $f14
	mthi	$12
	mtlo	$17
	ext	$7, $11, 10, 1
	ceil.w.s	$f6, $f0
	and	$18, $17, $18
	sltiu	$18, $11, 185
	madd.d	$f8, $f0, $f6, $f14
	lb	$15, 54($30)
	bnel	$15, $10, 86f
	addiu	$23, $23, -31
	xor	$10, $10, $15
86:
	lw	$22, 52($30)
	swl	$14, 45($30)
	srlv	$17, $18, $23
	ddivu	$zero, $8, $14
	mfhi	$12
	lw	$10, 40($30)
	nmsub.d	$f12, $f10, $f0, $f12
	sltiu	$2, $17, 24082
	dmult	$18, $8
	mflo	$10
	beq	$3, $18, 87f
	addiu	$13, $13, 120
	xor	$18, $18, $3
87:
	lwu	$6, 8($30)
	rotr	$18, $19, 5
	li	$4, -1
	sd	$6, 32($30)
	msub.s	$f2, $f2, $f2, $f12
	dins	$14, $5, 20, 2
	swr	$21, 40($30)
	sw	$18, 44($30)
	cvt.d.w	$f12, $f14
	mthi	$15
	mtlo	$18
	msubu	$17, $11
	mflo	$22
	swl	$11, 15($30)
	mfc1	$15, $f2
	daddiu	$9, $11, -25670
	xor	$12, $23, $13
	dext	$6, $6, 31, 17
	sw	$9, 8($30)
	nmsub.d	$f6, $f6, $f12, $f2
	ld	$13, 8($30)
	daddu	$10, $23, $4
	mthi	$3
	mtlo	$22
	divu	$zero, $12, $6
	mfhi	$22
	ext	$10, $15, 28, 2
	bltz	$18, 88f
	addiu	$16, $16, -72
	xor	$19, $19, $18
88:
	daddiu	$3, $11, -21494
	bne	$5, $23, 89f
	addiu	$17, $17, 93
	xor	$23, $23, $5
89:
	lh	$6, 24($30)
	bgtz	$12, 90f
	addiu	$4, $4, 23
	xor	$14, $14, $12
90:
	dsll	$12, $19, 31
	sub.s	$f4, $f12, $f0
	bne	$5, $9, 91f
	addiu	$18, $18, 25
	xor	$9, $9, $5
91:
	bal	92f
	addiu	$24, $31, 0
	b	1092f
	nop
	92:	subu	$8, $31, $24
	jr	$31
	addu	$8, $8, $3
1092:
	mtc1	$13, $f2
	cvt.d.w	$f10, $f12
	subu	$21, $13, $9
	mfc1	$5, $f12
	abs.s	$f4, $f10
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 6
	dla	$30, scratch + 384
	li	$2, 128
	li	$3, 128
	li	$4, -1069846161
	li	$5, 25
	li	$6, 233
	li	$7, -437527521
	li	$8, 1
	li	$9, 0
	li	$10, -1
	li	$11, 2147483647
	li	$12, 2147483647
	li	$13, -2107
	li	$14, -1
	li	$15, -1
	li	$16, 99
	li	$17, -1157
	li	$18, -682260551
	li	$19, 128
	li	$20, 78
	li	$21, 1486370916
	li	$22, -912787184
	li	$23, 128
	li	$24, 2147483647
	mtc1	$24, $f0
	li	$24, -1935187236
	mthc1	$24, $f0
	li	$24, 128
	mtc1	$24, $f2
	li	$24, 65535
	mthc1	$24, $f2
	li	$24, 128
	mtc1	$24, $f4
	li	$24, -1
	mthc1	$24, $f4
	li	$24, 1
	mtc1	$24, $f6
	li	$24, 0
	mthc1	$24, $f6
	li	$24, 228
	mtc1	$24, $f8
	li	$24, -1
	mthc1	$24, $f8
	li	$24, 74
	mtc1	$24, $f10
	li	$24, -1
	mthc1	$24, $f10
	li	$24, 32768
	mtc1	$24, $f12
	li	$24, -1265
	mthc1	$24, $f12
	li	$24, -1
	mtc1	$24, $f14
	li	$24, 65535
	mthc1	$24, $f14
	sll	$17, $20, 7
	mfc1	$6, $f4
	bgezl	$20, 93f
	addiu	$4, $4, 0
	xor	$22, $22, $20
93:
	sw	$10, 24($30)
	lwr	$5, 5($30)
	daddiu	$18, $12, 15501
	msub	$10, $10
	mfhi	$21
	ori	$21, $14, 54241
	lui	$11, 53380
	round.w.s	$f2, $f6
	bal	94f
	addiu	$24, $31, 0
	b	1094f
	nop
	94:	subu	$16, $31, $24
	jr	$31
	addu	$16, $16, $6
1094:
	beql	$18, $20, 95f
	addiu	$23, $23, 52
	xor	$20, $20, $18
95:
	dclo	$7, $14
	dshd	$5, $16
	ins	$20, $21, 18, 4
	bnel	$2, $11, 96f
	addiu	$10, $10, -24
	xor	$11, $11, $2
96:
	dsll	$16, $17, 2
	daddiu	$3, $21, -7518
	sw	$3, 0($30)
	lhu	$8, 58($30)
	dext	$4, $12, 12, 29
	cvt.d.s	$f14, $f2
	c.olt.d	$fcc4, $f2, $f12
	ld	$20, 40($30)
	dins	$10, $7, 22, 3
	xori	$6, $13, 52533
	lui	$15, 46625
	mtc1	$9, $f10
	cvt.s.w	$f0, $f14
	dins	$2, $23, 1, 3
	andi	$9, $8, 1393
	lui	$17, 4866
	li	$3, 281545273
	maddu	$21, $10
	mfhi	$3
	clo	$6, $8
	seh	$7, $8
	sqrt.d	$f8, $f0
	cvt.d.w	$f12, $f14
	div	$zero, $22, $9
	mflo	$13
	dins	$17, $18, 3, 17
	sra	$18, $19, 7
	cvt.d.s	$f12, $f14
	dins	$4, $17, 6, 14
	nmadd.d	$f10, $f4, $f4, $f8
	ext	$7, $23, 27, 4
	daddiu	$2, $4, -4400
	add.d	$f2, $f4, $f6
	dsrlv	$22, $20, $15
	bal	97f
	addiu	$24, $31, 0
	b	1097f
	nop
	97:	subu	$4, $31, $24
	jr	$31
	addu	$4, $4, $12
1097:
	bltz	$17, 98f
	addiu	$12, $12, 117
	xor	$12, $12, $17
98:
	ext	$8, $8, 8, 17
	floor.w.d	$f0, $f8
	sh	$18, 54($30)
	xori	$16, $8, 31417
	lui	$11, 61548
	xor	$16, $3, $17
	dsbh	$13, $20
	clz	$23, $11
	wsbh	$13, $11
	nmsub.d	$f4, $f10, $f12, $f8
	sh	$15, 40($30)
	mtc1	$20, $f2
	cvt.s.w	$f8, $f8
	cvt.w.s	$f14, $f0
	cvt.s.d	$f8, $f2
	dsbh	$4, $21
	dmult	$6, $6
	mfhi	$9
	li	$2, -1984869698
	nmsub.s	$f2, $f10, $f4, $f4
	bal	99f
	addiu	$24, $31, 0
	b	1099f
	nop
	99:	subu	$21, $31, $24
	jr	$31
	addu	$21, $21, $11
1099:
	sub.d	$f2, $f4, $f6
	andi	$23, $7, 17872
	lui	$3, 40664
	ddivu	$zero, $9, $23
	mflo	$8
	lwr	$2, 39($30)
	drotrv	$17, $5, $10
	lb	$5, 4($30)
	xori	$11, $11, 7680
	lui	$3, 27435
	cvt.s.d	$f12, $f6
	floor.w.s	$f0, $f6
	blezl	$18, 100f
	addiu	$15, $15, -94
	xor	$9, $9, $18
100:
	dsrav	$13, $5, $8
	dext	$7, $13, 31, 30
	sll	$8, $10, 2
	drotr	$8, $16, 25
	drotr	$14, $9, 18
	sw	$20, 8($30)
	lwr	$14, 38($30)
	c.ult.d	$fcc2, $f8, $f4
	floor.w.s	$f2, $f10
	srl	$2, $16, 19
	dsrl	$11, $23, 4
	li	$14, -1
	mfc1	$13, $f4
	cvt.d.w	$f2, $f12
	madd.d	$f6, $f10, $f0, $f2
	dmult	$6, $21
	mfhi	$5
	dsra32	$19, $23, 29
	andi	$22, $7, 38750
	lui	$8, 8295
	drotrv	$13, $21, $22
	dext	$10, $17, 27, 29
	ddiv	$zero, $11, $15
	mflo	$8
	mthi	$23
	mtlo	$12
	bne	$23, $21, 101f
	addiu	$14, $14, 4
	xor	$21, $21, $23
101:
	bltzl	$10, 102f
	addiu	$21, $21, -91
	xor	$22, $22, $10
102:
	bgez	$10, 103f
	addiu	$12, $12, -4
	xor	$7, $7, $10
103:
	sqrt.s	$f6, $f14
	clz	$12, $14
	seh	$22, $14
	addiu	$19, $7, 28307
	beq	$11, $4, 104f
	addiu	$10, $10, -4
	xor	$4, $4, $11
104:
	daddiu	$7, $10, -22840
	clz	$4, $23
	wsbh	$13, $23
	li	$21, 65535
	beq	$14, $13, 105f
	addiu	$11, $11, -37
	xor	$13, $13, $14
105:
	ins	$14, $15, 2, 25
	mfc1	$14, $f2
	dext	$2, $10, 19, 32
	mul.d	$f12, $f6, $f14
	lh	$20, 2($30)
	rotr	$13, $3, 7
	maddu	$17, $7
	mfhi	$14
	clz	$11, $10
	seh	$15, $10
	dins	$8, $6, 18, 3
	abs.d	$f6, $f8
	dins	$14, $20, 19, 8
	cvt.s.w	$f2, $f12
	dshd	$4, $7
	ins	$23, $15, 28, 3
	sb	$3, 56($30)
	sra	$2, $11, 8
	mult	$20, $23
	mflo	$20
	lb	$6, 17($30)
	beql	$15, $8, 106f
	addiu	$13, $13, -63
	xor	$8, $8, $15
106:
	rotrv	$14, $6, $11
	andi	$19, $20, 24433
	lui	$3, 59865
	sw	$22, 8($30)
	dins	$11, $9, 11, 20
	mthi	$16
	mtlo	$5
	lh	$19, 50($30)
	daddu	$18, $5, $14
	dclz	$3, $21
	mov.s	$f8, $f12
	mult	$20, $3
	mfhi	$9
	daddu	$22, $4, $11
	bgezl	$23, 107f
	addiu	$4, $4, 116
	xor	$19, $19, $23
107:
	dins	$8, $21, 25, 4
	msubu	$4, $15
	mfhi	$15
	mthi	$12
	mtlo	$20
	dmultu	$15, $19
	mflo	$2
	cvt.s.w	$f14, $f2
	c.ule.d	$fcc5, $f10, $f4
	xori	$4, $15, 34053
	lui	$20, 37290
	drotrv	$7, $5, $16
	lwr	$15, 27($30)
	ld	$16, 8($30)
	ddivu	$zero, $6, $8
	mflo	$21
	sqrt.d	$f10, $f10
	mul.s	$f0, $f2, $f4
	swr	$9, 7($30)
	srl	$9, $7, 0
	sh	$4, 46($30)
	dins	$6, $19, 7, 9
	bal	108f
	addiu	$24, $31, 0
	b	1108f
	nop
	108:	subu	$13, $31, $24
	jr	$31
	addu	$13, $13, $5
1108:
	dsll32	$20, $20, 27
	c.seq.s	$fcc7, $f0, $f8
	ins	$13, $23, 12, 11
	drotr32	$23, $17, 6
	dins	$9, $6, 19, 2
	dsrlv	$4, $23, $22
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 7
	dla	$30, scratch + 448
	li	$2, 1
	li	$3, 1459466152
	li	$4, 0
	li	$5, -2147483648
	li	$6, -2394
	li	$7, 1
	li	$8, 0
	li	$9, -3362
	li	$10, 397665441
	li	$11, 65535
	li	$12, 43
	li	$13, 1
	li	$14, -1
	li	$15, -3755
	li	$16, -2147483648
	li	$17, 47
	li	$18, -2147483648
	li	$19, 0
	li	$20, 511657350
	li	$21, 0
	li	$22, 1263162183
	li	$23, 65535
	li	$24, -229548570
	mtc1	$24, $f0
	li	$24, 128
	mthc1	$24, $f0
	li	$24, 2147483647
	mtc1	$24, $f2
	li	$24, 392391388
	mthc1	$24, $f2
	li	$24, 102
	mtc1	$24, $f4
	li	$24, 32768
	mthc1	$24, $f4
	li	$24, 1
	mtc1	$24, $f6
	li	$24, 1
	mthc1	$24, $f6
	li	$24, 65535
	mtc1	$24, $f8
	li	$24, -256073774
	mthc1	$24, $f8
	li	$24, 0
	mtc1	$24, $f10
	li	$24, 141
	mthc1	$24, $f10
	li	$24, 65535
	mtc1	$24, $f12
	li	$24, -2015
	mthc1	$24, $f12
	li	$24, 0
	mtc1	$24, $f14
	li	$24, 1213424243
	mthc1	$24, $f14
	dsra32	$8, $2, 15
	lbu	$13, 52($30)
	addiu	$15, $22, 23830
	mthi	$21
	mtlo	$17
	cvt.w.s	$f4, $f14
	bal	109f
	addiu	$24, $31, 0
	b	1109f
	nop
	109:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $22
1109:
	cvt.d.s	$f2, $f14
	daddiu	$2, $15, -27215
	dext	$21, $18, 8, 6
	bgezl	$16, 110f
	addiu	$7, $7, 43
	xor	$20, $20, $16
110:
	mfc1	$21, $f14
	ins	$7, $14, 8, 19
	divu	$zero, $5, $9
	mfhi	$10
	dmultu	$13, $15
	mfhi	$13
	daddiu	$11, $2, 25428
	sw	$23, 48($30)
	round.w.s	$f10, $f8
	ceil.w.s	$f10, $f4
	cvt.d.s	$f8, $f2
	li	$9, 2147483647
	lw	$15, 28($30)
	mthi	$21
	mtlo	$10
	ld	$5, 24($30)
	mthi	$12
	mtlo	$6
	lh	$14, 60($30)
	ins	$9, $18, 2, 18
	bal	111f
	addiu	$24, $31, 0
	b	1111f
	nop
	111:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $2
1111:
	sw	$16, 44($30)
	mov.d	$f0, $f12
	ori	$23, $12, 6144
	lui	$20, 9520
	lb	$16, 9($30)
	bnel	$16, $10, 112f
	addiu	$6, $6, 112
	xor	$10, $10, $16
112:
	dsrl32	$8, $15, 4
	nmsub.d	$f8, $f6, $f2, $f10
	abs.d	$f6, $f2
	mtc1	$13, $f10
	cvt.d.w	$f10, $f10
	andi	$21, $17, 12668
	lui	$10, 63909
	sw	$11, 36($30)
	sd	$18, 32($30)
	dsra	$21, $7, 29
	mthi	$14
	mtlo	$22
	c.lt.d	$fcc0, $f2, $f4
	ld	$9, 0($30)
	mfc1	$20, $f10
	lwl	$7, 12($30)
	maddu	$21, $10
	mfhi	$10
	ori	$2, $7, 38820
	lui	$11, 44954
	ins	$17, $17, 0, 15
	dins	$8, $19, 25, 6
	sub.s	$f12, $f14, $f8
	dext	$15, $16, 20, 14
	clo	$4, $7
	seb	$18, $7
	daddiu	$18, $10, -15781
	dins	$19, $18, 24, 4
	dclo	$19, $22
	bal	113f
	addiu	$24, $31, 0
	b	1113f
	nop
	113:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $16
1113:
	mfc1	$5, $f10
	cvt.d.s	$f6, $f10
	dshd	$4, $5
	c.eq.d	$fcc1, $f10, $f8
	ins	$23, $16, 27, 3
	addiu	$21, $17, -8613
	c.seq.d	$fcc3, $f6, $f14
	sw	$5, 24($30)
	swr	$7, 43($30)
	lb	$6, 55($30)
	lwl	$10, 31($30)
	lw	$21, 16($30)
	cvt.d.s	$f2, $f6
	rotr	$16, $16, 24
	clo	$8, $14
	seb	$2, $14
	sltiu	$13, $23, -11623
	clz	$7, $15
	seh	$20, $15
	ld	$7, 8($30)
	bal	114f
	addiu	$24, $31, 0
	b	1114f
	nop
	114:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $5
1114:
	add.d	$f6, $f0, $f4
	dsubu	$4, $6, $2
	li	$21, 0
	sub.s	$f0, $f14, $f14
	dsbh	$19, $3
	daddiu	$15, $4, -32610
	lw	$9, 24($30)
	daddiu	$22, $6, 12187
	cvt.d.w	$f4, $f10
	clz	$8, $2
	seb	$6, $2
	lwu	$12, 16($30)
	ori	$21, $15, 63953
	lui	$21, 29337
	cvt.d.w	$f2, $f2
	sb	$12, 26($30)
	mul	$23, $11, $16
	lhu	$23, 2($30)
	dclo	$17, $3
	msub.s	$f14, $f8, $f8, $f0
	cvt.d.w	$f4, $f8
	nor	$20, $5, $21
	sra	$2, $7, 8
	mfc1	$5, $f8
	li	$13, 2147483647
	addiu	$21, $22, -9746
	bgezl	$17, 115f
	addiu	$15, $15, 3
	xor	$15, $15, $17
115:
	dext	$5, $19, 10, 7
	cvt.d.w	$f2, $f6
	mtc1	$18, $f8
	cvt.d.w	$f4, $f0
	dext	$20, $22, 5, 6
	mfc1	$4, $f0
	dins	$19, $21, 0, 31
	nor	$17, $4, $16
	sqrt.d	$f10, $f8
	dext	$17, $12, 4, 12
	lb	$10, 20($30)
	mfc1	$22, $f2
	bltz	$18, 116f
	addiu	$14, $14, -73
	xor	$12, $12, $18
116:
	ddiv	$zero, $9, $5
	mfhi	$9
	lbu	$9, 27($30)
	beq	$16, $5, 117f
	addiu	$6, $6, -83
	xor	$5, $5, $16
117:
	cvt.s.d	$f2, $f2
	msubu	$11, $12
	mflo	$15
	sd	$23, 48($30)
	mult	$12, $7
	mflo	$16
	clo	$11, $21
	wsbh	$4, $21
	mult	$23, $7
	mfhi	$5
	dext	$8, $15, 9, 27
	dext	$3, $6, 8, 12
	daddiu	$17, $13, -20340
	srav	$14, $20, $4
	li	$4, -2147483648
	daddiu	$7, $18, 11308
	bnel	$13, $3, 118f
	addiu	$2, $2, -74
	xor	$3, $3, $13
118:
	mfc1	$14, $f6
	clz	$21, $11
	seh	$5, $11
	ext	$8, $3, 15, 3
	dmult	$7, $21
	mflo	$12
	bal	119f
	addiu	$24, $31, 0
	b	1119f
	nop
	119:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $11
1119:
	dmultu	$20, $15
	mflo	$22
	mfc1	$23, $f2
	sqrt.d	$f6, $f8
	ddivu	$zero, $22, $20
	mfhi	$6
	ceil.w.d	$f14, $f8
	ddiv	$zero, $9, $13
	mfhi	$20
	clz	$12, $21
	seh	$11, $21
	bnel	$23, $12, 120f
	addiu	$11, $11, -17
	xor	$12, $12, $23
120:
	ins	$2, $13, 17, 12
	ddivu	$zero, $11, $7
	mfhi	$4
	dsll32	$10, $5, 5
	ddiv	$zero, $9, $19
	mflo	$3
	cvt.d.w	$f6, $f6
	mfc1	$15, $f8
	mtc1	$21, $f12
	cvt.s.w	$f6, $f0
	dsra	$20, $8, 10
	bne	$14, $17, 121f
	addiu	$11, $11, 41
	xor	$17, $17, $14
121:
	bgtzl	$3, 122f
	addiu	$3, $3, 88
	xor	$13, $13, $3
122:
	dsll32	$21, $21, 21
	dins	$13, $6, 0, 2
	mthi	$11
	mtlo	$17
	slt	$20, $13, $6
	madd.s	$f6, $f8, $f8, $f12
	andi	$5, $7, 11679
	lui	$6, 56169
	mfc1	$20, $f8
	andi	$2, $5, 33555
	lui	$4, 9161
	ceil.w.s	$f2, $f0
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 8
	dla	$30, scratch + 512
	li	$2, 1054887881
	li	$3, 0
	li	$4, 65535
	li	$5, 96
	li	$6, 2147483647
	li	$7, 128
	li	$8, -2147483648
	li	$9, -2736
	li	$10, -1
	li	$11, 32768
	li	$12, 1
	li	$13, 2147483647
	li	$14, 2147483647
	li	$15, -1684886420
	li	$16, 2147483647
	li	$17, 2147483647
	li	$18, 0
	li	$19, 32768
	li	$20, -2147483648
	li	$21, -2147483648
	li	$22, -2147483648
	li	$23, 1
	li	$24, 81278791
	mtc1	$24, $f0
	li	$24, 65535
	mthc1	$24, $f0
	li	$24, -1
	mtc1	$24, $f2
	li	$24, -900
	mthc1	$24, $f2
	li	$24, 261040201
	mtc1	$24, $f4
	li	$24, 128
	mthc1	$24, $f4
	li	$24, -1995174909
	mtc1	$24, $f6
	li	$24, 179
	mthc1	$24, $f6
	li	$24, 65535
	mtc1	$24, $f8
	li	$24, 32768
	mthc1	$24, $f8
	li	$24, -1
	mtc1	$24, $f10
	li	$24, -750
	mthc1	$24, $f10
	li	$24, 162
	mtc1	$24, $f12
	li	$24, 1
	mthc1	$24, $f12
	li	$24, 0
	mtc1	$24, $f14
	li	$24, -2147483648
	mthc1	$24, $f14
	drotr32	$8, $22, 31
	dsrav	$15, $15, $2
	sra	$6, $10, 1
	mfc1	$8, $f14
	round.w.d	$f12, $f0
	lhu	$8, 36($30)
	sra	$11, $14, 3
	srlv	$19, $6, $15
	bltz	$16, 123f
	addiu	$7, $7, -61
	xor	$18, $18, $16
123:
	ins	$2, $16, 23, 8
	sd	$10, 40($30)
	sra	$19, $15, 4
	mthi	$8
	mtlo	$10
	mtc1	$12, $f6
	cvt.s.w	$f14, $f4
	sub.d	$f8, $f4, $f4
	ld	$13, 32($30)
	swl	$13, 48($30)
	bal	124f
	addiu	$24, $31, 0
	b	1124f
	nop
	124:	subu	$23, $31, $24
	jr	$31
	addu	$23, $23, $23
1124:
	lb	$13, 59($30)
	xori	$7, $20, 5452
	lui	$22, 52427
	bltz	$7, 125f
	addiu	$17, $17, -121
	xor	$22, $22, $7
125:
	dins	$17, $7, 29, 1
	c.un.s	$fcc6, $f10, $f12
	nmsub.d	$f2, $f14, $f4, $f2
	mthi	$9
	mtlo	$5
	dsbh	$9, $3
	floor.w.s	$f4, $f2
	rotr	$15, $5, 30
	msub.d	$f0, $f8, $f10, $f4
	mfc1	$9, $f4
	rotr	$13, $3, 1
	ceil.w.s	$f12, $f10
	c.un.s	$fcc7, $f10, $f14
	lb	$5, 61($30)
	bal	126f
	addiu	$24, $31, 0
	b	1126f
	nop
	126:	subu	$11, $31, $24
	jr	$31
	addu	$11, $11, $8
1126:
	ori	$6, $19, 61335
	lui	$8, 39214
	srl	$5, $8, 30
	c.ult.s	$fcc5, $f2, $f12
	mtc1	$22, $f2
	cvt.d.w	$f12, $f12
	dmultu	$11, $5
	mfhi	$22
	bgtzl	$8, 127f
	addiu	$19, $19, 24
	xor	$10, $10, $8
127:
	dins	$12, $10, 19, 5
	li	$18, 1
	lw	$12, 16($30)
	ceil.w.d	$f10, $f10
	ext	$5, $15, 25, 2
	dins	$18, $7, 6, 17
	sll	$8, $11, 8
	daddiu	$16, $2, -6512
	mtc1	$19, $f4
	cvt.s.w	$f0, $f12
	madd.s	$f14, $f0, $f6, $f10
	bal	128f
	addiu	$24, $31, 0
	b	1128f
	nop
	128:	subu	$15, $31, $24
	jr	$31
	addu	$15, $15, $2
1128:
	dext	$11, $17, 27, 14
	rotr	$11, $10, 24
	c.lt.d	$fcc3, $f8, $f8
	dsubu	$11, $19, $14
	dsllv	$18, $12, $19
	sqrt.d	$f2, $f4
	mthi	$21
	mtlo	$9
	dins	$7, $7, 3, 23
	beql	$3, $14, 129f
	addiu	$19, $19, 108
	xor	$14, $14, $3
129:
	mfc1	$5, $f14
	lh	$10, 26($30)
	sra	$10, $22, 1
	ins	$10, $6, 8, 3
	add.d	$f6, $f14, $f10
	li	$17, -1597
	ddivu	$zero, $5, $23
	mfhi	$9
	mthi	$2
	mtlo	$15
	srlv	$17, $8, $15
	round.w.s	$f4, $f4
	sra	$13, $6, 12
	daddiu	$7, $9, 21375
	mul	$17, $13, $11
	dsbh	$17, $16
	clz	$12, $6
	seh	$2, $6
	daddiu	$22, $6, -12647
	mtc1	$4, $f12
	cvt.s.w	$f4, $f10
	clz	$5, $4
	seh	$7, $4
	andi	$13, $4, 8038
	lui	$19, 52324
	ins	$13, $6, 31, 1
	dext	$23, $7, 20, 26
	sllv	$3, $5, $15
	lw	$19, 8($30)
	sh	$5, 16($30)
	ins	$3, $20, 9, 13
	dext	$21, $17, 10, 6
	mfc1	$14, $f4
	swr	$2, 33($30)
	mtc1	$7, $f10
	cvt.d.w	$f4, $f6
	rotr	$5, $12, 20
	clz	$20, $4
	seh	$4, $4
	dext	$23, $5, 20, 7
	c.lt.s	$fcc2, $f8, $f12
	bnel	$16, $23, 130f
	addiu	$21, $21, 89
	xor	$23, $23, $16
130:
	cvt.s.d	$f10, $f2
	sb	$23, 44($30)
	lwu	$21, 40($30)
	blez	$16, 131f
	addiu	$9, $9, -60
	xor	$10, $10, $16
131:
	dclz	$23, $9
	sll	$21, $3, 28
	sra	$3, $16, 31
	drotr32	$21, $16, 5
	ins	$14, $23, 27, 2
	slti	$23, $14, 28733
	c.ole.d	$fcc2, $f12, $f6
	bnel	$2, $20, 132f
	addiu	$8, $8, 15
	xor	$20, $20, $2
132:
	addiu	$21, $13, -4900
	dins	$17, $8, 28, 2
	mul.s	$f6, $f0, $f8
	srl	$20, $4, 29
	bal	133f
	addiu	$24, $31, 0
	b	1133f
	nop
	133:	subu	$19, $31, $24
	jr	$31
	addu	$19, $19, $8
1133:
	slti	$7, $22, 11187
	lhu	$15, 36($30)
	sw	$23, 32($30)
	ori	$16, $9, 29883
	lui	$16, 17743
	lhu	$23, 48($30)
	c.ule.s	$fcc6, $f4, $f8
	lw	$14, 56($30)
	mfc1	$18, $f4
	rotr	$22, $12, 23
	dsbh	$22, $6
	ext	$8, $14, 19, 8
	lw	$10, 24($30)
	dsrlv	$9, $14, $6
	ld	$2, 0($30)
	mov.s	$f2, $f2
	dext	$17, $2, 10, 23
	lbu	$2, 23($30)
	xori	$8, $4, 1639
	lui	$13, 15549
	bal	134f
	addiu	$24, $31, 0
	b	1134f
	nop
	134:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $10
1134:
	abs.d	$f0, $f10
	bgez	$3, 135f
	addiu	$6, $6, -31
	xor	$18, $18, $3
135:
	movn	$12, $7, $22
	li	$7, 32768
	lwl	$5, 51($30)
	clz	$4, $3
	seh	$18, $3
	sra	$4, $8, 4
	mtc1	$21, $f4
	cvt.s.w	$f14, $f2
	andi	$15, $19, 8540
	lui	$8, 56692
	swr	$16, 7($30)
	lw	$3, 56($30)
	sll	$5, $23, 14
	subu	$13, $14, $23
	bal	136f
	addiu	$24, $31, 0
	b	1136f
	nop
	136:	subu	$2, $31, $24
	jr	$31
	addu	$2, $2, $2
1136:
	dsll32	$3, $11, 27
	mtc1	$4, $f4
	cvt.s.w	$f8, $f14
	c.olt.d	$fcc2, $f6, $f14
	mtc1	$4, $f0
	cvt.d.w	$f12, $f14
	mfc1	$9, $f10
	dclz	$23, $13
	mfc1	$21, $f12
	lwl	$20, 5($30)
	clz	$23, $22
	wsbh	$3, $22
	sd	$20, 24($30)
	sll	$13, $8, 26
	c.ule.d	$fcc4, $f12, $f8
	daddiu	$10, $5, -30609
	dshd	$17, $22
	xori	$17, $19, 41958
	lui	$12, 38470
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 9
	dla	$30, scratch + 576
	li	$2, 177
	li	$3, 32768
	li	$4, 128
	li	$5, 2147483647
	li	$6, 128
	li	$7, 0
	li	$8, 1
	li	$9, 1
	li	$10, 65535
	li	$11, 1183711818
	li	$12, 2147483647
	li	$13, 0
	li	$14, 2147483647
	li	$15, 46
	li	$16, -2147483648
	li	$17, -1249
	li	$18, 0
	li	$19, -2147483648
	li	$20, 383747029
	li	$21, 2147483647
	li	$22, 0
	li	$23, 1216480685
	li	$24, 32768
	mtc1	$24, $f0
	li	$24, -3176
	mthc1	$24, $f0
	li	$24, 0
	mtc1	$24, $f2
	li	$24, -1
	mthc1	$24, $f2
	li	$24, 65535
	mtc1	$24, $f4
	li	$24, -2147483648
	mthc1	$24, $f4
	li	$24, -2769
	mtc1	$24, $f6
	li	$24, 0
	mthc1	$24, $f6
	li	$24, 65535
	mtc1	$24, $f8
	li	$24, -2147483648
	mthc1	$24, $f8
	li	$24, -282538570
	mtc1	$24, $f10
	li	$24, 128
	mthc1	$24, $f10
	li	$24, 1595528984
	mtc1	$24, $f12
	li	$24, 65535
	mthc1	$24, $f12
	li	$24, -1604459562
	mtc1	$24, $f14
	li	$24, -3908
	mthc1	$24, $f14
	sqrt.d	$f12, $f0
	clo	$5, $6
	seh	$7, $6
	sra	$14, $7, 24
	sh	$21, 28($30)
	lbu	$9, 23($30)
	multu	$19, $10
	mflo	$15
	slti	$13, $22, -25441
	c.olt.d	$fcc4, $f12, $f10
	cvt.w.s	$f8, $f12
	divu	$zero, $12, $2
	mflo	$20
	mfc1	$7, $f12
	sllv	$11, $18, $20
	lhu	$3, 46($30)
	swl	$18, 48($30)
	mthi	$20
	mtlo	$11
	floor.w.d	$f12, $f8
	lwl	$15, 36($30)
	cvt.d.s	$f0, $f14
	ext	$22, $11, 1, 25
	dclo	$16, $6
	dins	$22, $14, 6, 1
	mfc1	$4, $f8
	rotr	$11, $14, 11
	dsrav	$6, $18, $21
	mfc1	$15, $f4
	clo	$20, $21
	seb	$21, $21
	msub	$14, $9
	mfhi	$19
	beql	$5, $12, 137f
	addiu	$21, $21, 20
	xor	$12, $12, $5
137:
	cvt.w.s	$f12, $f8
	mtc1	$17, $f8
	cvt.s.w	$f2, $f4
	bltz	$19, 138f
	addiu	$17, $17, 105
	xor	$22, $22, $19
138:
	dsrl	$6, $7, 20
	cvt.d.w	$f8, $f14
	li	$13, 2147483647
	bal	139f
	addiu	$24, $31, 0
	b	1139f
	nop
	139:	subu	$18, $31, $24
	jr	$31
	addu	$18, $18, $20
1139:
	dsrav	$20, $7, $6
	dclo	$11, $10
	drotr32	$13, $2, 11
	div.s	$f12, $f0, $f6
	lh	$7, 54($30)
	drotr	$8, $5, 28
	dext	$22, $8, 25, 24
	lh	$22, 52($30)
	dext	$3, $15, 13, 28
	sll	$12, $14, 3
	sd	$7, 16($30)
	dclo	$2, $13
	lbu	$9, 7($30)
	mfc1	$17, $f2
	lwr	$15, 32($30)
	dsra	$6, $7, 24
	daddiu	$14, $13, -23619
	drotr	$13, $22, 11
	daddiu	$4, $17, 30045
	rotr	$9, $3, 8
	mult	$12, $18
	mflo	$6
	dext	$23, $8, 7, 7
	dsll	$22, $16, 16
	sltiu	$6, $3, -30230
	c.le.d	$fcc3, $f0, $f2
	addiu	$10, $22, -24590
	rotrv	$19, $7, $13
	ld	$11, 40($30)
	li	$3, 60
	c.eq.d	$fcc1, $f0, $f14
	lwr	$3, 9($30)
	li	$22, 107
	mtc1	$23, $f4
	cvt.s.w	$f0, $f2
	ins	$6, $20, 12, 20
	sltiu	$6, $17, 23891
	sh	$3, 10($30)
	li	$13, -102
	ddivu	$zero, $7, $2
	mfhi	$23
	blez	$14, 140f
	addiu	$5, $5, -55
	xor	$11, $11, $14
140:
	lbu	$17, 7($30)
	lbu	$14, 3($30)
	dins	$23, $6, 27, 1
	li	$9, -1228
	bne	$4, $2, 141f
	addiu	$20, $20, 114
	xor	$2, $2, $4
141:
	li	$10, 32768
	andi	$14, $7, 61983
	lui	$11, 62419
	bal	142f
	addiu	$24, $31, 0
	b	1142f
	nop
	142:	subu	$18, $31, $24
	jr	$31
	addu	$18, $18, $18
1142:
	bal	143f
	addiu	$24, $31, 0
	b	1143f
	nop
	143:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $2
1143:
	cvt.d.w	$f6, $f6
	dclz	$3, $6
	lbu	$11, 7($30)
	ddivu	$zero, $21, $6
	mflo	$8
	neg.s	$f4, $f10
	c.ole.s	$fcc5, $f10, $f12
	c.ole.d	$fcc5, $f4, $f6
	sltiu	$3, $12, 18743
	bne	$5, $19, 144f
	addiu	$10, $10, 124
	xor	$19, $19, $5
144:
	clo	$6, $2
	seb	$13, $2
	dsra	$17, $17, 23
	msubu	$3, $21
	mfhi	$2
	rotr	$8, $23, 26
	bnel	$2, $18, 145f
	addiu	$4, $4, 118
	xor	$18, $18, $2
145:
	blezl	$3, 146f
	addiu	$3, $3, -101
	xor	$23, $23, $3
146:
	ori	$15, $16, 19818
	lui	$16, 36135
	msubu	$23, $22
	mfhi	$10
	drotrv	$6, $22, $17
	daddiu	$8, $8, -22839
	lbu	$10, 2($30)
	nmadd.d	$f2, $f8, $f2, $f2
	ld	$9, 48($30)
	clo	$15, $6
	seh	$14, $6
	rotr	$2, $18, 17
	sw	$17, 40($30)
	clo	$6, $14
	seb	$2, $14
	trunc.w.d	$f8, $f14
	mtc1	$16, $f8
	cvt.s.w	$f10, $f2
	lwu	$14, 40($30)
	clo	$4, $21
	seh	$23, $21
	ins	$16, $11, 17, 6
	mov.s	$f4, $f10
	trunc.w.d	$f8, $f8
	dins	$2, $14, 3, 12
	beql	$16, $12, 147f
	addiu	$15, $15, 3
	xor	$12, $12, $16
147:
	clz	$12, $18
	seb	$23, $18
	cvt.w.s	$f12, $f10
	mul.d	$f8, $f14, $f0
	ins	$8, $12, 11, 17
	daddiu	$17, $7, 6689
	lhu	$5, 34($30)
	mtc1	$20, $f4
	cvt.s.w	$f0, $f8
	lbu	$9, 5($30)
	sw	$19, 32($30)
	mthi	$10
	mtlo	$2
	daddiu	$11, $5, 23008
	daddiu	$18, $10, -30106
	dclz	$12, $11
	cvt.d.s	$f0, $f6
	dext	$12, $20, 12, 16
	clo	$15, $18
	wsbh	$12, $18
	sd	$3, 40($30)
	clo	$8, $8
	wsbh	$19, $8
	sw	$4, 48($30)
	ddivu	$zero, $19, $12
	mflo	$9
	nmsub.d	$f14, $f0, $f2, $f4
	sh	$10, 48($30)
	srl	$16, $22, 19
	bgtzl	$18, 148f
	addiu	$22, $22, 10
	xor	$3, $3, $18
148:
	sd	$16, 16($30)
	c.seq.d	$fcc3, $f10, $f8
	neg.s	$f12, $f14
	floor.w.d	$f4, $f12
	cvt.s.w	$f12, $f6
	trunc.w.s	$f0, $f8
	maddu	$23, $6
	mfhi	$6
	bal	149f
	addiu	$24, $31, 0
	b	1149f
	nop
	149:	subu	$13, $31, $24
	jr	$31
	addu	$13, $13, $3
1149:
	c.ngt.s	$fcc1, $f6, $f10
	c.olt.d	$fcc5, $f12, $f4
	dext	$23, $9, 6, 7
	sub.d	$f12, $f10, $f8
	neg.d	$f10, $f2
	abs.d	$f14, $f10
	floor.w.d	$f10, $f0
	dext	$15, $5, 15, 15
	dins	$9, $5, 2, 1
	mfc1	$18, $f2
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 10
	dla	$30, scratch + 640
	li	$2, 32768
	li	$3, -1
	li	$4, -1
	li	$5, 1731177669
	li	$6, -1
	li	$7, -256100616
	li	$8, -1
	li	$9, 1892573143
	li	$10, 32768
	li	$11, 2147483647
	li	$12, 1
	li	$13, 1
	li	$14, -2147483648
	li	$15, 65535
	li	$16, 65535
	li	$17, 32768
	li	$18, -1301
	li	$19, -751
	li	$20, -560
	li	$21, 32768
	li	$22, 1
	li	$23, 164
	li	$24, 65535
	mtc1	$24, $f0
	li	$24, 77
	mthc1	$24, $f0
	li	$24, 1
	mtc1	$24, $f2
	li	$24, 32768
	mthc1	$24, $f2
	li	$24, -1
	mtc1	$24, $f4
	li	$24, 0
	mthc1	$24, $f4
	li	$24, 148
	mtc1	$24, $f6
	li	$24, 2147483647
	mthc1	$24, $f6
	li	$24, 65535
	mtc1	$24, $f8
	li	$24, 355799604
	mthc1	$24, $f8
	li	$24, 1
	mtc1	$24, $f10
	li	$24, -1310731743
	mthc1	$24, $f10
	li	$24, 65535
	mtc1	$24, $f12
	li	$24, 65535
	mthc1	$24, $f12
	li	$24, -2147483648
	mtc1	$24, $f14
	li	$24, 128
	mthc1	$24, $f14
	mfc1	$7, $f6
	drotr	$16, $14, 16
	sw	$2, 52($30)
	lw	$20, 0($30)
	li	$6, -1158
	addu	$14, $9, $21
	blez	$6, 150f
	addiu	$21, $21, 98
	xor	$10, $10, $6
150:
	sqrt.d	$f14, $f12
	dshd	$4, $15
	lw	$8, 12($30)
	ddivu	$zero, $22, $17
	mfhi	$23
	xori	$13, $14, 10839
	lui	$17, 58461
	sh	$5, 14($30)
	addiu	$22, $18, 21957
	madd	$23, $19
	mfhi	$7
	andi	$21, $9, 44484
	lui	$7, 16388
	li	$17, -1
	clz	$23, $20
	seb	$19, $20
	xori	$10, $4, 36183
	lui	$11, 18628
	daddiu	$3, $16, -7025
	lbu	$7, 29($30)
	daddiu	$6, $2, -32704
	dclz	$9, $6
	srav	$14, $23, $8
	sll	$5, $18, 22
	mtc1	$13, $f6
	cvt.d.w	$f0, $f14
	dsrl	$10, $14, 19
	dsrlv	$16, $2, $7
	sw	$23, 12($30)
	addiu	$5, $2, 8151
	srlv	$7, $19, $17
	dsrl32	$17, $10, 6
	beq	$12, $19, 151f
	addiu	$23, $23, 65
	xor	$19, $19, $12
151:
	clo	$22, $6
	seh	$20, $6
	add.s	$f8, $f12, $f0
	dsll32	$21, $15, 4
	mtc1	$18, $f10
	cvt.d.w	$f14, $f12
	dsrav	$3, $12, $6
	clz	$9, $6
	seh	$7, $6
	cvt.d.s	$f2, $f0
	dclo	$8, $13
	nor	$10, $7, $9
	li	$6, 91
	lwr	$17, 3($30)
	dins	$18, $13, 0, 31
	msub.d	$f8, $f12, $f12, $f0
	clz	$21, $2
	seh	$21, $2
	ddivu	$zero, $11, $23
	mfhi	$11
	mfc1	$16, $f0
	dext	$15, $21, 4, 7
	dmultu	$3, $3
	mflo	$22
	li	$8, 128
	clo	$4, $9
	seh	$16, $9
	madd.d	$f6, $f8, $f6, $f6
	cvt.s.d	$f14, $f8
	lw	$7, 32($30)
	mfc1	$20, $f14
	dsrav	$2, $9, $11
	lw	$10, 36($30)
	movz	$16, $17, $11
	ext	$20, $5, 30, 2
	daddiu	$3, $14, 2131
	beq	$17, $3, 152f
	addiu	$15, $15, 11
	xor	$3, $3, $17
152:
	round.w.d	$f8, $f12
	mfc1	$3, $f12
	dshd	$8, $15
	sh	$22, 40($30)
	xor	$13, $23, $14
	dmult	$15, $15
	mflo	$2
	dmult	$14, $22
	mflo	$18
	li	$16, 2064073566
	sub.d	$f0, $f4, $f14
	ext	$10, $2, 0, 23
	mtc1	$20, $f10
	cvt.d.w	$f0, $f6
	lbu	$18, 8($30)
	dext	$4, $15, 11, 18
	add.d	$f12, $f10, $f2
	cvt.s.w	$f0, $f2
	andi	$22, $6, 13713
	lui	$6, 47968
	dext	$21, $14, 2, 12
	mul.s	$f12, $f10, $f0
	srl	$18, $4, 14
	cvt.d.w	$f10, $f6
	sd	$14, 8($30)
	rotrv	$13, $18, $23
	dmult	$11, $18
	mfhi	$3
	dclz	$23, $6
	sll	$14, $17, 16
	lwr	$17, 1($30)
	dins	$14, $10, 22, 10
	bne	$6, $22, 153f
	addiu	$13, $13, -30
	xor	$22, $22, $6
153:
	dins	$18, $14, 27, 3
	ddivu	$zero, $5, $23
	mfhi	$3
	xori	$11, $4, 27760
	lui	$21, 305
	dsbh	$23, $6
	trunc.w.s	$f10, $f8
	clz	$23, $20
	wsbh	$11, $20
	ins	$4, $5, 20, 12
	lwl	$20, 12($30)
	li	$23, -1407
	dins	$17, $16, 28, 1
	multu	$6, $18
	mfhi	$20
	swr	$5, 7($30)
	c.eq.d	$fcc7, $f6, $f2
	lb	$14, 61($30)
	c.le.s	$fcc0, $f0, $f4
	sra	$9, $22, 2
	mthi	$17
	mtlo	$7
	dins	$21, $20, 14, 1
	c.ngt.d	$fcc2, $f4, $f0
	ori	$11, $17, 3086
	lui	$5, 21954
	mfc1	$13, $f4
	ld	$10, 0($30)
	blezl	$23, 154f
	addiu	$17, $17, 41
	xor	$20, $20, $23
154:
	ld	$10, 32($30)
	mtc1	$18, $f6
	cvt.s.w	$f0, $f12
	or	$19, $4, $15
	bgtzl	$23, 155f
	addiu	$2, $2, -126
	xor	$22, $22, $23
155:
	beq	$15, $16, 156f
	addiu	$16, $16, -56
	xor	$16, $16, $15
156:
	mov.d	$f8, $f14
	mfc1	$6, $f0
	li	$10, 63
	mtc1	$17, $f8
	cvt.d.w	$f14, $f2
	dext	$13, $8, 10, 12
	mthi	$16
	mtlo	$20
	dmult	$19, $12
	mflo	$13
	addiu	$6, $21, 31808
	mtc1	$7, $f12
	cvt.d.w	$f8, $f2
	mthi	$2
	mtlo	$18
	mfc1	$11, $f4
	sqrt.d	$f4, $f4
	ins	$21, $5, 25, 7
	lh	$6, 32($30)
	addiu	$8, $4, 18445
	mtc1	$5, $f4
	cvt.s.w	$f6, $f0
	daddu	$18, $6, $21
	sh	$19, 40($30)
	daddiu	$11, $2, -10186
	ext	$23, $23, 2, 29
	blez	$20, 157f
	addiu	$3, $3, 106
	xor	$15, $15, $20
157:
	dshd	$16, $10
	abs.d	$f14, $f12
	c.f.s	$fcc0, $f6, $f8
	sw	$14, 40($30)
	dclo	$15, $23
	xori	$10, $22, 28606
	lui	$18, 32350
	lb	$19, 62($30)
	dsbh	$11, $23
	ddiv	$zero, $14, $5
	mfhi	$7
	daddiu	$6, $16, 8934
	sw	$15, 0($30)
	srl	$7, $9, 1
	multu	$20, $17
	mfhi	$23
	mult	$18, $3
	mfhi	$12
	msub	$22, $15
	mfhi	$16
	lh	$4, 40($30)
	mtc1	$18, $f14
	cvt.d.w	$f2, $f4
	dsrl	$2, $7, 11
	dext	$5, $14, 6, 2
	cvt.s.d	$f10, $f8
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
# round 11
	dla	$30, scratch + 704
	li	$2, 65535
	li	$3, -2147483648
	li	$4, 136
	li	$5, 1
	li	$6, -2147483648
	li	$7, 128
	li	$8, -2147483648
	li	$9, -3140
	li	$10, 1
	li	$11, -1
	li	$12, 2147483647
	li	$13, 65535
	li	$14, 32768
	li	$15, 12931328
	li	$16, 65535
	li	$17, 0
	li	$18, 32768
	li	$19, 128
	li	$20, 992833470
	li	$21, 1784418218
	li	$22, -2147483648
	li	$23, 1236652930
	li	$24, -1
	mtc1	$24, $f0
	li	$24, -2147483648
	mthc1	$24, $f0
	li	$24, -29842
	mtc1	$24, $f2
	li	$24, -2147483648
	mthc1	$24, $f2
	li	$24, 1
	mtc1	$24, $f4
	li	$24, 0
	mthc1	$24, $f4
	li	$24, -1345658734
	mtc1	$24, $f6
	li	$24, 32768
	mthc1	$24, $f6
	li	$24, 95
	mtc1	$24, $f8
	li	$24, 155
	mthc1	$24, $f8
	li	$24, 65535
	mtc1	$24, $f10
	li	$24, -1
	mthc1	$24, $f10
	li	$24, 0
	mtc1	$24, $f12
	li	$24, -4007
	mthc1	$24, $f12
	li	$24, 32768
	mtc1	$24, $f14
	li	$24, -1
	mthc1	$24, $f14
	li	$13, -300
	and	$17, $3, $15
	sll	$19, $21, 14
	swr	$16, 21($30)
	cvt.d.s	$f2, $f2
	beql	$3, $16, 158f
	addiu	$16, $16, 111
	xor	$16, $16, $3
158:
	li	$20, -2147483648
	lh	$5, 56($30)
	dext	$8, $5, 18, 14
	ddivu	$zero, $23, $14
	mflo	$15
	nmadd.d	$f0, $f4, $f12, $f8
	neg.s	$f14, $f6
	ext	$4, $19, 28, 3
	lwr	$6, 9($30)
	msub	$16, $17
	mflo	$8
	c.ueq.d	$fcc0, $f0, $f8
	lw	$14, 40($30)
	lb	$13, 58($30)
	mthi	$22
	mtlo	$23
	bal	159f
	addiu	$24, $31, 0
	b	1159f
	nop
	159:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $8
1159:
	dclz	$14, $5
	rotr	$9, $4, 31
	sb	$12, 42($30)
	mthi	$14
	mtlo	$9
	beql	$15, $23, 160f
	addiu	$2, $2, 35
	xor	$23, $23, $15
160:
	mov.d	$f12, $f2
	mult	$22, $5
	mflo	$13
	ext	$14, $7, 15, 3
	bnel	$20, $13, 161f
	addiu	$16, $16, 105
	xor	$13, $13, $20
161:
	li	$9, 32768
	mthi	$12
	mtlo	$13
	mtc1	$3, $f6
	cvt.d.w	$f12, $f14
	dclz	$19, $15
	xori	$8, $4, 39024
	lui	$17, 60592
	mtc1	$23, $f10
	cvt.d.w	$f12, $f10
	dins	$11, $20, 12, 7
	dext	$17, $3, 14, 13
	mthi	$11
	mtlo	$13
	mthi	$23
	mtlo	$8
	dext	$21, $7, 27, 23
	div.s	$f4, $f0, $f0
	dmultu	$5, $16
	mfhi	$10
	dins	$7, $3, 29, 2
	sh	$15, 32($30)
	dins	$10, $23, 26, 2
	ddivu	$zero, $8, $15
	mfhi	$13
	mtc1	$14, $f14
	cvt.d.w	$f8, $f6
	c.ueq.s	$fcc1, $f4, $f10
	sb	$11, 7($30)
	mtc1	$18, $f6
	cvt.d.w	$f8, $f6
	mthi	$18
	mtlo	$14
	dsbh	$6, $23
	sw	$2, 36($30)
	dext	$15, $23, 29, 9
	msubu	$18, $11
	mfhi	$4
	sb	$21, 42($30)
	dsrav	$19, $8, $23
	dins	$4, $3, 29, 3
	nmsub.d	$f14, $f12, $f4, $f6
	lwu	$14, 24($30)
	c.eq.d	$fcc1, $f14, $f10
	c.f.d	$fcc7, $f8, $f6
	c.ngt.s	$fcc2, $f2, $f8
	mov.d	$f14, $f10
	bal	162f
	addiu	$24, $31, 0
	b	1162f
	nop
	162:	subu	$16, $31, $24
	jr	$31
	addu	$16, $16, $14
1162:
	ext	$21, $21, 12, 13
	dsrl32	$19, $21, 23
	ddiv	$zero, $10, $10
	mflo	$3
	dmult	$21, $21
	mflo	$22
	dext	$11, $6, 9, 17
	div.s	$f6, $f0, $f14
	sw	$15, 56($30)
	drotr32	$7, $19, 3
	srl	$4, $11, 30
	daddiu	$19, $16, -25188
	dclz	$2, $8
	div.d	$f4, $f4, $f10
	dsll	$21, $4, 31
	sra	$7, $20, 19
	bgtzl	$23, 163f
	addiu	$11, $11, 76
	xor	$2, $2, $23
163:
	li	$7, 320224429
	c.ule.s	$fcc4, $f4, $f8
	ins	$22, $23, 30, 1
	bal	164f
	addiu	$24, $31, 0
	b	1164f
	nop
	164:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $13
1164:
	sqrt.d	$f6, $f8
	sra	$3, $12, 29
	beql	$18, $5, 165f
	addiu	$19, $19, 38
	xor	$5, $5, $18
165:
	abs.d	$f4, $f6
	multu	$3, $7
	mfhi	$18
	dext	$9, $3, 12, 3
	dsrlv	$14, $4, $2
	swr	$12, 29($30)
	div	$zero, $17, $14
	mflo	$5
	lb	$4, 60($30)
	bal	166f
	addiu	$24, $31, 0
	b	1166f
	nop
	166:	subu	$9, $31, $24
	jr	$31
	addu	$9, $9, $17
1166:
	mul.d	$f14, $f10, $f14
	div.d	$f0, $f0, $f4
	dclo	$3, $18
	mtc1	$7, $f4
	cvt.d.w	$f2, $f8
	beq	$13, $5, 167f
	addiu	$14, $14, 15
	xor	$5, $5, $13
167:
	sltu	$22, $21, $14
	sw	$2, 20($30)
	lwl	$8, 15($30)
	li	$19, -2802
	div	$zero, $21, $3
	mfhi	$2
	xor	$18, $10, $16
	ori	$7, $13, 6976
	lui	$2, 37882
	ld	$4, 8($30)
	dsrlv	$18, $2, $5
	clz	$4, $11
	wsbh	$11, $11
	sra	$11, $22, 30
	li	$17, 199974254
	mov.d	$f8, $f12
	cvt.s.w	$f2, $f4
	add.d	$f0, $f12, $f6
	li	$20, -1
	cvt.s.w	$f10, $f10
	lb	$4, 57($30)
	dclz	$3, $2
	lh	$16, 26($30)
	mthi	$3
	mtlo	$20
	srav	$8, $21, $20
	and	$20, $18, $3
	abs.s	$f8, $f0
	beq	$22, $14, 168f
	addiu	$3, $3, 39
	xor	$14, $14, $22
168:
	drotrv	$5, $4, $2
	floor.w.d	$f2, $f14
	sd	$15, 40($30)
	bne	$4, $8, 169f
	addiu	$4, $4, -67
	xor	$8, $8, $4
169:
	mul.s	$f14, $f10, $f12
	li	$15, 1
	ddivu	$zero, $14, $22
	mflo	$15
	cvt.d.s	$f14, $f8
	sub.d	$f0, $f14, $f0
	nmadd.s	$f8, $f0, $f6, $f8
	bal	170f
	addiu	$24, $31, 0
	b	1170f
	nop
	170:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $6
1170:
	daddiu	$12, $13, 14825
	dsbh	$12, $20
	swl	$23, 33($30)
	andi	$4, $23, 12598
	lui	$9, 5126
	dclo	$17, $19
	andi	$2, $20, 5537
	lui	$2, 64893
	sqrt.s	$f6, $f4
	c.ueq.d	$fcc7, $f2, $f0
	neg.d	$f8, $f12
	dsubu	$15, $8, $4
	trunc.w.s	$f6, $f6
	sd	$12, 24($30)
	mtc1	$16, $f14
	cvt.s.w	$f14, $f6
	bal	171f
	addiu	$24, $31, 0
	b	1171f
	nop
	171:	subu	$4, $31, $24
	jr	$31
	addu	$4, $4, $4
1171:
	mtc1	$2, $f2
	cvt.d.w	$f10, $f4
	rotrv	$10, $16, $5
	maddu	$4, $9
	mflo	$16
	mfc1	$12, $f10
	lh	$14, 16($30)
	mul.d	$f6, $f12, $f10
	mtc1	$9, $f6
	cvt.s.w	$f14, $f14
	c.ole.d	$fcc1, $f6, $f10
	sqrt.s	$f8, $f10
	beql	$14, $12, 172f
	addiu	$22, $22, -10
	xor	$12, $12, $14
172:
	dla	$24, dump
	sd	$2, 0($24)
	sd	$3, 8($24)
	sd	$4, 16($24)
	sd	$5, 24($24)
	sd	$6, 32($24)
	sd	$7, 40($24)
	sd	$8, 48($24)
	sd	$9, 56($24)
	sd	$10, 64($24)
	sd	$11, 72($24)
	sd	$12, 80($24)
	sd	$13, 88($24)
	sd	$14, 96($24)
	sd	$15, 104($24)
	sd	$16, 112($24)
	sd	$17, 120($24)
	sd	$18, 128($24)
	sd	$19, 136($24)
	sd	$20, 144($24)
	sd	$21, 152($24)
	sd	$22, 160($24)
	sd	$23, 168($24)
	mfhi	$25
	sd	$25, 176($24)
	mflo	$25
	sd	$25, 184($24)
	cfc1	$25, $31
	sw	$25, 192($24)
	sw	$zero, 196($24)
	sdc1	$f0, 200($24)
	sdc1	$f2, 208($24)
	sdc1	$f4, 216($24)
	sdc1	$f6, 224($24)
	sdc1	$f8, 232($24)
	sdc1	$f10, 240($24)
	sdc1	$f12, 248($24)
	sdc1	$f14, 256($24)
	sdc1	$f16, 264($24)
	sdc1	$f18, 272($24)
	sdc1	$f20, 280($24)
	sdc1	$f22, 288($24)
	sdc1	$f24, 296($24)
	sdc1	$f26, 304($24)
	sdc1	$f28, 312($24)
	sdc1	$f30, 320($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 328
	li	$v0, 5001
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 5001
	syscall
	li	$a0, 0
	li	$v0, 5058
	syscall
	.data
	.align	3
dump:	.space	512
scratch:
	.word	953302489
	.word	-1840418867
	.word	-919678217
	.word	2104971951
	.word	1937628926
	.word	-588435633
	.word	1503300205
	.word	305327814
	.word	-1297404077
	.word	1063631507
	.word	-1899737208
	.word	-509817262
	.word	1921056089
	.word	-933850548
	.word	1509750563
	.word	604397903
	.word	-305045928
	.word	90019829
	.word	1137633444
	.word	1168039657
	.word	1446349000
	.word	45322398
	.word	1689088270
	.word	-1693033144
	.word	1196546039
	.word	-934400736
	.word	-1330687627
	.word	179985045
	.word	2096338497
	.word	-917660964
	.word	953343287
	.word	234200365
	.word	1952195237
	.word	-250106239
	.word	-1674178398
	.word	-1704097325
	.word	1101558648
	.word	-1221736453
	.word	-175725998
	.word	408069172
	.word	-699119202
	.word	-1282186355
	.word	599204860
	.word	1053868824
	.word	-255207327
	.word	-1284100637
	.word	-1350261178
	.word	1388513248
	.word	1977401631
	.word	1377151968
	.word	173200084
	.word	1359421648
	.word	380776862
	.word	1085989406
	.word	-2082693086
	.word	-322596338
	.word	-1911827252
	.word	1725431333
	.word	-1150204116
	.word	-519744986
	.word	595019590
	.word	-1201425495
	.word	214458594
	.word	441463176
	.word	-1874409288
	.word	1668050448
	.word	997011879
	.word	912948843
	.word	1296266680
	.word	1568205826
	.word	1609106366
	.word	-1941867951
	.word	-479499820
	.word	1147433340
	.word	-2093408391
	.word	-1172599470
	.word	-1115375158
	.word	2097184276
	.word	714746325
	.word	-1682473307
	.word	-132155884
	.word	-849194438
	.word	1670341800
	.word	1818118021
	.word	829951890
	.word	566275383
	.word	-1196640380
	.word	-438815254
	.word	-1882878120
	.word	-67331665
	.word	1910568107
	.word	-2118008527
	.word	-2062547582
	.word	832630034
	.word	-1403659917
	.word	-133305586
	.word	-387105096
	.word	-1468449403
	.word	1995609665
	.word	-1553059876
	.word	-1272574378
	.word	-932028256
	.word	144863475
	.word	-1858451955
	.word	-427109136
	.word	1048958394
	.word	40379331
	.word	-1005037141
	.word	713464221
	.word	-820122201
	.word	663726739
	.word	-1989551011
	.word	-291077972
	.word	-388964011
	.word	1807572520
	.word	-813695852
	.word	759298210
	.word	1491304584
	.word	916458193
	.word	-927198036
	.word	253724344
	.word	114807516
	.word	1829355482
	.word	78153411
	.word	-1704103013
	.word	-1210107116
	.word	1192229386
	.word	-1315822707
	.word	1235015420
	.word	-1155214083
	.word	383246368
	.word	-1331610519
	.word	1923524639
	.word	1392927341
	.word	1983526088
	.word	617004985
	.word	-1794301439
	.word	418270791
	.word	-167895980
	.word	-119248210
	.word	-1014784330
	.word	-1158294244
	.word	178058199
	.word	137194788
	.word	348013536
	.word	1149738401
	.word	1364140344
	.word	409405964
	.word	-570940033
	.word	-207449260
	.word	-1732233808
	.word	1354312683
	.word	-850767831
	.word	1856586318
	.word	-1695250690
	.word	1329806987
	.word	987435650
	.word	1239721511
	.word	2032483927
	.word	52008224
	.word	101462590
	.word	-1992429189
	.word	-716974926
	.word	1433249880
	.word	-323103477
	.word	-1785766235
	.word	-1255935864
	.word	-1386203343
	.word	-615637838
	.word	64113438
	.word	478439046
	.word	-1698088148
	.word	137386682
	.word	1870953001
	.word	-119250071
	.word	-442082163
	.word	-389375658
	.word	-941584282
	.word	1751869584
	.word	-1437323348
	.word	-610879492
	.word	-1605429176
	.word	729875595
	.word	1763459427
	.word	-952471909
	.word	-675269105
	.word	-248090769
	.word	-1482051262
	.word	-1581872702
	.word	1632682277
	.word	1476390527
	.word	-331663481
