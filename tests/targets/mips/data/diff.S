	.set	noreorder
	.set	noat
	.option	pic0
	.text
	.globl	__start
__start:
# round 0
	la	$30, scratch + 0
	li	$2, 32768
	li	$3, 211
	li	$4, 65535
	li	$5, -850720957
	li	$6, 32768
	li	$7, -1
	li	$8, 128
	li	$9, 0
	li	$10, -2147483648
	li	$11, -2040
	li	$12, -2147483648
	li	$13, -1
	li	$14, 65535
	li	$15, 0
	li	$16, 0
	li	$17, 32768
	li	$18, -424817953
	li	$19, -725397261
	li	$20, -2147483648
	li	$21, 65535
	li	$22, 128
	li	$23, 9
	li	$24, 0
	ctc1	$24, $31
	li	$24, 32768
	mtc1	$24, $f0
	li	$24, -2147483648
	mthc1	$24, $f0
	li	$24, 65535
	mtc1	$24, $f2
	li	$24, 0
	mthc1	$24, $f2
	li	$24, 106
	mtc1	$24, $f4
	li	$24, 128
	mthc1	$24, $f4
	li	$24, -1965639979
	mtc1	$24, $f6
	li	$24, 65535
	mthc1	$24, $f6
	li	$24, 128
	mtc1	$24, $f8
	li	$24, -1
	mthc1	$24, $f8
	li	$24, 32768
	mtc1	$24, $f10
	li	$24, 0
	mthc1	$24, $f10
	li	$24, 1717888033
	mtc1	$24, $f12
	li	$24, 144
	mthc1	$24, $f12
	li	$24, 83
	mtc1	$24, $f14
	li	$24, -1
	mthc1	$24, $f14
	lwl	$21, 37($30)
	madd.d	$f0, $f12, $f2, $f0
	nmadd.s	$f4, $f8, $f14, $f8
	sub.d	$f12, $f0, $f4
	mfc1	$16, $f12
	sw	$16, 0($30)
	mthi	$22
	mtlo	$19
	li	$16, 128
	mtc1	$20, $f6
	cvt.d.w	$f8, $f4
	lhu	$21, 36($30)
	beql	$21, $13, 1f
	addiu	$21, $21, -94
	xor	$13, $13, $21
1:
	lhu	$13, 4($30)
	bltzl	$2, 2f
	addiu	$7, $7, 52
	xor	$14, $14, $2
2:
	swr	$2, 41($30)
	bal	3f
	addiu	$24, $31, 0
	b	1003f
	nop
	3:	subu	$13, $31, $24
	jr	$31
	addu	$13, $13, $22
1003:
	sltiu	$16, $16, -17915
	lwl	$5, 23($30)
	mfc1	$12, $f2
	sll	$17, $7, 6
	xori	$17, $8, 45873
	lui	$5, 50982
	mov.s	$f2, $f2
	blezl	$3, 4f
	addiu	$7, $7, 78
	xor	$3, $3, $3
4:
	lw	$7, 4($30)
	srlv	$20, $21, $14
	bnel	$2, $18, 5f
	addiu	$4, $4, 80
	xor	$18, $18, $2
5:
	lw	$4, 24($30)
	sltiu	$19, $17, -6110
	bne	$21, $2, 6f
	addiu	$9, $9, -95
	xor	$2, $2, $21
6:
	ext	$19, $5, 20, 12
	sw	$20, 28($30)
	bal	7f
	addiu	$24, $31, 0
	b	1007f
	nop
	7:	subu	$13, $31, $24
	jr	$31
	addu	$13, $13, $11
1007:
	sll	$23, $18, 16
	mtc1	$18, $f8
	cvt.d.w	$f6, $f2
	mtc1	$5, $f4
	cvt.s.w	$f4, $f0
	bltzl	$4, 8f
	addiu	$16, $16, 43
	xor	$14, $14, $4
8:
	maddu	$10, $23
	mfhi	$2
	c.ole.d	$fcc3, $f14, $f6
	li	$20, 1
	sh	$20, 22($30)
	c.ueq.d	$fcc6, $f4, $f2
	mthi	$2
	mtlo	$11
	li	$13, -2147483648
	clo	$7, $22
	seh	$12, $22
	swr	$17, 25($30)
	mul	$5, $6, $23
	swr	$14, 30($30)
	sb	$18, 26($30)
	sw	$19, 12($30)
	lwl	$21, 23($30)
	lb	$4, 24($30)
	rotrv	$18, $2, $13
	srlv	$9, $13, $11
	cvt.s.w	$f14, $f4
	add.s	$f4, $f8, $f8
	sra	$7, $23, 21
	lwl	$11, 3($30)
	sb	$11, 6($30)
	divu	$zero, $3, $7
	mfhi	$3
	lhu	$12, 52($30)
	sqrt.d	$f2, $f4
	mfc1	$8, $f14
	andi	$15, $20, 64352
	lui	$9, 62524
	sw	$7, 56($30)
	li	$5, 2147483647
	sltiu	$2, $11, 32628
	lh	$22, 18($30)
	cvt.d.w	$f14, $f10
	mthi	$20
	mtlo	$23
	andi	$13, $22, 51572
	lui	$12, 48367
	lw	$19, 24($30)
	li	$17, 1071360520
	c.un.d	$fcc3, $f14, $f8
	ceil.w.s	$f0, $f2
	sh	$10, 0($30)
	c.ngt.d	$fcc2, $f4, $f8
	cvt.w.s	$f6, $f4
	xori	$18, $4, 26644
	lui	$23, 41185
	bgez	$2, 9f
	addiu	$21, $21, 82
	xor	$12, $12, $2
9:
	mthi	$5
	mtlo	$14
	mfc1	$15, $f6
	clz	$14, $22
	wsbh	$20, $22
	mthi	$9
	mtlo	$11
	xor	$3, $8, $9
	bgtz	$6, 10f
	addiu	$20, $20, 106
	xor	$12, $12, $6
10:
	mthi	$10
	mtlo	$5
	mthi	$19
	mtlo	$22
	msub.s	$f14, $f14, $f0, $f2
	bltz	$12, 11f
	addiu	$20, $20, 107
	xor	$14, $14, $12
11:
	ext	$11, $18, 31, 1
	sltiu	$21, $2, 10136
	ori	$19, $22, 11812
	lui	$6, 56191
	mthi	$15
	mtlo	$13
	add.s	$f8, $f14, $f4
	floor.w.s	$f12, $f8
	swl	$4, 38($30)
	nmadd.s	$f0, $f0, $f8, $f4
	mtc1	$22, $f10
	cvt.s.w	$f14, $f12
	mul.s	$f4, $f0, $f10
	ori	$7, $19, 42093
	lui	$15, 4864
	ori	$23, $17, 55871
	lui	$9, 58518
	neg.d	$f4, $f12
	srlv	$5, $6, $18
	bal	12f
	addiu	$24, $31, 0
	b	1012f
	nop
	12:	subu	$2, $31, $24
	jr	$31
	addu	$2, $2, $21
1012:
	bal	13f
	addiu	$24, $31, 0
	b	1013f
	nop
	13:	subu	$8, $31, $24
	jr	$31
	addu	$8, $8, $23
1013:
	bal	14f
	addiu	$24, $31, 0
	b	1014f
	nop
	14:	subu	$9, $31, $24
	jr	$31
	addu	$9, $9, $7
1014:
	sltiu	$16, $3, 29448
	ceil.w.d	$f2, $f2
	bnel	$7, $4, 15f
	addiu	$12, $12, 92
	xor	$4, $4, $7
15:
	sb	$17, 39($30)
	mthi	$10
	mtlo	$16
	div	$zero, $15, $9
	mflo	$2
	bal	16f
	addiu	$24, $31, 0
	b	1016f
	nop
	16:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $10
1016:
	slti	$22, $22, -6948
	sw	$20, 48($30)
	sh	$6, 8($30)
	lw	$10, 52($30)
	andi	$20, $18, 6233
	lui	$14, 19855
	ori	$10, $17, 54230
	lui	$21, 9784
	sra	$5, $12, 9
	sb	$7, 10($30)
	ext	$20, $17, 17, 14
	ins	$21, $23, 1, 25
	c.ule.s	$fcc4, $f10, $f6
	add.s	$f8, $f6, $f6
	ext	$10, $15, 7, 13
	mthi	$2
	mtlo	$3
	bal	17f
	addiu	$24, $31, 0
	b	1017f
	nop
	17:	subu	$19, $31, $24
	jr	$31
	addu	$19, $19, $5
1017:
	xori	$4, $15, 24100
	lui	$19, 14751
	ori	$15, $3, 8617
	lui	$6, 24761
	lbu	$16, 36($30)
	ins	$8, $3, 25, 2
	cvt.s.w	$f0, $f12
	maddu	$12, $16
	mfhi	$5
	mthi	$20
	mtlo	$21
	nmadd.s	$f14, $f4, $f0, $f10
	li	$19, 0
	sqrt.d	$f0, $f6
	sw	$4, 56($30)
	sw	$17, 24($30)
	lbu	$14, 4($30)
	sltu	$15, $14, $7
	ext	$22, $19, 24, 7
	beql	$20, $22, 18f
	addiu	$22, $22, 108
	xor	$22, $22, $20
18:
	nor	$18, $18, $3
	msub	$17, $5
	mflo	$4
	lwr	$19, 28($30)
	lwr	$15, 56($30)
	cvt.d.w	$f0, $f8
	sub.d	$f10, $f2, $f8
	swl	$12, 31($30)
	beq	$6, $14, 19f
	addiu	$14, $14, 34
	xor	$14, $14, $6
19:
	lb	$9, 45($30)
	sw	$2, 56($30)
	bnel	$5, $9, 20f
	addiu	$7, $7, -54
	xor	$9, $9, $5
20:
	srl	$6, $14, 28
	and	$5, $6, $7
	lb	$8, 60($30)
	ori	$6, $4, 33365
	lui	$14, 37112
	cvt.d.w	$f0, $f12
	li	$6, -1
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 1
	la	$30, scratch + 64
	li	$2, 197
	li	$3, 2147483647
	li	$4, -2147483648
	li	$5, -3177
	li	$6, 65535
	li	$7, -523471102
	li	$8, 1898164212
	li	$9, 32768
	li	$10, 235
	li	$11, -2102634944
	li	$12, 0
	li	$13, -1615449346
	li	$14, 1
	li	$15, -1
	li	$16, 0
	li	$17, -1630276267
	li	$18, 32768
	li	$19, 2147483647
	li	$20, -3543
	li	$21, 53
	li	$22, 1
	li	$23, -1
	li	$24, 1
	ctc1	$24, $31
	li	$24, 65535
	mtc1	$24, $f0
	li	$24, -458100378
	mthc1	$24, $f0
	li	$24, 32768
	mtc1	$24, $f2
	li	$24, -1311759006
	mthc1	$24, $f2
	li	$24, 2147483647
	mtc1	$24, $f4
	li	$24, 6821226
	mthc1	$24, $f4
	li	$24, -2147483648
	mtc1	$24, $f6
	li	$24, -2147483648
	mthc1	$24, $f6
	li	$24, 65535
	mtc1	$24, $f8
	li	$24, -2899
	mthc1	$24, $f8
	li	$24, -1446653144
	mtc1	$24, $f10
	li	$24, 65535
	mthc1	$24, $f10
	li	$24, -2147483648
	mtc1	$24, $f12
	li	$24, -486646849
	mthc1	$24, $f12
	li	$24, 1
	mtc1	$24, $f14
	li	$24, 128
	mthc1	$24, $f14
	c.olt.d	$fcc4, $f4, $f14
	mtc1	$3, $f2
	cvt.s.w	$f14, $f0
	mfc1	$7, $f12
	c.olt.d	$fcc0, $f6, $f6
	nor	$4, $14, $15
	li	$20, -2966
	multu	$15, $9
	mfhi	$4
	madd	$22, $17
	mflo	$11
	lb	$21, 19($30)
	xori	$19, $15, 11394
	lui	$16, 52214
	swl	$15, 21($30)
	lb	$17, 3($30)
	lhu	$9, 42($30)
	swl	$14, 34($30)
	slti	$12, $13, 18152
	mthi	$18
	mtlo	$18
	mtc1	$15, $f10
	cvt.s.w	$f10, $f6
	clz	$15, $17
	wsbh	$8, $17
	swl	$11, 19($30)
	bgez	$5, 21f
	addiu	$19, $19, 20
	xor	$19, $19, $5
21:
	beq	$2, $11, 22f
	addiu	$10, $10, 99
	xor	$11, $11, $2
22:
	addiu	$21, $10, -3935
	mthi	$21
	mtlo	$8
	mfc1	$12, $f10
	divu	$zero, $10, $21
	mflo	$19
	sllv	$12, $22, $20
	sh	$19, 16($30)
	sltiu	$19, $21, -6606
	rotrv	$21, $21, $11
	clz	$13, $3
	seb	$16, $3
	nmadd.d	$f6, $f6, $f12, $f2
	li	$14, -2147483648
	bltz	$9, 23f
	addiu	$6, $6, 72
	xor	$14, $14, $9
23:
	div	$zero, $15, $8
	mfhi	$21
	nmadd.d	$f0, $f10, $f2, $f10
	li	$12, 65535
	abs.s	$f10, $f2
	trunc.w.s	$f10, $f2
	srl	$11, $15, 3
	lh	$3, 38($30)
	mthi	$13
	mtlo	$19
	sh	$7, 2($30)
	floor.w.d	$f2, $f10
	li	$10, 128
	abs.d	$f2, $f2
	mthi	$14
	mtlo	$8
	bgez	$21, 24f
	addiu	$6, $6, -52
	xor	$11, $11, $21
24:
	ext	$12, $2, 10, 12
	li	$8, -2147483648
	nmsub.s	$f2, $f8, $f14, $f2
	cvt.s.w	$f4, $f8
	lhu	$3, 24($30)
	swr	$19, 26($30)
	clz	$7, $5
	seb	$4, $5
	li	$5, 65535
	beq	$4, $18, 25f
	addiu	$9, $9, -124
	xor	$18, $18, $4
25:
	ceil.w.s	$f10, $f6
	madd	$8, $2
	mflo	$16
	lb	$16, 27($30)
	ins	$13, $22, 16, 5
	srlv	$18, $20, $3
	c.ueq.d	$fcc1, $f8, $f8
	sll	$16, $13, 28
	sll	$7, $4, 5
	maddu	$7, $9
	mflo	$20
	swr	$22, 22($30)
	maddu	$6, $18
	mflo	$18
	mov.s	$f12, $f14
	ceil.w.s	$f2, $f0
	lwl	$19, 15($30)
	floor.w.d	$f4, $f0
	c.seq.d	$fcc1, $f6, $f6
	neg.s	$f6, $f6
	rotrv	$15, $2, $17
	clo	$12, $10
	seh	$12, $10
	bltz	$11, 26f
	addiu	$22, $22, -40
	xor	$22, $22, $11
26:
	c.f.s	$fcc6, $f2, $f10
	srlv	$21, $23, $22
	bal	27f
	addiu	$24, $31, 0
	b	1027f
	nop
	27:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $9
1027:
	swr	$2, 49($30)
	bal	28f
	addiu	$24, $31, 0
	b	1028f
	nop
	28:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $2
1028:
	bal	29f
	addiu	$24, $31, 0
	b	1029f
	nop
	29:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $3
1029:
	mov.d	$f10, $f12
	lwl	$2, 7($30)
	bal	30f
	addiu	$24, $31, 0
	b	1030f
	nop
	30:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $11
1030:
	ori	$2, $5, 47235
	lui	$17, 21246
	bgtzl	$16, 31f
	addiu	$16, $16, -11
	xor	$21, $21, $16
31:
	mtc1	$2, $f0
	cvt.s.w	$f12, $f10
	lbu	$15, 63($30)
	msubu	$12, $22
	mflo	$8
	swr	$18, 53($30)
	mtc1	$7, $f0
	cvt.s.w	$f2, $f8
	lw	$22, 0($30)
	sra	$23, $11, 31
	slti	$19, $13, -31446
	nmsub.d	$f14, $f14, $f6, $f12
	ori	$8, $13, 64514
	lui	$2, 6361
	blez	$18, 32f
	addiu	$10, $10, 94
	xor	$7, $7, $18
32:
	bgezl	$12, 33f
	addiu	$21, $21, 62
	xor	$15, $15, $12
33:
	c.ule.s	$fcc5, $f12, $f0
	lb	$14, 33($30)
	mthi	$6
	mtlo	$5
	lh	$9, 14($30)
	neg.s	$f8, $f2
	mthi	$2
	mtlo	$20
	movz	$5, $2, $16
	slt	$8, $18, $8
	ori	$12, $17, 10957
	lui	$17, 63305
	bal	34f
	addiu	$24, $31, 0
	b	1034f
	nop
	34:	subu	$18, $31, $24
	jr	$31
	addu	$18, $18, $10
1034:
	cvt.d.s	$f14, $f10
	bal	35f
	addiu	$24, $31, 0
	b	1035f
	nop
	35:	subu	$11, $31, $24
	jr	$31
	addu	$11, $11, $16
1035:
	sh	$4, 56($30)
	nmsub.d	$f10, $f10, $f8, $f0
	mthi	$23
	mtlo	$7
	addiu	$13, $8, 30502
	sqrt.s	$f12, $f0
	mthi	$7
	mtlo	$6
	ext	$14, $3, 17, 1
	ins	$12, $21, 19, 1
	ceil.w.d	$f12, $f2
	swl	$3, 14($30)
	li	$13, 2147483647
	addiu	$18, $4, 29366
	li	$13, 1
	li	$3, -1836
	bal	36f
	addiu	$24, $31, 0
	b	1036f
	nop
	36:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $7
1036:
	sub.d	$f4, $f4, $f4
	sll	$19, $21, 24
	cvt.s.d	$f12, $f8
	rotr	$10, $18, 28
	mthi	$19
	mtlo	$5
	bgezl	$3, 37f
	addiu	$17, $17, -20
	xor	$15, $15, $3
37:
	rotr	$12, $22, 15
	sra	$5, $23, 12
	mtc1	$17, $f10
	cvt.s.w	$f12, $f14
	xori	$12, $14, 30312
	lui	$3, 63031
	sltiu	$23, $14, -17032
	ext	$4, $10, 6, 24
	lwl	$17, 43($30)
	lhu	$3, 44($30)
	sb	$14, 39($30)
	add.s	$f8, $f8, $f12
	bal	38f
	addiu	$24, $31, 0
	b	1038f
	nop
	38:	subu	$21, $31, $24
	jr	$31
	addu	$21, $21, $6
1038:
	sllv	$10, $3, $5
	srl	$7, $14, 11
	rotr	$21, $5, 26
	li	$18, 65535
	lbu	$21, 22($30)
	floor.w.d	$f12, $f10
	msubu	$16, $4
	mflo	$8
	mthi	$8
	mtlo	$19
	c.olt.d	$fcc2, $f2, $f0
	divu	$zero, $3, $18
	mfhi	$18
	li	$15, 2030603369
	bne	$3, $5, 39f
	addiu	$22, $22, 49
	xor	$5, $5, $3
39:
	bal	40f
	addiu	$24, $31, 0
	b	1040f
	nop
	40:	subu	$21, $31, $24
	jr	$31
	addu	$21, $21, $4
1040:
	lbu	$13, 16($30)
	xori	$15, $4, 34008
	lui	$18, 22716
	mtc1	$7, $f8
	cvt.d.w	$f2, $f14
	mthi	$15
	mtlo	$11
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 2
	la	$30, scratch + 128
	li	$2, 1
	li	$3, -1
	li	$4, 128
	li	$5, 32768
	li	$6, -1
	li	$7, -2147483648
	li	$8, 0
	li	$9, 2147483647
	li	$10, 171
	li	$11, -258
	li	$12, -327009537
	li	$13, -1248
	li	$14, -2540
	li	$15, 62
	li	$16, 2147483647
	li	$17, -1
	li	$18, 902128182
	li	$19, 0
	li	$20, 2147483647
	li	$21, -3009
	li	$22, 73
	li	$23, 1275801064
	li	$24, 2
	ctc1	$24, $31
	li	$24, 2147483647
	mtc1	$24, $f0
	li	$24, -33
	mthc1	$24, $f0
	li	$24, 933804505
	mtc1	$24, $f2
	li	$24, -534444620
	mthc1	$24, $f2
	li	$24, 1912550948
	mtc1	$24, $f4
	li	$24, 1008788356
	mthc1	$24, $f4
	li	$24, 1183185667
	mtc1	$24, $f6
	li	$24, 64
	mthc1	$24, $f6
	li	$24, 252
	mtc1	$24, $f8
	li	$24, 0
	mthc1	$24, $f8
	li	$24, 0
	mtc1	$24, $f10
	li	$24, 215
	mthc1	$24, $f10
	li	$24, 128
	mtc1	$24, $f12
	li	$24, -1146951524
	mthc1	$24, $f12
	li	$24, 0
	mtc1	$24, $f14
	li	$24, 65535
	mthc1	$24, $f14
	clo	$13, $23
	seb	$8, $23
	li	$17, 84
	mtc1	$21, $f8
	cvt.d.w	$f2, $f6
	ext	$6, $6, 17, 6
	slti	$13, $13, -23551
	slti	$13, $9, -23252
	ext	$12, $9, 20, 9
	lw	$15, 28($30)
	sqrt.s	$f12, $f6
	cvt.w.s	$f12, $f12
	sra	$3, $18, 13
	lbu	$23, 42($30)
	clz	$8, $16
	seh	$23, $16
	mthi	$19
	mtlo	$12
	mthi	$13
	mtlo	$21
	madd.d	$f12, $f14, $f0, $f2
	madd.d	$f8, $f14, $f8, $f2
	bgtzl	$11, 41f
	addiu	$16, $16, -81
	xor	$2, $2, $11
41:
	lwl	$2, 9($30)
	bal	42f
	addiu	$24, $31, 0
	b	1042f
	nop
	42:	subu	$16, $31, $24
	jr	$31
	addu	$16, $16, $6
1042:
	ceil.w.s	$f10, $f0
	li	$11, 1873382441
	clo	$20, $18
	seh	$15, $18
	mtc1	$20, $f4
	cvt.d.w	$f4, $f8
	ext	$17, $18, 18, 13
	rotr	$17, $7, 28
	bal	43f
	addiu	$24, $31, 0
	b	1043f
	nop
	43:	subu	$5, $31, $24
	jr	$31
	addu	$5, $5, $3
1043:
	mthi	$14
	mtlo	$10
	c.ueq.d	$fcc0, $f14, $f10
	mtc1	$8, $f0
	cvt.s.w	$f2, $f0
	ext	$14, $2, 21, 10
	clz	$21, $5
	seh	$18, $5
	ext	$20, $6, 6, 14
	mthi	$7
	mtlo	$22
	sw	$13, 36($30)
	cvt.d.w	$f8, $f12
	slti	$4, $16, -26522
	lh	$6, 32($30)
	srlv	$9, $6, $13
	beq	$17, $11, 44f
	addiu	$3, $3, 73
	xor	$11, $11, $17
44:
	bgez	$12, 45f
	addiu	$16, $16, -16
	xor	$7, $7, $12
45:
	div.d	$f14, $f0, $f0
	madd.d	$f0, $f8, $f6, $f10
	beql	$8, $14, 46f
	addiu	$17, $17, -76
	xor	$14, $14, $8
46:
	sra	$5, $17, 18
	mtc1	$18, $f2
	cvt.s.w	$f0, $f14
	cvt.s.d	$f14, $f2
	div.d	$f8, $f2, $f8
	cvt.w.d	$f8, $f12
	cvt.d.w	$f0, $f4
	ori	$15, $12, 32202
	lui	$3, 13653
	mul	$15, $7, $6
	rotrv	$7, $14, $20
	div.s	$f6, $f14, $f6
	clo	$8, $16
	seb	$12, $16
	bne	$16, $11, 47f
	addiu	$8, $8, 23
	xor	$11, $11, $16
47:
	rotr	$6, $22, 3
	msub.s	$f4, $f6, $f0, $f4
	andi	$19, $16, 57507
	lui	$14, 25663
	mthi	$11
	mtlo	$8
	lbu	$13, 53($30)
	mtc1	$14, $f10
	cvt.d.w	$f12, $f8
	slti	$23, $19, 7452
	div.s	$f12, $f8, $f8
	bal	48f
	addiu	$24, $31, 0
	b	1048f
	nop
	48:	subu	$13, $31, $24
	jr	$31
	addu	$13, $13, $14
1048:
	slti	$9, $10, 23447
	round.w.s	$f4, $f2
	c.f.s	$fcc6, $f2, $f4
	sb	$7, 43($30)
	lh	$23, 2($30)
	slti	$18, $22, -26451
	bal	49f
	addiu	$24, $31, 0
	b	1049f
	nop
	49:	subu	$9, $31, $24
	jr	$31
	addu	$9, $9, $2
1049:
	mfc1	$22, $f10
	mov.d	$f8, $f0
	clz	$22, $2
	seb	$4, $2
	abs.d	$f14, $f14
	lhu	$9, 16($30)
	addiu	$23, $17, -105
	sw	$22, 8($30)
	andi	$5, $15, 46414
	lui	$12, 41807
	mthi	$12
	mtlo	$11
	blezl	$11, 50f
	addiu	$13, $13, 15
	xor	$22, $22, $11
50:
	madd.d	$f14, $f10, $f14, $f10
	ext	$17, $20, 24, 2
	bal	51f
	addiu	$24, $31, 0
	b	1051f
	nop
	51:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $16
1051:
	maddu	$2, $15
	mfhi	$13
	li	$13, -2147483648
	bal	52f
	addiu	$24, $31, 0
	b	1052f
	nop
	52:	subu	$2, $31, $24
	jr	$31
	addu	$2, $2, $9
1052:
	li	$16, 128
	ext	$12, $6, 5, 10
	bal	53f
	addiu	$24, $31, 0
	b	1053f
	nop
	53:	subu	$7, $31, $24
	jr	$31
	addu	$7, $7, $4
1053:
	xori	$13, $20, 6742
	lui	$6, 46539
	mfc1	$17, $f6
	andi	$2, $20, 31523
	lui	$4, 33543
	mtc1	$2, $f10
	cvt.s.w	$f4, $f12
	swl	$4, 10($30)
	lw	$6, 56($30)
	beql	$21, $19, 54f
	addiu	$18, $18, -109
	xor	$19, $19, $21
54:
	mthi	$22
	mtlo	$6
	beq	$15, $20, 55f
	addiu	$13, $13, -80
	xor	$20, $20, $15
55:
	addiu	$14, $13, -14965
	sra	$18, $14, 17
	bgtz	$3, 56f
	addiu	$22, $22, -47
	xor	$11, $11, $3
56:
	neg.d	$f10, $f2
	msubu	$8, $15
	mflo	$9
	lhu	$11, 2($30)
	div.s	$f10, $f0, $f6
	li	$20, 65535
	lhu	$3, 14($30)
	lw	$23, 12($30)
	div	$zero, $5, $16
	mflo	$21
	li	$14, 0
	cvt.w.d	$f6, $f4
	sub.s	$f6, $f0, $f14
	subu	$13, $8, $16
	sh	$11, 24($30)
	lhu	$20, 36($30)
	li	$10, -760005641
	floor.w.s	$f12, $f6
	li	$14, 32768
	xori	$8, $5, 4742
	lui	$22, 60164
	li	$12, 32768
	lbu	$22, 13($30)
	bal	57f
	addiu	$24, $31, 0
	b	1057f
	nop
	57:	subu	$19, $31, $24
	jr	$31
	addu	$19, $19, $12
1057:
	bgez	$16, 58f
	addiu	$5, $5, 42
	xor	$18, $18, $16
58:
	bltz	$3, 59f
	addiu	$19, $19, 24
	xor	$8, $8, $3
59:
	rotr	$10, $22, 1
	li	$20, -705
	li	$2, -2147483648
	bal	60f
	addiu	$24, $31, 0
	b	1060f
	nop
	60:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $13
1060:
	bal	61f
	addiu	$24, $31, 0
	b	1061f
	nop
	61:	subu	$15, $31, $24
	jr	$31
	addu	$15, $15, $7
1061:
	bgez	$8, 62f
	addiu	$17, $17, -8
	xor	$5, $5, $8
62:
	bltzl	$11, 63f
	addiu	$6, $6, 73
	xor	$4, $4, $11
63:
	mfc1	$21, $f14
	ceil.w.d	$f8, $f12
	c.seq.d	$fcc7, $f10, $f0
	sll	$10, $9, 21
	srav	$12, $16, $12
	slti	$16, $17, -24916
	mul.s	$f12, $f2, $f0
	nmsub.d	$f6, $f2, $f0, $f8
	clz	$14, $7
	seh	$10, $7
	ext	$11, $14, 4, 21
	addiu	$8, $6, 28932
	multu	$5, $11
	mflo	$8
	clo	$15, $16
	wsbh	$20, $16
	mult	$20, $13
	mflo	$19
	xori	$19, $8, 22760
	lui	$22, 4779
	mfc1	$18, $f12
	subu	$2, $11, $10
	swl	$11, 50($30)
	maddu	$22, $16
	mflo	$23
	bnel	$23, $15, 64f
	addiu	$10, $10, -112
	xor	$15, $15, $23
64:
	bal	65f
	addiu	$24, $31, 0
	b	1065f
	nop
	65:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $2
1065:
	lwr	$17, 29($30)
	sb	$5, 58($30)
	movz	$16, $9, $13
	c.f.s	$fcc3, $f12, $f14
	rotr	$2, $13, 27
	madd.s	$f8, $f8, $f14, $f8
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 3
	la	$30, scratch + 192
	li	$2, -2147483648
	li	$3, -2147483648
	li	$4, -2147483648
	li	$5, 128
	li	$6, 1
	li	$7, 1
	li	$8, -253043090
	li	$9, -638017967
	li	$10, 0
	li	$11, 5
	li	$12, 32768
	li	$13, -1
	li	$14, 174502440
	li	$15, -1816
	li	$16, -2147483648
	li	$17, 920275779
	li	$18, -1149850830
	li	$19, 128
	li	$20, 87
	li	$21, -2106166944
	li	$22, -598347913
	li	$23, 32768
	li	$24, 3
	ctc1	$24, $31
	li	$24, 2147483647
	mtc1	$24, $f0
	li	$24, 0
	mthc1	$24, $f0
	li	$24, 0
	mtc1	$24, $f2
	li	$24, 65535
	mthc1	$24, $f2
	li	$24, 128
	mtc1	$24, $f4
	li	$24, 32768
	mthc1	$24, $f4
	li	$24, 128
	mtc1	$24, $f6
	li	$24, -1990786060
	mthc1	$24, $f6
	li	$24, -2147483648
	mtc1	$24, $f8
	li	$24, -2147483648
	mthc1	$24, $f8
	li	$24, 32768
	mtc1	$24, $f10
	li	$24, -336871395
	mthc1	$24, $f10
	li	$24, -1
	mtc1	$24, $f12
	li	$24, 128
	mthc1	$24, $f12
	li	$24, 1168117561
	mtc1	$24, $f14
	li	$24, 947671501
	mthc1	$24, $f14
	movz	$16, $23, $11
	clz	$5, $16
	seh	$6, $16
	bal	66f
	addiu	$24, $31, 0
	b	1066f
	nop
	66:	subu	$6, $31, $24
	jr	$31
	addu	$6, $6, $18
1066:
	ins	$5, $8, 31, 1
	bgez	$5, 67f
	addiu	$4, $4, -25
	xor	$10, $10, $5
67:
	ins	$17, $14, 4, 25
	bal	68f
	addiu	$24, $31, 0
	b	1068f
	nop
	68:	subu	$10, $31, $24
	jr	$31
	addu	$10, $10, $14
1068:
	bltz	$2, 69f
	addiu	$8, $8, -85
	xor	$14, $14, $2
69:
	clo	$10, $19
	seb	$5, $19
	mtc1	$7, $f2
	cvt.s.w	$f10, $f10
	blezl	$15, 70f
	addiu	$3, $3, 84
	xor	$9, $9, $15
70:
	sw	$6, 52($30)
	mthi	$20
	mtlo	$20
	sll	$19, $12, 9
	cvt.s.w	$f14, $f2
	trunc.w.s	$f8, $f10
	clz	$16, $7
	wsbh	$16, $7
	sub.s	$f10, $f10, $f12
	mfc1	$6, $f2
	slti	$8, $12, -22676
	nmadd.d	$f8, $f2, $f14, $f0
	swl	$17, 20($30)
	lhu	$16, 28($30)
	mul.s	$f2, $f10, $f12
	ext	$23, $20, 25, 7
	ori	$8, $13, 42273
	lui	$7, 9292
	mul.d	$f0, $f6, $f12
	mtc1	$22, $f2
	cvt.d.w	$f2, $f0
	mtc1	$15, $f6
	cvt.d.w	$f6, $f8
	clz	$10, $23
	seh	$23, $23
	beql	$5, $14, 71f
	addiu	$10, $10, 88
	xor	$14, $14, $5
71:
	mtc1	$7, $f14
	cvt.s.w	$f4, $f10
	sll	$22, $22, 6
	c.seq.d	$fcc4, $f6, $f6
	div.s	$f14, $f14, $f8
	cvt.d.w	$f14, $f6
	xori	$8, $12, 25251
	lui	$10, 44504
	slti	$22, $7, 12597
	ori	$18, $14, 17686
	lui	$9, 17618
	srlv	$23, $5, $19
	nmsub.s	$f14, $f2, $f6, $f4
	bgtzl	$16, 72f
	addiu	$10, $10, 45
	xor	$11, $11, $16
72:
	bgezl	$20, 73f
	addiu	$20, $20, 101
	xor	$12, $12, $20
73:
	round.w.s	$f6, $f2
	li	$19, 32768
	neg.s	$f8, $f8
	li	$5, 32768
	sltiu	$6, $20, -14437
	rotrv	$17, $7, $2
	andi	$6, $6, 19783
	lui	$21, 27364
	sltiu	$14, $5, -1443
	cvt.s.d	$f10, $f2
	srl	$23, $11, 20
	cvt.s.d	$f0, $f4
	li	$11, 727520704
	lb	$17, 4($30)
	divu	$zero, $7, $8
	mflo	$13
	multu	$12, $23
	mflo	$13
	lw	$20, 12($30)
	msub.s	$f6, $f12, $f14, $f4
	madd.d	$f0, $f6, $f0, $f2
	c.ueq.s	$fcc2, $f14, $f4
	bltzl	$9, 74f
	addiu	$9, $9, -126
	xor	$2, $2, $9
74:
	li	$4, 2147483647
	bal	75f
	addiu	$24, $31, 0
	b	1075f
	nop
	75:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $3
1075:
	li	$18, -1
	li	$8, 31
	li	$20, 128
	xori	$11, $7, 32117
	lui	$16, 22941
	ext	$23, $10, 22, 6
	mtc1	$2, $f0
	cvt.s.w	$f0, $f8
	lbu	$16, 33($30)
	sb	$12, 43($30)
	sltiu	$20, $2, 28784
	cvt.w.s	$f0, $f0
	clz	$7, $5
	seh	$7, $5
	bal	76f
	addiu	$24, $31, 0
	b	1076f
	nop
	76:	subu	$9, $31, $24
	jr	$31
	addu	$9, $9, $4
1076:
	sw	$22, 4($30)
	round.w.s	$f6, $f6
	mthi	$7
	mtlo	$2
	add.d	$f4, $f12, $f10
	bne	$23, $4, 77f
	addiu	$8, $8, -6
	xor	$4, $4, $23
77:
	srav	$9, $16, $5
	c.ole.d	$fcc5, $f4, $f0
	blez	$17, 78f
	addiu	$5, $5, 51
	xor	$23, $23, $17
78:
	nmsub.d	$f6, $f6, $f8, $f10
	nmsub.s	$f10, $f2, $f14, $f2
	beql	$18, $5, 79f
	addiu	$20, $20, -71
	xor	$5, $5, $18
79:
	srav	$9, $18, $5
	mthi	$13
	mtlo	$16
	floor.w.d	$f12, $f4
	bal	80f
	addiu	$24, $31, 0
	b	1080f
	nop
	80:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $11
1080:
	lhu	$7, 18($30)
	cvt.w.d	$f6, $f2
	abs.d	$f12, $f6
	div.d	$f8, $f2, $f10
	mfc1	$19, $f12
	add.d	$f4, $f6, $f14
	addiu	$23, $16, -31769
	sw	$8, 36($30)
	and	$14, $15, $8
	mfc1	$10, $f6
	round.w.d	$f2, $f2
	slti	$9, $8, 17149
	lwl	$9, 28($30)
	xori	$16, $8, 7258
	lui	$7, 47348
	bgtz	$12, 81f
	addiu	$4, $4, 42
	xor	$10, $10, $12
81:
	ext	$20, $11, 28, 3
	mthi	$16
	mtlo	$17
	mthi	$18
	mtlo	$16
	ins	$22, $18, 31, 1
	rotr	$9, $18, 7
	ext	$22, $8, 30, 2
	bal	82f
	addiu	$24, $31, 0
	b	1082f
	nop
	82:	subu	$20, $31, $24
	jr	$31
	addu	$20, $20, $15
1082:
	sw	$19, 0($30)
	bne	$15, $10, 83f
	addiu	$7, $7, 108
	xor	$10, $10, $15
83:
	lw	$5, 20($30)
	msubu	$11, $16
	mflo	$12
	andi	$4, $22, 60334
	lui	$14, 19138
	madd	$23, $11
	mfhi	$8
	swl	$20, 59($30)
	lw	$23, 24($30)
	lw	$10, 52($30)
	andi	$20, $16, 1055
	lui	$7, 10379
	mthi	$7
	mtlo	$15
	sll	$5, $10, 4
	msubu	$3, $23
	mfhi	$8
	li	$17, 32768
	bgtzl	$4, 84f
	addiu	$20, $20, -85
	xor	$23, $23, $4
84:
	andi	$23, $6, 48123
	lui	$5, 30267
	mthi	$18
	mtlo	$14
	mthi	$14
	mtlo	$16
	ext	$9, $2, 19, 3
	c.un.s	$fcc0, $f14, $f10
	c.eq.s	$fcc3, $f6, $f4
	lh	$16, 56($30)
	subu	$10, $12, $20
	sra	$8, $4, 31
	lw	$20, 20($30)
	sh	$2, 26($30)
	mfc1	$3, $f6
	mtc1	$4, $f8
	cvt.d.w	$f6, $f8
	nmadd.s	$f6, $f4, $f12, $f6
	clz	$14, $9
	seh	$21, $9
	div	$zero, $13, $23
	mflo	$15
	swl	$15, 50($30)
	c.olt.s	$fcc1, $f12, $f8
	li	$12, 245
	neg.d	$f8, $f0
	lwr	$4, 42($30)
	lw	$11, 40($30)
	ceil.w.d	$f8, $f6
	srl	$18, $10, 26
	cvt.d.w	$f6, $f2
	lw	$17, 44($30)
	beq	$12, $2, 85f
	addiu	$9, $9, -23
	xor	$2, $2, $12
85:
	mfc1	$6, $f12
	bne	$12, $19, 86f
	addiu	$2, $2, 106
	xor	$19, $19, $12
86:
	mthi	$16
	mtlo	$8
	ceil.w.d	$f2, $f8
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 4
	la	$30, scratch + 256
	li	$2, -1
	li	$3, 65535
	li	$4, -2147483648
	li	$5, 125
	li	$6, 2147483647
	li	$7, 1
	li	$8, -2147483648
	li	$9, 32768
	li	$10, -1859813601
	li	$11, 2147483647
	li	$12, -204
	li	$13, 2147483647
	li	$14, -2005
	li	$15, 2147483647
	li	$16, 1
	li	$17, -3874
	li	$18, 32768
	li	$19, 2147483647
	li	$20, 128
	li	$21, 32768
	li	$22, -578
	li	$23, 1
	li	$24, 0
	ctc1	$24, $31
	li	$24, -2147483648
	mtc1	$24, $f0
	li	$24, 1
	mthc1	$24, $f0
	li	$24, -1
	mtc1	$24, $f2
	li	$24, 2147483647
	mthc1	$24, $f2
	li	$24, 1
	mtc1	$24, $f4
	li	$24, 0
	mthc1	$24, $f4
	li	$24, 2056925356
	mtc1	$24, $f6
	li	$24, 65535
	mthc1	$24, $f6
	li	$24, -90500670
	mtc1	$24, $f8
	li	$24, -2147483648
	mthc1	$24, $f8
	li	$24, 990966162
	mtc1	$24, $f10
	li	$24, 65535
	mthc1	$24, $f10
	li	$24, -851
	mtc1	$24, $f12
	li	$24, 32768
	mthc1	$24, $f12
	li	$24, 0
	mtc1	$24, $f14
	li	$24, -1
	mthc1	$24, $f14
	mthi	$10
	mtlo	$15
	ceil.w.s	$f14, $f10
	swl	$15, 52($30)
	sh	$19, 58($30)
	swl	$8, 26($30)
	lw	$12, 24($30)
	bal	87f
	addiu	$24, $31, 0
	b	1087f
	nop
	87:	subu	$15, $31, $24
	jr	$31
	addu	$15, $15, $2
1087:
	ext	$10, $20, 20, 9
	c.olt.s	$fcc6, $f4, $f4
	nmsub.d	$f12, $f2, $f10, $f4
	rotr	$21, $23, 1
	madd.s	$f0, $f6, $f0, $f0
	ins	$17, $18, 3, 21
	sb	$5, 47($30)
	li	$7, -3456
	bal	88f
	addiu	$24, $31, 0
	b	1088f
	nop
	88:	subu	$15, $31, $24
	jr	$31
	addu	$15, $15, $8
1088:
	bnel	$18, $21, 89f
	addiu	$6, $6, 41
	xor	$21, $21, $18
89:
	lwl	$15, 28($30)
	bal	90f
	addiu	$24, $31, 0
	b	1090f
	nop
	90:	subu	$23, $31, $24
	jr	$31
	addu	$23, $23, $8
1090:
	subu	$5, $12, $2
	mfc1	$12, $f6
	swr	$23, 45($30)
	ext	$4, $6, 22, 9
	mfc1	$21, $f0
	li	$5, 65535
	clz	$21, $11
	wsbh	$18, $11
	mul	$23, $16, $7
	c.ueq.d	$fcc6, $f2, $f8
	lw	$23, 40($30)
	sw	$14, 0($30)
	cvt.s.d	$f14, $f4
	divu	$zero, $18, $10
	mfhi	$7
	li	$19, 1534928388
	lh	$8, 50($30)
	nmadd.s	$f4, $f0, $f12, $f6
	bal	91f
	addiu	$24, $31, 0
	b	1091f
	nop
	91:	subu	$2, $31, $24
	jr	$31
	addu	$2, $2, $11
1091:
	lh	$8, 2($30)
	lh	$6, 58($30)
	bnel	$7, $4, 92f
	addiu	$13, $13, 78
	xor	$4, $4, $7
92:
	bnel	$16, $23, 93f
	addiu	$4, $4, -23
	xor	$23, $23, $16
93:
	mthi	$16
	mtlo	$2
	mov.d	$f14, $f4
	lb	$17, 4($30)
	c.ngt.s	$fcc2, $f10, $f2
	bgezl	$17, 94f
	addiu	$5, $5, -3
	xor	$19, $19, $17
94:
	clz	$11, $16
	seh	$15, $16
	slti	$3, $3, 2399
	beq	$2, $22, 95f
	addiu	$19, $19, -71
	xor	$22, $22, $2
95:
	mtc1	$8, $f12
	cvt.d.w	$f6, $f6
	mthi	$9
	mtlo	$23
	abs.d	$f2, $f2
	blezl	$14, 96f
	addiu	$9, $9, -53
	xor	$4, $4, $14
96:
	lbu	$19, 19($30)
	lb	$15, 37($30)
	bnel	$16, $7, 97f
	addiu	$4, $4, -78
	xor	$7, $7, $16
97:
	bgtzl	$17, 98f
	addiu	$18, $18, -99
	xor	$16, $16, $17
98:
	xor	$23, $23, $20
	mthi	$13
	mtlo	$18
	clo	$18, $12
	seh	$4, $12
	mfc1	$21, $f12
	lwr	$10, 53($30)
	div.s	$f12, $f12, $f2
	swr	$7, 23($30)
	bgtz	$4, 99f
	addiu	$15, $15, -65
	xor	$11, $11, $4
99:
	srlv	$17, $14, $20
	li	$18, 0
	beq	$5, $3, 100f
	addiu	$14, $14, -64
	xor	$3, $3, $5
100:
	maddu	$10, $17
	mfhi	$4
	lb	$2, 61($30)
	li	$19, 2147483647
	beql	$2, $20, 101f
	addiu	$8, $8, 86
	xor	$20, $20, $2
101:
	li	$11, 2147483647
	bltz	$5, 102f
	addiu	$3, $3, -94
	xor	$6, $6, $5
102:
	ins	$13, $6, 19, 11
	ins	$20, $9, 24, 8
	ext	$12, $9, 3, 19
	lhu	$18, 40($30)
	clz	$16, $7
	wsbh	$12, $7
	lwr	$2, 28($30)
	divu	$zero, $17, $13
	mflo	$5
	li	$16, 0
	xori	$12, $3, 43819
	lui	$6, 33703
	rotr	$7, $17, 21
	sw	$18, 16($30)
	lb	$20, 51($30)
	xori	$4, $17, 29759
	lui	$17, 51188
	lbu	$16, 56($30)
	movz	$22, $17, $6
	rotrv	$15, $6, $9
	bgezl	$18, 103f
	addiu	$13, $13, 120
	xor	$8, $8, $18
103:
	lwl	$3, 38($30)
	addiu	$23, $12, 6935
	li	$17, 2147483647
	nor	$21, $21, $21
	madd	$22, $3
	mfhi	$10
	lhu	$22, 42($30)
	ins	$23, $11, 19, 4
	lw	$21, 40($30)
	lh	$2, 28($30)
	div	$zero, $18, $4
	mfhi	$6
	lb	$12, 6($30)
	mthi	$21
	mtlo	$15
	cvt.d.s	$f10, $f0
	cvt.d.s	$f0, $f12
	lwl	$3, 30($30)
	mfc1	$3, $f14
	ceil.w.s	$f12, $f4
	trunc.w.s	$f10, $f0
	lwr	$16, 51($30)
	cvt.d.s	$f2, $f14
	li	$2, 4758287
	bgtz	$22, 104f
	addiu	$4, $4, -97
	xor	$5, $5, $22
104:
	bal	105f
	addiu	$24, $31, 0
	b	1105f
	nop
	105:	subu	$23, $31, $24
	jr	$31
	addu	$23, $23, $20
1105:
	divu	$zero, $23, $15
	mflo	$13
	addiu	$16, $4, -15468
	andi	$6, $2, 2474
	lui	$3, 25321
	xori	$7, $11, 63158
	lui	$18, 65073
	bgez	$12, 106f
	addiu	$7, $7, 15
	xor	$2, $2, $12
106:
	bltz	$12, 107f
	addiu	$4, $4, 31
	xor	$10, $10, $12
107:
	c.olt.s	$fcc5, $f0, $f10
	sll	$8, $3, 1
	rotr	$15, $5, 10
	mtc1	$11, $f2
	cvt.s.w	$f14, $f8
	addu	$13, $9, $2
	msub.s	$f4, $f2, $f8, $f6
	sll	$16, $23, 0
	blezl	$17, 108f
	addiu	$20, $20, -12
	xor	$7, $7, $17
108:
	rotrv	$9, $3, $17
	clo	$18, $23
	wsbh	$12, $23
	neg.d	$f12, $f6
	sh	$15, 32($30)
	round.w.s	$f4, $f8
	mov.d	$f6, $f12
	sra	$19, $19, 11
	bal	109f
	addiu	$24, $31, 0
	b	1109f
	nop
	109:	subu	$9, $31, $24
	jr	$31
	addu	$9, $9, $6
1109:
	cvt.s.w	$f6, $f8
	mthi	$4
	mtlo	$4
	sw	$16, 40($30)
	clz	$3, $16
	wsbh	$19, $16
	clz	$6, $6
	wsbh	$5, $6
	ext	$15, $9, 18, 3
	li	$17, 65535
	bgez	$19, 110f
	addiu	$17, $17, -45
	xor	$8, $8, $19
110:
	sw	$7, 8($30)
	nmadd.s	$f12, $f6, $f6, $f4
	c.olt.d	$fcc0, $f4, $f4
	lw	$5, 12($30)
	clz	$17, $19
	wsbh	$19, $19
	bne	$5, $21, 111f
	addiu	$11, $11, -65
	xor	$21, $21, $5
111:
	sra	$23, $16, 24
	sw	$4, 44($30)
	mthi	$15
	mtlo	$20
	sltiu	$20, $16, -6891
	bal	112f
	addiu	$24, $31, 0
	b	1112f
	nop
	112:	subu	$6, $31, $24
	jr	$31
	addu	$6, $6, $3
1112:
	slti	$7, $8, 19787
	clo	$13, $15
	seh	$8, $15
	lw	$19, 24($30)
	sqrt.s	$f4, $f10
	beql	$15, $23, 113f
	addiu	$8, $8, -30
	xor	$23, $23, $15
113:
	ins	$3, $9, 4, 6
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 5
	la	$30, scratch + 320
	li	$2, 32768
	li	$3, 1
	li	$4, 65535
	li	$5, 0
	li	$6, -1
	li	$7, 65535
	li	$8, 251
	li	$9, 128
	li	$10, 65535
	li	$11, 1
	li	$12, 65535
	li	$13, -2147483648
	li	$14, 1109330035
	li	$15, 131
	li	$16, 19
	li	$17, -2147483648
	li	$18, 128
	li	$19, 128
	li	$20, 436938247
	li	$21, -1
	li	$22, 32768
	li	$23, 1
	li	$24, 1
	ctc1	$24, $31
	li	$24, -2669
	mtc1	$24, $f0
	li	$24, 1
	mthc1	$24, $f0
	li	$24, -1
	mtc1	$24, $f2
	li	$24, 1356966841
	mthc1	$24, $f2
	li	$24, 65535
	mtc1	$24, $f4
	li	$24, 128
	mthc1	$24, $f4
	li	$24, -290620745
	mtc1	$24, $f6
	li	$24, 65535
	mthc1	$24, $f6
	li	$24, 246
	mtc1	$24, $f8
	li	$24, 128
	mthc1	$24, $f8
	li	$24, 129
	mtc1	$24, $f10
	li	$24, 182
	mthc1	$24, $f10
	li	$24, 0
	mtc1	$24, $f12
	li	$24, 128
	mthc1	$24, $f12
	li	$24, 2147483647
	mtc1	$24, $f14
	li	$24, -3329
	mthc1	$24, $f14
	sb	$14, 59($30)
	addiu	$10, $11, 30024
	c.ueq.s	$fcc6, $f2, $f0
	divu	$zero, $8, $2
	mfhi	$17
	sqrt.d	$f8, $f2
	sub.s	$f0, $f14, $f8
	nmsub.d	$f4, $f4, $f2, $f12
	srl	$15, $2, 25
	round.w.s	$f6, $f8
	ceil.w.d	$f6, $f0
	bgtzl	$16, 114f
	addiu	$18, $18, -65
	xor	$20, $20, $16
114:
	addiu	$5, $21, 4216
	sb	$23, 24($30)
	mfc1	$17, $f14
	bltz	$3, 115f
	addiu	$16, $16, 34
	xor	$21, $21, $3
115:
	lwl	$20, 30($30)
	xori	$23, $10, 35615
	lui	$7, 39567
	mtc1	$22, $f0
	cvt.s.w	$f2, $f6
	madd	$12, $5
	mfhi	$14
	sltiu	$15, $17, -30192
	slt	$2, $2, $7
	ins	$8, $18, 15, 5
	cvt.w.s	$f0, $f8
	mtc1	$13, $f8
	cvt.d.w	$f6, $f12
	c.ngt.s	$fcc7, $f8, $f0
	mtc1	$18, $f4
	cvt.s.w	$f8, $f10
	clz	$14, $15
	wsbh	$12, $15
	msub.d	$f12, $f4, $f0, $f8
	sh	$19, 48($30)
	mfc1	$18, $f4
	mtc1	$21, $f8
	cvt.s.w	$f10, $f14
	mtc1	$4, $f6
	cvt.s.w	$f4, $f12
	msub	$20, $14
	mflo	$19
	neg.d	$f4, $f0
	lh	$5, 28($30)
	mthi	$4
	mtlo	$10
	bgezl	$7, 116f
	addiu	$12, $12, -101
	xor	$23, $23, $7
116:
	rotr	$14, $2, 29
	clo	$23, $21
	wsbh	$23, $21
	cvt.s.d	$f2, $f6
	clz	$20, $13
	wsbh	$12, $13
	neg.s	$f4, $f12
	cvt.d.w	$f12, $f6
	lh	$5, 60($30)
	sw	$17, 8($30)
	clz	$7, $11
	seh	$4, $11
	bal	117f
	addiu	$24, $31, 0
	b	1117f
	nop
	117:	subu	$16, $31, $24
	jr	$31
	addu	$16, $16, $5
1117:
	sltiu	$22, $22, 3560
	blezl	$5, 118f
	addiu	$3, $3, -49
	xor	$7, $7, $5
118:
	bal	119f
	addiu	$24, $31, 0
	b	1119f
	nop
	119:	subu	$15, $31, $24
	jr	$31
	addu	$15, $15, $17
1119:
	floor.w.d	$f8, $f12
	ins	$15, $12, 9, 12
	lw	$13, 4($30)
	msub	$5, $5
	mfhi	$4
	ins	$2, $16, 20, 7
	addu	$17, $23, $4
	mthi	$16
	mtlo	$14
	li	$15, 1933071051
	sltiu	$3, $23, 29662
	div	$zero, $8, $7
	mfhi	$4
	cvt.d.s	$f4, $f14
	neg.d	$f2, $f0
	slti	$3, $20, 3917
	madd	$10, $10
	mfhi	$17
	rotr	$7, $20, 22
	floor.w.d	$f4, $f4
	madd.s	$f14, $f12, $f6, $f8
	madd	$6, $7
	mfhi	$21
	lb	$23, 2($30)
	swr	$10, 0($30)
	div.s	$f10, $f0, $f14
	li	$18, 311900117
	addiu	$2, $23, 2294
	lw	$4, 0($30)
	sh	$23, 14($30)
	mfc1	$20, $f6
	div	$zero, $3, $22
	mflo	$16
	ext	$17, $5, 23, 7
	clz	$22, $10
	seb	$20, $10
	srlv	$3, $6, $19
	ins	$5, $11, 5, 22
	c.lt.s	$fcc4, $f0, $f2
	c.un.d	$fcc2, $f10, $f8
	clz	$16, $18
	seb	$2, $18
	mtc1	$4, $f2
	cvt.d.w	$f2, $f8
	sltu	$10, $16, $7
	bgezl	$17, 120f
	addiu	$20, $20, -32
	xor	$14, $14, $17
120:
	clz	$3, $15
	wsbh	$19, $15
	addu	$20, $23, $2
	sh	$14, 56($30)
	swl	$16, 43($30)
	c.lt.d	$fcc1, $f14, $f6
	neg.d	$f10, $f4
	xori	$11, $4, 12212
	lui	$15, 18136
	bgtz	$22, 121f
	addiu	$15, $15, 82
	xor	$20, $20, $22
121:
	ins	$8, $20, 21, 1
	slti	$9, $17, -8042
	lw	$10, 32($30)
	ext	$20, $23, 20, 2
	swr	$16, 13($30)
	nmsub.s	$f12, $f14, $f10, $f14
	ext	$16, $21, 16, 16
	mthi	$23
	mtlo	$2
	ori	$13, $10, 28798
	lui	$14, 32720
	srl	$11, $20, 0
	div.d	$f4, $f4, $f4
	addiu	$16, $16, 20640
	bal	122f
	addiu	$24, $31, 0
	b	1122f
	nop
	122:	subu	$16, $31, $24
	jr	$31
	addu	$16, $16, $16
1122:
	swl	$2, 21($30)
	lbu	$6, 42($30)
	mthi	$22
	mtlo	$12
	ori	$2, $16, 7607
	lui	$16, 41554
	cvt.s.w	$f2, $f0
	rotr	$9, $4, 11
	clz	$3, $10
	seh	$21, $10
	slti	$10, $20, 14069
	mthi	$15
	mtlo	$2
	li	$13, -1
	li	$7, 1
	bnel	$10, $12, 123f
	addiu	$23, $23, 9
	xor	$12, $12, $10
123:
	msubu	$5, $3
	mflo	$7
	bltzl	$16, 124f
	addiu	$14, $14, 117
	xor	$21, $21, $16
124:
	or	$15, $18, $17
	li	$5, 65535
	bal	125f
	addiu	$24, $31, 0
	b	1125f
	nop
	125:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $10
1125:
	mfc1	$23, $f12
	ori	$18, $11, 63520
	lui	$16, 16564
	bgez	$14, 126f
	addiu	$17, $17, -100
	xor	$20, $20, $14
126:
	sltiu	$11, $23, -9698
	li	$9, 12
	movz	$10, $5, $7
	swl	$15, 25($30)
	cvt.d.w	$f2, $f12
	clz	$22, $20
	wsbh	$2, $20
	slti	$22, $15, -30372
	msub.d	$f0, $f2, $f10, $f6
	slti	$11, $22, -11531
	round.w.d	$f2, $f0
	cvt.w.d	$f12, $f14
	lw	$8, 52($30)
	mthi	$13
	mtlo	$19
	beql	$9, $14, 127f
	addiu	$21, $21, 124
	xor	$14, $14, $9
127:
	sw	$21, 0($30)
	ceil.w.s	$f10, $f12
	lw	$5, 36($30)
	ext	$2, $3, 0, 26
	nmadd.s	$f6, $f0, $f10, $f8
	floor.w.s	$f8, $f8
	clo	$9, $22
	seb	$12, $22
	cvt.w.d	$f6, $f12
	cvt.d.w	$f14, $f6
	srl	$6, $8, 12
	clo	$20, $7
	seh	$6, $7
	lwl	$20, 7($30)
	bal	128f
	addiu	$24, $31, 0
	b	1128f
	nop
	128:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $17
1128:
	sh	$7, 30($30)
	clz	$6, $18
	wsbh	$6, $18
	lwr	$23, 58($30)
	lw	$20, 28($30)
	slti	$10, $10, -23831
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 6
	la	$30, scratch + 384
	li	$2, 109
	li	$3, -165792995
	li	$4, -2147483648
	li	$5, 0
	li	$6, 1
	li	$7, 1250753427
	li	$8, 0
	li	$9, -1
	li	$10, 56
	li	$11, 0
	li	$12, 32768
	li	$13, -1
	li	$14, -978
	li	$15, 65535
	li	$16, -880239044
	li	$17, 223
	li	$18, -1116
	li	$19, -1
	li	$20, 1
	li	$21, 2147483647
	li	$22, 0
	li	$23, 35
	li	$24, 2
	ctc1	$24, $31
	li	$24, -1
	mtc1	$24, $f0
	li	$24, 1
	mthc1	$24, $f0
	li	$24, 0
	mtc1	$24, $f2
	li	$24, 128
	mthc1	$24, $f2
	li	$24, 128
	mtc1	$24, $f4
	li	$24, 32768
	mthc1	$24, $f4
	li	$24, 1
	mtc1	$24, $f6
	li	$24, -2616
	mthc1	$24, $f6
	li	$24, 115775810
	mtc1	$24, $f8
	li	$24, 65535
	mthc1	$24, $f8
	li	$24, 354081116
	mtc1	$24, $f10
	li	$24, 870407332
	mthc1	$24, $f10
	li	$24, -3080
	mtc1	$24, $f12
	li	$24, 32768
	mthc1	$24, $f12
	li	$24, 65535
	mtc1	$24, $f14
	li	$24, 0
	mthc1	$24, $f14
	movz	$22, $23, $8
	lwl	$7, 19($30)
	bne	$5, $10, 129f
	addiu	$6, $6, -51
	xor	$10, $10, $5
129:
	lbu	$17, 32($30)
	rotr	$6, $9, 8
	add.d	$f10, $f8, $f8
	lw	$14, 12($30)
	slti	$22, $14, -26873
	bal	130f
	addiu	$24, $31, 0
	b	1130f
	nop
	130:	subu	$10, $31, $24
	jr	$31
	addu	$10, $10, $10
1130:
	lwl	$23, 3($30)
	mthi	$20
	mtlo	$15
	lbu	$13, 46($30)
	clz	$7, $4
	seh	$22, $4
	subu	$12, $2, $4
	mov.d	$f12, $f6
	mfc1	$10, $f2
	nmsub.s	$f8, $f2, $f12, $f14
	clz	$6, $23
	seh	$12, $23
	sltiu	$7, $18, 11042
	mul	$9, $2, $4
	sb	$19, 4($30)
	li	$4, 32768
	div	$zero, $13, $3
	mflo	$20
	mtc1	$17, $f4
	cvt.d.w	$f14, $f10
	lw	$17, 8($30)
	sltiu	$5, $20, -28534
	bgtzl	$21, 131f
	addiu	$3, $3, 67
	xor	$15, $15, $21
131:
	mov.d	$f6, $f12
	bgez	$19, 132f
	addiu	$18, $18, 9
	xor	$19, $19, $19
132:
	beq	$14, $20, 133f
	addiu	$9, $9, 67
	xor	$20, $20, $14
133:
	mtc1	$4, $f14
	cvt.d.w	$f10, $f6
	mtc1	$14, $f4
	cvt.s.w	$f14, $f0
	blezl	$14, 134f
	addiu	$9, $9, -67
	xor	$17, $17, $14
134:
	addu	$8, $22, $14
	mthi	$18
	mtlo	$21
	bal	135f
	addiu	$24, $31, 0
	b	1135f
	nop
	135:	subu	$11, $31, $24
	jr	$31
	addu	$11, $11, $21
1135:
	clo	$6, $20
	seh	$7, $20
	mul	$21, $5, $13
	cvt.d.s	$f4, $f10
	lb	$8, 49($30)
	mfc1	$20, $f4
	cvt.s.d	$f6, $f4
	mfc1	$9, $f2
	clo	$16, $19
	seb	$2, $19
	cvt.w.s	$f6, $f2
	bal	136f
	addiu	$24, $31, 0
	b	1136f
	nop
	136:	subu	$19, $31, $24
	jr	$31
	addu	$19, $19, $23
1136:
	lw	$19, 44($30)
	sqrt.s	$f4, $f14
	blezl	$23, 137f
	addiu	$16, $16, 99
	xor	$6, $6, $23
137:
	beq	$20, $14, 138f
	addiu	$4, $4, -88
	xor	$14, $14, $20
138:
	neg.d	$f4, $f0
	swl	$2, 9($30)
	blezl	$23, 139f
	addiu	$4, $4, 122
	xor	$23, $23, $23
139:
	li	$12, 32768
	srl	$23, $9, 11
	bal	140f
	addiu	$24, $31, 0
	b	1140f
	nop
	140:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $9
1140:
	blez	$2, 141f
	addiu	$6, $6, -48
	xor	$17, $17, $2
141:
	bal	142f
	addiu	$24, $31, 0
	b	1142f
	nop
	142:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $12
1142:
	bnel	$14, $9, 143f
	addiu	$20, $20, -32
	xor	$9, $9, $14
143:
	cvt.d.s	$f10, $f10
	ori	$19, $13, 3394
	lui	$2, 4041
	ext	$4, $22, 9, 18
	mthi	$9
	mtlo	$20
	swl	$10, 55($30)
	lh	$2, 42($30)
	beq	$8, $12, 144f
	addiu	$20, $20, 124
	xor	$12, $12, $8
144:
	sw	$14, 4($30)
	add.d	$f4, $f12, $f2
	add.s	$f8, $f8, $f10
	bgezl	$2, 145f
	addiu	$14, $14, 98
	xor	$15, $15, $2
145:
	lw	$4, 28($30)
	mthi	$22
	mtlo	$11
	srlv	$18, $14, $15
	lw	$16, 32($30)
	bgtz	$9, 146f
	addiu	$22, $22, -94
	xor	$15, $15, $9
146:
	multu	$9, $21
	mflo	$16
	li	$9, 2147483647
	msub	$17, $13
	mfhi	$22
	andi	$5, $20, 9672
	lui	$7, 36626
	msub	$7, $5
	mfhi	$10
	cvt.w.s	$f4, $f10
	sw	$18, 24($30)
	c.ule.s	$fcc2, $f4, $f0
	li	$10, -1
	c.lt.d	$fcc1, $f6, $f12
	lw	$16, 48($30)
	bal	147f
	addiu	$24, $31, 0
	b	1147f
	nop
	147:	subu	$21, $31, $24
	jr	$31
	addu	$21, $21, $8
1147:
	cvt.d.s	$f10, $f14
	rotr	$22, $20, 3
	lhu	$12, 26($30)
	msub.d	$f6, $f10, $f14, $f4
	mthi	$5
	mtlo	$14
	madd.d	$f2, $f4, $f4, $f0
	bal	148f
	addiu	$24, $31, 0
	b	1148f
	nop
	148:	subu	$18, $31, $24
	jr	$31
	addu	$18, $18, $9
1148:
	srl	$10, $19, 26
	cvt.d.w	$f10, $f10
	mfc1	$8, $f12
	clz	$19, $8
	seb	$7, $8
	mtc1	$10, $f12
	cvt.d.w	$f0, $f4
	bal	149f
	addiu	$24, $31, 0
	b	1149f
	nop
	149:	subu	$6, $31, $24
	jr	$31
	addu	$6, $6, $13
1149:
	abs.d	$f12, $f12
	mfc1	$23, $f6
	srl	$11, $10, 11
	lhu	$9, 48($30)
	clo	$17, $21
	wsbh	$4, $21
	clz	$12, $21
	seh	$9, $21
	sll	$14, $12, 18
	lb	$23, 15($30)
	sll	$11, $5, 14
	ins	$17, $4, 29, 3
	lh	$2, 52($30)
	bal	150f
	addiu	$24, $31, 0
	b	1150f
	nop
	150:	subu	$20, $31, $24
	jr	$31
	addu	$20, $20, $2
1150:
	mfc1	$13, $f8
	mtc1	$19, $f14
	cvt.s.w	$f0, $f0
	cvt.s.w	$f4, $f10
	sw	$23, 28($30)
	ext	$13, $10, 23, 9
	srl	$20, $21, 0
	bnel	$9, $17, 151f
	addiu	$9, $9, 21
	xor	$17, $17, $9
151:
	bne	$3, $18, 152f
	addiu	$6, $6, -75
	xor	$18, $18, $3
152:
	lbu	$20, 15($30)
	cvt.s.d	$f10, $f12
	sra	$23, $18, 11
	sw	$6, 24($30)
	li	$6, 32768
	add.s	$f0, $f2, $f0
	sltiu	$7, $21, 5424
	ext	$8, $9, 6, 19
	lw	$6, 4($30)
	mtc1	$16, $f10
	cvt.s.w	$f4, $f6
	beq	$5, $6, 153f
	addiu	$15, $15, -36
	xor	$6, $6, $5
153:
	neg.s	$f2, $f4
	round.w.s	$f6, $f4
	lwl	$6, 57($30)
	lhu	$10, 10($30)
	sra	$8, $12, 18
	lhu	$12, 24($30)
	div.d	$f12, $f10, $f2
	trunc.w.s	$f6, $f12
	sw	$6, 44($30)
	slti	$22, $20, -12978
	msub	$14, $11
	mfhi	$3
	mfc1	$20, $f2
	swl	$10, 24($30)
	beql	$23, $5, 154f
	addiu	$14, $14, -60
	xor	$5, $5, $23
154:
	ext	$10, $14, 4, 16
	lhu	$8, 48($30)
	subu	$5, $22, $10
	sb	$20, 4($30)
	bne	$9, $6, 155f
	addiu	$22, $22, -21
	xor	$6, $6, $9
155:
	clo	$4, $12
	wsbh	$8, $12
	nmadd.s	$f0, $f0, $f10, $f12
	bgezl	$19, 156f
	addiu	$19, $19, -4
	xor	$10, $10, $19
156:
	bal	157f
	addiu	$24, $31, 0
	b	1157f
	nop
	157:	subu	$21, $31, $24
	jr	$31
	addu	$21, $21, $10
1157:
	bne	$14, $23, 158f
	addiu	$11, $11, -64
	xor	$23, $23, $14
158:
	ori	$8, $23, 48558
	lui	$7, 4160
	lb	$9, 59($30)
	mul.s	$f6, $f14, $f8
	subu	$9, $5, $16
	ori	$16, $17, 55300
	lui	$17, 45114
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 7
	la	$30, scratch + 448
	li	$2, -2147483648
	li	$3, -1
	li	$4, 65535
	li	$5, 2147483647
	li	$6, 128
	li	$7, -1
	li	$8, -2147483648
	li	$9, 128
	li	$10, 1271554017
	li	$11, -2147483648
	li	$12, 65535
	li	$13, 32768
	li	$14, 1
	li	$15, -2147483648
	li	$16, -1252548890
	li	$17, -2147483648
	li	$18, 1
	li	$19, 945127532
	li	$20, -2147483648
	li	$21, -343022872
	li	$22, -1
	li	$23, -1498
	li	$24, 3
	ctc1	$24, $31
	li	$24, 609493001
	mtc1	$24, $f0
	li	$24, -1
	mthc1	$24, $f0
	li	$24, 128
	mtc1	$24, $f2
	li	$24, 1
	mthc1	$24, $f2
	li	$24, 135
	mtc1	$24, $f4
	li	$24, 32768
	mthc1	$24, $f4
	li	$24, 1
	mtc1	$24, $f6
	li	$24, 32768
	mthc1	$24, $f6
	li	$24, -2147483648
	mtc1	$24, $f8
	li	$24, -1888147785
	mthc1	$24, $f8
	li	$24, 128
	mtc1	$24, $f10
	li	$24, 2147483647
	mthc1	$24, $f10
	li	$24, -271369367
	mtc1	$24, $f12
	li	$24, 976983252
	mthc1	$24, $f12
	li	$24, 0
	mtc1	$24, $f14
	li	$24, 128
	mthc1	$24, $f14
	sra	$7, $14, 0
	xor	$21, $11, $22
	mfc1	$12, $f10
	xori	$3, $10, 42218
	lui	$23, 13127
	bne	$20, $5, 159f
	addiu	$5, $5, 32
	xor	$5, $5, $20
159:
	divu	$zero, $14, $18
	mfhi	$23
	bal	160f
	addiu	$24, $31, 0
	b	1160f
	nop
	160:	subu	$6, $31, $24
	jr	$31
	addu	$6, $6, $5
1160:
	bgezl	$16, 161f
	addiu	$9, $9, -20
	xor	$11, $11, $16
161:
	mthi	$16
	mtlo	$9
	floor.w.s	$f10, $f0
	swr	$18, 0($30)
	beq	$2, $20, 162f
	addiu	$15, $15, -92
	xor	$20, $20, $2
162:
	addiu	$12, $21, 29932
	mthi	$16
	mtlo	$5
	c.ole.s	$fcc2, $f10, $f10
	subu	$20, $9, $9
	lbu	$15, 22($30)
	mthi	$20
	mtlo	$6
	mthi	$11
	mtlo	$17
	bal	163f
	addiu	$24, $31, 0
	b	1163f
	nop
	163:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $21
1163:
	div	$zero, $3, $3
	mfhi	$20
	c.seq.d	$fcc0, $f14, $f2
	sb	$13, 18($30)
	madd.s	$f14, $f6, $f4, $f12
	addu	$19, $6, $14
	nor	$12, $19, $16
	msubu	$2, $14
	mfhi	$3
	srl	$7, $14, 12
	div.d	$f8, $f2, $f14
	mfc1	$19, $f0
	add.s	$f10, $f4, $f6
	sw	$12, 20($30)
	lw	$19, 36($30)
	cvt.d.w	$f8, $f6
	sb	$19, 2($30)
	bal	164f
	addiu	$24, $31, 0
	b	1164f
	nop
	164:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $5
1164:
	c.un.s	$fcc4, $f0, $f2
	bltzl	$23, 165f
	addiu	$2, $2, -18
	xor	$20, $20, $23
165:
	swr	$15, 31($30)
	madd	$7, $5
	mfhi	$14
	srav	$11, $20, $4
	mfc1	$11, $f6
	blezl	$22, 166f
	addiu	$14, $14, -62
	xor	$23, $23, $22
166:
	lb	$15, 53($30)
	slti	$13, $14, 2668
	lbu	$5, 17($30)
	cvt.d.w	$f12, $f14
	ins	$13, $2, 24, 8
	lbu	$2, 6($30)
	abs.s	$f12, $f12
	andi	$16, $14, 65273
	lui	$11, 37903
	bal	167f
	addiu	$24, $31, 0
	b	1167f
	nop
	167:	subu	$13, $31, $24
	jr	$31
	addu	$13, $13, $3
1167:
	divu	$zero, $5, $22
	mfhi	$12
	mov.s	$f0, $f10
	sw	$2, 4($30)
	blez	$5, 168f
	addiu	$8, $8, 88
	xor	$6, $6, $5
168:
	mtc1	$6, $f0
	cvt.s.w	$f0, $f12
	ins	$14, $19, 8, 16
	bal	169f
	addiu	$24, $31, 0
	b	1169f
	nop
	169:	subu	$10, $31, $24
	jr	$31
	addu	$10, $10, $16
1169:
	bnel	$6, $14, 170f
	addiu	$8, $8, -121
	xor	$14, $14, $6
170:
	lw	$4, 12($30)
	sqrt.s	$f10, $f14
	clz	$19, $10
	seh	$12, $10
	c.seq.d	$fcc7, $f10, $f2
	sra	$13, $5, 24
	bgezl	$14, 171f
	addiu	$15, $15, 28
	xor	$15, $15, $14
171:
	mtc1	$9, $f4
	cvt.d.w	$f0, $f8
	bnel	$21, $18, 172f
	addiu	$23, $23, -7
	xor	$18, $18, $21
172:
	msub	$13, $17
	mflo	$23
	mfc1	$15, $f4
	ori	$20, $9, 62815
	lui	$3, 27086
	xori	$8, $9, 12414
	lui	$7, 33571
	bal	173f
	addiu	$24, $31, 0
	b	1173f
	nop
	173:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $5
1173:
	bgezl	$13, 174f
	addiu	$3, $3, 86
	xor	$20, $20, $13
174:
	sh	$7, 20($30)
	lw	$9, 28($30)
	madd.s	$f0, $f12, $f6, $f10
	and	$21, $19, $9
	sra	$19, $5, 18
	sw	$2, 8($30)
	sll	$15, $2, 5
	bltz	$6, 175f
	addiu	$17, $17, 56
	xor	$11, $11, $6
175:
	rotr	$3, $20, 18
	msub	$11, $15
	mflo	$5
	rotr	$19, $18, 16
	xori	$22, $21, 34548
	lui	$16, 64318
	sw	$21, 0($30)
	li	$4, 1
	bal	176f
	addiu	$24, $31, 0
	b	1176f
	nop
	176:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $18
1176:
	mfc1	$23, $f14
	bnel	$22, $19, 177f
	addiu	$10, $10, -69
	xor	$19, $19, $22
177:
	li	$3, 128
	trunc.w.d	$f0, $f4
	sqrt.d	$f8, $f14
	beq	$4, $9, 178f
	addiu	$7, $7, -20
	xor	$9, $9, $4
178:
	beq	$8, $2, 179f
	addiu	$23, $23, -94
	xor	$2, $2, $8
179:
	mul	$3, $3, $16
	mtc1	$3, $f0
	cvt.d.w	$f4, $f4
	cvt.s.d	$f14, $f4
	xori	$13, $11, 56716
	lui	$8, 42268
	andi	$7, $18, 4824
	lui	$3, 20404
	sw	$7, 56($30)
	nmadd.d	$f10, $f10, $f12, $f6
	slti	$18, $22, 24071
	li	$11, 2147483647
	lw	$19, 56($30)
	lb	$8, 56($30)
	lw	$22, 56($30)
	mthi	$4
	mtlo	$2
	msub	$17, $23
	mflo	$21
	ins	$14, $16, 17, 2
	xori	$11, $9, 34476
	lui	$19, 44711
	mtc1	$16, $f6
	cvt.s.w	$f8, $f12
	lwr	$13, 58($30)
	bal	180f
	addiu	$24, $31, 0
	b	1180f
	nop
	180:	subu	$4, $31, $24
	jr	$31
	addu	$4, $4, $8
1180:
	c.le.s	$fcc5, $f10, $f10
	bgez	$22, 181f
	addiu	$14, $14, -20
	xor	$17, $17, $22
181:
	xori	$12, $6, 42439
	lui	$2, 62277
	mthi	$2
	mtlo	$21
	sltiu	$2, $12, 26329
	mov.s	$f14, $f2
	trunc.w.s	$f2, $f14
	ins	$7, $12, 15, 4
	ext	$15, $21, 30, 1
	bne	$20, $11, 182f
	addiu	$20, $20, 54
	xor	$11, $11, $20
182:
	add.s	$f12, $f8, $f6
	c.ngt.s	$fcc2, $f4, $f6
	bgezl	$2, 183f
	addiu	$14, $14, 33
	xor	$20, $20, $2
183:
	bgezl	$4, 184f
	addiu	$11, $11, 6
	xor	$21, $21, $4
184:
	li	$17, 32768
	mfc1	$13, $f8
	ins	$18, $20, 3, 27
	ext	$10, $7, 5, 21
	bal	185f
	addiu	$24, $31, 0
	b	1185f
	nop
	185:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $23
1185:
	sb	$20, 20($30)
	slti	$12, $18, -23292
	sw	$13, 8($30)
	sw	$8, 36($30)
	lhu	$22, 44($30)
	ceil.w.s	$f0, $f12
	swr	$11, 5($30)
	bnel	$16, $17, 186f
	addiu	$14, $14, 79
	xor	$17, $17, $16
186:
	lhu	$19, 48($30)
	slti	$6, $19, 27868
	mtc1	$21, $f4
	cvt.d.w	$f6, $f4
	rotr	$7, $5, 13
	rotr	$11, $15, 16
	bal	187f
	addiu	$24, $31, 0
	b	1187f
	nop
	187:	subu	$8, $31, $24
	jr	$31
	addu	$8, $8, $13
1187:
	nmadd.d	$f4, $f6, $f2, $f6
	beql	$2, $12, 188f
	addiu	$16, $16, -127
	xor	$12, $12, $2
188:
	andi	$14, $15, 27982
	lui	$8, 62838
	lw	$7, 28($30)
	beq	$8, $4, 189f
	addiu	$20, $20, -48
	xor	$4, $4, $8
189:
	lbu	$19, 22($30)
	lbu	$2, 44($30)
	bal	190f
	addiu	$24, $31, 0
	b	1190f
	nop
	190:	subu	$20, $31, $24
	jr	$31
	addu	$20, $20, $5
1190:
	madd	$11, $6
	mflo	$11
	bal	191f
	addiu	$24, $31, 0
	b	1191f
	nop
	191:	subu	$8, $31, $24
	jr	$31
	addu	$8, $8, $21
1191:
	slti	$8, $16, 20475
	abs.d	$f12, $f8
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 8
	la	$30, scratch + 512
	li	$2, -3426
	li	$3, 2147483647
	li	$4, 1
	li	$5, 2147483647
	li	$6, 1262762900
	li	$7, 65535
	li	$8, 65535
	li	$9, 32768
	li	$10, -1503
	li	$11, 65535
	li	$12, 128
	li	$13, 65535
	li	$14, -1
	li	$15, 32768
	li	$16, -1
	li	$17, -498791755
	li	$18, -2147483648
	li	$19, -2147483648
	li	$20, -2620
	li	$21, 1839209177
	li	$22, 1
	li	$23, 2147483647
	li	$24, 0
	ctc1	$24, $31
	li	$24, 32768
	mtc1	$24, $f0
	li	$24, 32768
	mthc1	$24, $f0
	li	$24, 65535
	mtc1	$24, $f2
	li	$24, -1
	mthc1	$24, $f2
	li	$24, 0
	mtc1	$24, $f4
	li	$24, 541968299
	mthc1	$24, $f4
	li	$24, 2147483647
	mtc1	$24, $f6
	li	$24, 2147483647
	mthc1	$24, $f6
	li	$24, -1
	mtc1	$24, $f8
	li	$24, -203906083
	mthc1	$24, $f8
	li	$24, -1
	mtc1	$24, $f10
	li	$24, -2147483648
	mthc1	$24, $f10
	li	$24, 65535
	mtc1	$24, $f12
	li	$24, 2147483647
	mthc1	$24, $f12
	li	$24, 2147483647
	mtc1	$24, $f14
	li	$24, -1
	mthc1	$24, $f14
	beql	$23, $23, 192f
	addiu	$11, $11, 81
	xor	$23, $23, $23
192:
	bnel	$15, $17, 193f
	addiu	$9, $9, -119
	xor	$17, $17, $15
193:
	floor.w.d	$f6, $f0
	lb	$4, 13($30)
	nmsub.d	$f10, $f8, $f4, $f0
	bgez	$3, 194f
	addiu	$8, $8, 97
	xor	$16, $16, $3
194:
	srl	$2, $19, 20
	maddu	$15, $5
	mflo	$21
	mfc1	$16, $f4
	sw	$22, 4($30)
	mfc1	$13, $f10
	sltiu	$20, $6, -31028
	msubu	$7, $7
	mfhi	$17
	sltu	$3, $14, $9
	li	$13, 2147483647
	bal	195f
	addiu	$24, $31, 0
	b	1195f
	nop
	195:	subu	$13, $31, $24
	jr	$31
	addu	$13, $13, $11
1195:
	slti	$21, $11, 13449
	swl	$22, 49($30)
	beql	$17, $19, 196f
	addiu	$22, $22, -44
	xor	$19, $19, $17
196:
	mfc1	$2, $f14
	ins	$21, $12, 25, 3
	nmsub.d	$f4, $f0, $f8, $f8
	li	$4, -1602
	lb	$12, 12($30)
	lb	$14, 16($30)
	swl	$15, 12($30)
	lw	$19, 8($30)
	maddu	$6, $15
	mflo	$4
	bne	$2, $14, 197f
	addiu	$5, $5, -79
	xor	$14, $14, $2
197:
	slti	$13, $3, -27872
	sub.d	$f2, $f6, $f8
	andi	$3, $12, 26847
	lui	$20, 60106
	li	$21, 190
	lwl	$3, 52($30)
	bgtzl	$3, 198f
	addiu	$8, $8, 109
	xor	$17, $17, $3
198:
	xori	$16, $4, 8886
	lui	$16, 5124
	mthi	$13
	mtlo	$13
	sra	$2, $11, 11
	ins	$22, $19, 30, 2
	slti	$17, $7, -17488
	li	$10, 128
	cvt.s.w	$f4, $f2
	slti	$21, $11, -4443
	ins	$14, $4, 22, 3
	cvt.d.w	$f4, $f8
	floor.w.s	$f10, $f6
	movn	$5, $13, $3
	lbu	$20, 55($30)
	bal	199f
	addiu	$24, $31, 0
	b	1199f
	nop
	199:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $15
1199:
	swr	$23, 48($30)
	rotr	$11, $20, 29
	addu	$23, $22, $6
	lwl	$3, 32($30)
	cvt.d.s	$f2, $f12
	cvt.s.d	$f6, $f10
	sw	$11, 56($30)
	blez	$3, 200f
	addiu	$8, $8, 58
	xor	$6, $6, $3
200:
	sltu	$3, $19, $18
	addu	$2, $17, $5
	clo	$11, $10
	seh	$23, $10
	bgez	$5, 201f
	addiu	$19, $19, -17
	xor	$4, $4, $5
201:
	bal	202f
	addiu	$24, $31, 0
	b	1202f
	nop
	202:	subu	$5, $31, $24
	jr	$31
	addu	$5, $5, $4
1202:
	msub.d	$f10, $f2, $f6, $f10
	mfc1	$22, $f8
	mthi	$13
	mtlo	$23
	bltzl	$4, 203f
	addiu	$12, $12, 30
	xor	$3, $3, $4
203:
	srav	$18, $23, $15
	trunc.w.s	$f2, $f14
	madd	$9, $23
	mfhi	$18
	bnel	$8, $15, 204f
	addiu	$15, $15, 0
	xor	$15, $15, $8
204:
	c.ole.d	$fcc4, $f14, $f0
	clo	$23, $17
	wsbh	$15, $17
	bne	$9, $21, 205f
	addiu	$20, $20, 92
	xor	$21, $21, $9
205:
	bal	206f
	addiu	$24, $31, 0
	b	1206f
	nop
	206:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $6
1206:
	sltiu	$19, $6, -17243
	multu	$6, $19
	mfhi	$16
	clz	$15, $18
	seb	$3, $18
	lwr	$5, 27($30)
	blez	$7, 207f
	addiu	$22, $22, 88
	xor	$22, $22, $7
207:
	ins	$20, $19, 23, 1
	sw	$20, 8($30)
	ori	$4, $13, 18254
	lui	$22, 9484
	andi	$3, $16, 8379
	lui	$20, 40520
	msub.s	$f10, $f14, $f14, $f10
	beql	$16, $18, 208f
	addiu	$9, $9, -85
	xor	$18, $18, $16
208:
	ext	$23, $17, 21, 3
	floor.w.s	$f4, $f10
	msubu	$7, $2
	mfhi	$8
	clo	$3, $19
	seh	$9, $19
	c.le.s	$fcc4, $f6, $f12
	li	$9, 0
	madd	$15, $6
	mfhi	$20
	li	$12, -187727876
	li	$8, 1849062551
	blez	$16, 209f
	addiu	$6, $6, -15
	xor	$21, $21, $16
209:
	lhu	$8, 44($30)
	lb	$7, 63($30)
	bal	210f
	addiu	$24, $31, 0
	b	1210f
	nop
	210:	subu	$2, $31, $24
	jr	$31
	addu	$2, $2, $6
1210:
	sw	$2, 32($30)
	sltiu	$4, $2, 19095
	mov.s	$f2, $f4
	clz	$16, $3
	seb	$20, $3
	lbu	$11, 62($30)
	madd.s	$f12, $f14, $f6, $f4
	swr	$4, 59($30)
	ins	$21, $7, 25, 6
	lb	$9, 57($30)
	sw	$21, 4($30)
	sh	$15, 26($30)
	ori	$16, $17, 47088
	lui	$11, 24657
	bnel	$23, $4, 211f
	addiu	$9, $9, 41
	xor	$4, $4, $23
211:
	cvt.d.s	$f0, $f14
	mfc1	$10, $f14
	sh	$17, 28($30)
	mfc1	$9, $f2
	mtc1	$11, $f6
	cvt.d.w	$f2, $f4
	sb	$20, 29($30)
	mtc1	$11, $f4
	cvt.d.w	$f6, $f14
	addiu	$3, $14, -3091
	srl	$21, $5, 4
	mul	$2, $4, $8
	sltiu	$7, $20, 4173
	lbu	$14, 19($30)
	swr	$7, 22($30)
	bal	212f
	addiu	$24, $31, 0
	b	1212f
	nop
	212:	subu	$21, $31, $24
	jr	$31
	addu	$21, $21, $6
1212:
	swl	$7, 22($30)
	c.un.d	$fcc7, $f0, $f0
	bltz	$13, 213f
	addiu	$18, $18, 75
	xor	$7, $7, $13
213:
	round.w.d	$f8, $f4
	lbu	$7, 45($30)
	beq	$12, $5, 214f
	addiu	$8, $8, 19
	xor	$5, $5, $12
214:
	lhu	$13, 42($30)
	xor	$7, $5, $22
	sb	$6, 0($30)
	mult	$15, $15
	mflo	$12
	mtc1	$23, $f6
	cvt.d.w	$f6, $f8
	sub.d	$f4, $f0, $f4
	ins	$20, $19, 15, 14
	mfc1	$14, $f2
	beql	$15, $11, 215f
	addiu	$4, $4, 78
	xor	$11, $11, $15
215:
	beql	$14, $19, 216f
	addiu	$22, $22, 111
	xor	$19, $19, $14
216:
	msub.s	$f2, $f0, $f14, $f0
	bal	217f
	addiu	$24, $31, 0
	b	1217f
	nop
	217:	subu	$15, $31, $24
	jr	$31
	addu	$15, $15, $9
1217:
	lbu	$16, 49($30)
	cvt.s.w	$f10, $f10
	mfc1	$18, $f10
	srl	$11, $17, 4
	add.d	$f12, $f10, $f2
	cvt.s.w	$f2, $f10
	ori	$23, $23, 8252
	lui	$10, 24950
	lbu	$2, 36($30)
	bal	218f
	addiu	$24, $31, 0
	b	1218f
	nop
	218:	subu	$18, $31, $24
	jr	$31
	addu	$18, $18, $20
1218:
	beq	$13, $9, 219f
	addiu	$22, $22, -14
	xor	$9, $9, $13
219:
	bgtzl	$8, 220f
	addiu	$18, $18, -123
	xor	$9, $9, $8
220:
	maddu	$21, $23
	mfhi	$19
	slti	$20, $21, 19255
	div	$zero, $16, $4
	mflo	$16
	xori	$19, $8, 38495
	lui	$2, 61427
	or	$13, $6, $20
	sll	$19, $20, 27
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 9
	la	$30, scratch + 576
	li	$2, -3068
	li	$3, 128
	li	$4, 2147483647
	li	$5, 2147483647
	li	$6, 32768
	li	$7, 1
	li	$8, 1
	li	$9, 1885913932
	li	$10, -846270579
	li	$11, -2332
	li	$12, -2147483648
	li	$13, 2147483647
	li	$14, 32768
	li	$15, 128
	li	$16, 1715431127
	li	$17, -1
	li	$18, -1097092214
	li	$19, 32768
	li	$20, 2147483647
	li	$21, -1490976384
	li	$22, 145
	li	$23, 0
	li	$24, 1
	ctc1	$24, $31
	li	$24, 1
	mtc1	$24, $f0
	li	$24, 0
	mthc1	$24, $f0
	li	$24, 0
	mtc1	$24, $f2
	li	$24, -2147483648
	mthc1	$24, $f2
	li	$24, -2147483648
	mtc1	$24, $f4
	li	$24, -1
	mthc1	$24, $f4
	li	$24, 0
	mtc1	$24, $f6
	li	$24, 128
	mthc1	$24, $f6
	li	$24, 111
	mtc1	$24, $f8
	li	$24, 65535
	mthc1	$24, $f8
	li	$24, -1
	mtc1	$24, $f10
	li	$24, 1272470531
	mthc1	$24, $f10
	li	$24, -1
	mtc1	$24, $f12
	li	$24, 0
	mthc1	$24, $f12
	li	$24, 1552022992
	mtc1	$24, $f14
	li	$24, 1
	mthc1	$24, $f14
	mfc1	$2, $f6
	round.w.d	$f0, $f0
	nmsub.s	$f10, $f0, $f2, $f2
	sll	$13, $11, 25
	multu	$8, $8
	mfhi	$3
	sw	$13, 4($30)
	c.un.d	$fcc4, $f12, $f2
	mtc1	$6, $f4
	cvt.s.w	$f12, $f12
	mthi	$14
	mtlo	$4
	swr	$8, 3($30)
	clz	$23, $7
	wsbh	$13, $7
	li	$17, 32768
	madd	$9, $12
	mflo	$6
	addiu	$15, $21, -28745
	lb	$15, 0($30)
	sw	$3, 0($30)
	slti	$9, $3, -29402
	mul.s	$f6, $f8, $f6
	li	$4, 110
	trunc.w.d	$f8, $f4
	clz	$8, $14
	seh	$3, $14
	mfc1	$5, $f6
	bal	221f
	addiu	$24, $31, 0
	b	1221f
	nop
	221:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $10
1221:
	swr	$14, 53($30)
	cvt.d.s	$f0, $f14
	lwl	$21, 36($30)
	msub.s	$f0, $f2, $f10, $f0
	li	$5, -1
	slti	$20, $12, 998
	lhu	$4, 6($30)
	ins	$2, $8, 14, 13
	lhu	$7, 50($30)
	bal	222f
	addiu	$24, $31, 0
	b	1222f
	nop
	222:	subu	$12, $31, $24
	jr	$31
	addu	$12, $12, $6
1222:
	lh	$9, 32($30)
	li	$9, -693938710
	mfc1	$2, $f2
	sll	$12, $13, 17
	neg.d	$f14, $f2
	c.olt.s	$fcc4, $f14, $f10
	beql	$23, $13, 223f
	addiu	$12, $12, 46
	xor	$13, $13, $23
223:
	multu	$11, $12
	mflo	$10
	li	$13, 1
	xori	$20, $4, 5290
	lui	$13, 38300
	lhu	$21, 36($30)
	lb	$14, 6($30)
	add.s	$f6, $f6, $f8
	li	$14, 1
	msubu	$23, $23
	mflo	$5
	sw	$8, 4($30)
	bal	224f
	addiu	$24, $31, 0
	b	1224f
	nop
	224:	subu	$4, $31, $24
	jr	$31
	addu	$4, $4, $6
1224:
	clz	$7, $11
	wsbh	$22, $11
	floor.w.s	$f12, $f4
	neg.d	$f2, $f8
	swl	$14, 25($30)
	sll	$18, $7, 11
	mfc1	$7, $f0
	lw	$11, 24($30)
	msub.s	$f0, $f8, $f12, $f10
	ins	$4, $16, 30, 1
	li	$13, -1069
	li	$2, 2061800517
	bal	225f
	addiu	$24, $31, 0
	b	1225f
	nop
	225:	subu	$23, $31, $24
	jr	$31
	addu	$23, $23, $20
1225:
	bgtzl	$10, 226f
	addiu	$19, $19, -27
	xor	$18, $18, $10
226:
	bne	$20, $19, 227f
	addiu	$22, $22, 0
	xor	$19, $19, $20
227:
	sw	$4, 4($30)
	trunc.w.d	$f10, $f10
	nmadd.s	$f4, $f12, $f8, $f12
	lw	$13, 48($30)
	mov.s	$f12, $f0
	xori	$5, $11, 35773
	lui	$16, 54738
	lw	$11, 56($30)
	lbu	$14, 2($30)
	mul.d	$f4, $f0, $f6
	mthi	$12
	mtlo	$21
	sw	$23, 36($30)
	addiu	$12, $11, 2670
	mtc1	$18, $f8
	cvt.d.w	$f0, $f8
	li	$17, 128
	ins	$22, $5, 3, 11
	mfc1	$23, $f12
	madd	$4, $18
	mflo	$17
	mthi	$2
	mtlo	$8
	bal	228f
	addiu	$24, $31, 0
	b	1228f
	nop
	228:	subu	$11, $31, $24
	jr	$31
	addu	$11, $11, $16
1228:
	msub	$23, $9
	mflo	$5
	srl	$23, $3, 20
	swr	$6, 56($30)
	lw	$5, 48($30)
	sw	$8, 40($30)
	mfc1	$19, $f2
	clz	$22, $14
	seh	$18, $14
	mthi	$15
	mtlo	$11
	sw	$6, 20($30)
	div.s	$f2, $f8, $f8
	ori	$14, $17, 54020
	lui	$13, 40191
	neg.d	$f0, $f8
	sltiu	$23, $8, 17198
	lwr	$7, 6($30)
	lwr	$14, 42($30)
	beql	$5, $12, 229f
	addiu	$15, $15, 74
	xor	$12, $12, $5
229:
	li	$22, 1905003701
	ins	$6, $23, 28, 4
	madd	$5, $18
	mflo	$21
	lh	$12, 26($30)
	xori	$16, $7, 29668
	lui	$8, 24750
	mthi	$3
	mtlo	$8
	round.w.d	$f14, $f8
	c.eq.d	$fcc2, $f0, $f8
	lh	$3, 16($30)
	lhu	$12, 50($30)
	beql	$15, $23, 230f
	addiu	$4, $4, -101
	xor	$23, $23, $15
230:
	sra	$12, $22, 6
	li	$15, 32768
	mtc1	$21, $f4
	cvt.d.w	$f8, $f8
	div.s	$f8, $f2, $f4
	swr	$4, 7($30)
	sw	$20, 32($30)
	andi	$15, $8, 36826
	lui	$18, 31822
	div	$zero, $2, $16
	mfhi	$17
	lwr	$15, 15($30)
	madd.d	$f4, $f8, $f2, $f10
	sqrt.s	$f4, $f6
	andi	$6, $18, 19935
	lui	$20, 39741
	mfc1	$10, $f2
	mult	$21, $13
	mflo	$13
	trunc.w.d	$f12, $f8
	nmsub.s	$f0, $f6, $f10, $f10
	sltu	$5, $13, $6
	xori	$16, $23, 27100
	lui	$4, 9370
	cvt.s.w	$f14, $f8
	trunc.w.s	$f4, $f12
	lhu	$12, 36($30)
	swl	$15, 5($30)
	madd.d	$f2, $f14, $f6, $f8
	bne	$19, $8, 231f
	addiu	$9, $9, 116
	xor	$8, $8, $19
231:
	slti	$2, $19, -18062
	addiu	$4, $5, -6194
	andi	$5, $5, 12668
	lui	$3, 17672
	mtc1	$6, $f14
	cvt.d.w	$f4, $f2
	msub	$12, $11
	mflo	$9
	clz	$2, $10
	seh	$15, $10
	movz	$2, $8, $5
	mult	$16, $7
	mflo	$4
	cvt.w.s	$f10, $f4
	lbu	$9, 56($30)
	nmsub.s	$f8, $f6, $f6, $f8
	sw	$12, 44($30)
	bgtz	$19, 232f
	addiu	$14, $14, 22
	xor	$18, $18, $19
232:
	round.w.d	$f6, $f2
	mfc1	$5, $f6
	mthi	$20
	mtlo	$17
	bgtz	$8, 233f
	addiu	$22, $22, -3
	xor	$13, $13, $8
233:
	movn	$3, $10, $22
	sw	$10, 40($30)
	c.ult.d	$fcc7, $f4, $f14
	ins	$18, $18, 19, 6
	lw	$17, 28($30)
	mthi	$4
	mtlo	$9
	mtc1	$19, $f6
	cvt.s.w	$f0, $f12
	mtc1	$6, $f8
	cvt.d.w	$f10, $f14
	sltiu	$21, $5, -8998
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 10
	la	$30, scratch + 640
	li	$2, -1
	li	$3, 226
	li	$4, 1
	li	$5, 0
	li	$6, -2126227882
	li	$7, 1
	li	$8, -375515403
	li	$9, 2147483647
	li	$10, 128
	li	$11, -847251009
	li	$12, 32768
	li	$13, -1
	li	$14, 2147483647
	li	$15, -548
	li	$16, -830193266
	li	$17, 125
	li	$18, 0
	li	$19, 166
	li	$20, -1
	li	$21, -2147483648
	li	$22, -1
	li	$23, 2147483647
	li	$24, 2
	ctc1	$24, $31
	li	$24, -1
	mtc1	$24, $f0
	li	$24, 128
	mthc1	$24, $f0
	li	$24, 32768
	mtc1	$24, $f2
	li	$24, 1098515162
	mthc1	$24, $f2
	li	$24, 1
	mtc1	$24, $f4
	li	$24, 38
	mthc1	$24, $f4
	li	$24, 32768
	mtc1	$24, $f6
	li	$24, -1381
	mthc1	$24, $f6
	li	$24, 32768
	mtc1	$24, $f8
	li	$24, 0
	mthc1	$24, $f8
	li	$24, 1821698157
	mtc1	$24, $f10
	li	$24, 32768
	mthc1	$24, $f10
	li	$24, 676910447
	mtc1	$24, $f12
	li	$24, 1551733251
	mthc1	$24, $f12
	li	$24, -1
	mtc1	$24, $f14
	li	$24, -2147483648
	mthc1	$24, $f14
	c.seq.d	$fcc6, $f8, $f4
	ceil.w.d	$f2, $f8
	ori	$21, $17, 28031
	lui	$7, 28562
	sllv	$4, $8, $3
	sll	$16, $19, 17
	clz	$11, $20
	wsbh	$6, $20
	beql	$5, $20, 234f
	addiu	$17, $17, 82
	xor	$20, $20, $5
234:
	lh	$15, 34($30)
	c.ole.s	$fcc4, $f8, $f2
	slti	$2, $8, -27223
	srlv	$6, $5, $17
	slti	$5, $17, -23973
	li	$8, 65535
	clz	$15, $13
	seh	$7, $13
	c.seq.s	$fcc2, $f0, $f10
	andi	$6, $5, 41458
	lui	$15, 49806
	floor.w.d	$f12, $f8
	c.eq.s	$fcc6, $f10, $f0
	maddu	$2, $19
	mflo	$12
	madd.d	$f8, $f12, $f14, $f8
	mthi	$20
	mtlo	$8
	ori	$21, $3, 49492
	lui	$19, 64590
	cvt.d.w	$f8, $f10
	and	$21, $23, $8
	ext	$16, $20, 14, 9
	sllv	$20, $9, $16
	nor	$16, $6, $4
	beql	$16, $18, 235f
	addiu	$17, $17, -49
	xor	$18, $18, $16
235:
	mul.s	$f0, $f4, $f0
	div.d	$f8, $f6, $f8
	lwl	$7, 37($30)
	mthi	$21
	mtlo	$20
	li	$2, 59
	msub.s	$f8, $f4, $f6, $f8
	sqrt.s	$f4, $f0
	bnel	$13, $21, 236f
	addiu	$4, $4, -64
	xor	$21, $21, $13
236:
	div	$zero, $2, $19
	mfhi	$5
	li	$23, 1926685024
	mfc1	$3, $f14
	lbu	$8, 15($30)
	lb	$11, 9($30)
	sw	$13, 20($30)
	slti	$20, $9, 31625
	lw	$6, 8($30)
	cvt.s.d	$f6, $f14
	li	$5, 1
	andi	$13, $16, 60202
	lui	$14, 48713
	mthi	$15
	mtlo	$19
	ext	$21, $2, 6, 12
	lhu	$13, 40($30)
	bltz	$4, 237f
	addiu	$19, $19, 108
	xor	$22, $22, $4
237:
	sh	$9, 12($30)
	addiu	$20, $3, 27834
	bgtzl	$22, 238f
	addiu	$2, $2, -36
	xor	$11, $11, $22
238:
	lw	$12, 4($30)
	bgtz	$19, 239f
	addiu	$18, $18, -25
	xor	$20, $20, $19
239:
	bal	240f
	addiu	$24, $31, 0
	b	1240f
	nop
	240:	subu	$14, $31, $24
	jr	$31
	addu	$14, $14, $3
1240:
	sw	$2, 40($30)
	lh	$17, 0($30)
	rotr	$2, $5, 2
	subu	$21, $16, $17
	and	$10, $18, $23
	li	$17, -681762196
	sw	$21, 40($30)
	lwr	$6, 54($30)
	add.s	$f14, $f6, $f8
	sltiu	$18, $16, 28575
	lwr	$10, 4($30)
	sh	$19, 14($30)
	li	$21, -182444394
	swr	$4, 32($30)
	sb	$21, 0($30)
	lb	$11, 22($30)
	bal	241f
	addiu	$24, $31, 0
	b	1241f
	nop
	241:	subu	$22, $31, $24
	jr	$31
	addu	$22, $22, $5
1241:
	sltiu	$19, $12, -5202
	srl	$17, $9, 21
	sll	$9, $7, 2
	mtc1	$5, $f0
	cvt.d.w	$f6, $f10
	cvt.w.s	$f6, $f8
	lw	$17, 36($30)
	mthi	$11
	mtlo	$3
	srl	$3, $9, 24
	li	$10, 1
	madd.d	$f10, $f12, $f8, $f2
	sw	$3, 32($30)
	cvt.d.w	$f6, $f4
	clo	$23, $7
	seb	$2, $7
	clo	$14, $22
	wsbh	$22, $22
	clz	$10, $7
	seh	$12, $7
	ins	$13, $23, 14, 17
	bal	242f
	addiu	$24, $31, 0
	b	1242f
	nop
	242:	subu	$2, $31, $24
	jr	$31
	addu	$2, $2, $10
1242:
	mthi	$12
	mtlo	$14
	mthi	$16
	mtlo	$3
	li	$15, 2147483647
	c.olt.s	$fcc4, $f10, $f2
	cvt.s.w	$f10, $f12
	msub	$15, $16
	mflo	$6
	slti	$11, $19, -247
	mthi	$20
	mtlo	$14
	round.w.s	$f10, $f14
	clz	$9, $22
	seb	$19, $22
	lbu	$9, 5($30)
	mthi	$23
	mtlo	$4
	sw	$11, 4($30)
	xori	$14, $6, 32798
	lui	$22, 28431
	sll	$23, $7, 21
	sra	$20, $2, 25
	sb	$5, 18($30)
	madd.s	$f0, $f0, $f10, $f12
	sra	$5, $10, 3
	li	$9, -1081
	neg.d	$f2, $f14
	cvt.d.w	$f4, $f12
	li	$17, 1001131986
	swl	$19, 23($30)
	mthi	$22
	mtlo	$17
	sll	$6, $14, 22
	bal	243f
	addiu	$24, $31, 0
	b	1243f
	nop
	243:	subu	$3, $31, $24
	jr	$31
	addu	$3, $3, $13
1243:
	bal	244f
	addiu	$24, $31, 0
	b	1244f
	nop
	244:	subu	$10, $31, $24
	jr	$31
	addu	$10, $10, $6
1244:
	lwr	$4, 43($30)
	ori	$2, $6, 23956
	lui	$9, 30084
	msubu	$4, $10
	mflo	$2
	xori	$9, $5, 61272
	lui	$11, 116
	clo	$18, $17
	seb	$9, $17
	sw	$22, 16($30)
	ins	$5, $6, 3, 16
	slti	$9, $14, 18732
	sw	$4, 52($30)
	mfc1	$5, $f8
	beq	$7, $17, 245f
	addiu	$13, $13, -22
	xor	$17, $17, $7
245:
	xor	$12, $12, $18
	lb	$20, 37($30)
	mfc1	$18, $f0
	mov.s	$f4, $f10
	beq	$13, $7, 246f
	addiu	$13, $13, 89
	xor	$7, $7, $13
246:
	sh	$3, 58($30)
	msubu	$3, $13
	mfhi	$4
	neg.s	$f2, $f10
	lb	$18, 32($30)
	msub.d	$f10, $f10, $f6, $f8
	ins	$4, $5, 29, 2
	subu	$10, $10, $10
	sra	$10, $17, 22
	bltzl	$6, 247f
	addiu	$6, $6, 118
	xor	$17, $17, $6
247:
	mfc1	$5, $f8
	blezl	$22, 248f
	addiu	$16, $16, 15
	xor	$16, $16, $22
248:
	c.ule.d	$fcc2, $f14, $f4
	xori	$18, $2, 44851
	lui	$21, 29980
	ceil.w.s	$f6, $f8
	xori	$4, $20, 43781
	lui	$14, 4804
	mfc1	$15, $f6
	lh	$4, 48($30)
	sh	$22, 46($30)
	bal	249f
	addiu	$24, $31, 0
	b	1249f
	nop
	249:	subu	$16, $31, $24
	jr	$31
	addu	$16, $16, $13
1249:
	msub.d	$f10, $f2, $f8, $f14
	trunc.w.s	$f2, $f12
	bal	250f
	addiu	$24, $31, 0
	b	1250f
	nop
	250:	subu	$16, $31, $24
	jr	$31
	addu	$16, $16, $21
1250:
	lb	$15, 58($30)
	lh	$14, 10($30)
	mtc1	$3, $f8
	cvt.s.w	$f0, $f4
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
# round 11
	la	$30, scratch + 704
	li	$2, 128
	li	$3, 105
	li	$4, -3530
	li	$5, 128
	li	$6, 32768
	li	$7, -1
	li	$8, -1
	li	$9, 2147483647
	li	$10, 1562262094
	li	$11, 0
	li	$12, 790847420
	li	$13, -3539
	li	$14, -2147483648
	li	$15, 2147483647
	li	$16, 1
	li	$17, -1125069347
	li	$18, 400248828
	li	$19, 313273666
	li	$20, 1877094804
	li	$21, -832234727
	li	$22, 32768
	li	$23, 32768
	li	$24, 3
	ctc1	$24, $31
	li	$24, 32768
	mtc1	$24, $f0
	li	$24, -2147483648
	mthc1	$24, $f0
	li	$24, 0
	mtc1	$24, $f2
	li	$24, 1
	mthc1	$24, $f2
	li	$24, -1
	mtc1	$24, $f4
	li	$24, 0
	mthc1	$24, $f4
	li	$24, 79
	mtc1	$24, $f6
	li	$24, 1654947108
	mthc1	$24, $f6
	li	$24, 1358966778
	mtc1	$24, $f8
	li	$24, 128
	mthc1	$24, $f8
	li	$24, 128
	mtc1	$24, $f10
	li	$24, 2147483647
	mthc1	$24, $f10
	li	$24, 1
	mtc1	$24, $f12
	li	$24, -328
	mthc1	$24, $f12
	li	$24, -221467928
	mtc1	$24, $f14
	li	$24, -644
	mthc1	$24, $f14
	blez	$23, 251f
	addiu	$18, $18, 58
	xor	$12, $12, $23
251:
	sltu	$15, $19, $13
	div.d	$f14, $f4, $f10
	lb	$14, 11($30)
	beql	$18, $10, 252f
	addiu	$19, $19, 86
	xor	$10, $10, $18
252:
	sra	$3, $13, 20
	sllv	$5, $15, $20
	bal	253f
	addiu	$24, $31, 0
	b	1253f
	nop
	253:	subu	$9, $31, $24
	jr	$31
	addu	$9, $9, $7
1253:
	mthi	$11
	mtlo	$16
	lwr	$14, 10($30)
	ins	$5, $13, 26, 1
	lhu	$17, 52($30)
	ext	$11, $22, 24, 1
	swr	$15, 23($30)
	mthi	$8
	mtlo	$5
	srlv	$7, $5, $9
	cvt.d.w	$f0, $f6
	c.olt.d	$fcc3, $f10, $f14
	andi	$3, $4, 62730
	lui	$6, 11489
	sw	$14, 8($30)
	swr	$15, 18($30)
	bne	$5, $15, 254f
	addiu	$4, $4, -74
	xor	$15, $15, $5
254:
	mfc1	$6, $f8
	clz	$6, $20
	wsbh	$23, $20
	ins	$10, $18, 5, 18
	bgtzl	$2, 255f
	addiu	$22, $22, -69
	xor	$17, $17, $2
255:
	floor.w.d	$f14, $f14
	ins	$16, $14, 22, 6
	lb	$13, 38($30)
	cvt.d.s	$f4, $f6
	ins	$17, $21, 7, 1
	mfc1	$2, $f14
	beql	$6, $10, 256f
	addiu	$6, $6, 66
	xor	$10, $10, $6
256:
	sltiu	$3, $5, 13190
	beql	$18, $4, 257f
	addiu	$23, $23, -7
	xor	$4, $4, $18
257:
	madd.s	$f4, $f2, $f8, $f14
	clz	$8, $5
	wsbh	$6, $5
	lhu	$17, 46($30)
	sb	$13, 47($30)
	bgez	$20, 258f
	addiu	$7, $7, 90
	xor	$3, $3, $20
258:
	srl	$5, $15, 8
	sw	$11, 12($30)
	madd.d	$f10, $f2, $f8, $f14
	mov.d	$f0, $f6
	nmadd.s	$f10, $f12, $f4, $f2
	mult	$8, $23
	mflo	$15
	clz	$19, $7
	wsbh	$9, $7
	clz	$15, $19
	seb	$15, $19
	sb	$13, 24($30)
	lw	$9, 16($30)
	swr	$11, 36($30)
	mtc1	$17, $f14
	cvt.s.w	$f6, $f6
	sqrt.d	$f6, $f14
	ext	$2, $19, 22, 6
	sll	$10, $20, 8
	swr	$14, 1($30)
	swr	$14, 47($30)
	mfc1	$6, $f0
	nmadd.d	$f12, $f8, $f8, $f0
	swr	$5, 51($30)
	mtc1	$19, $f0
	cvt.d.w	$f0, $f4
	sh	$19, 36($30)
	bnel	$17, $14, 259f
	addiu	$21, $21, -2
	xor	$14, $14, $17
259:
	mtc1	$5, $f4
	cvt.d.w	$f2, $f8
	ori	$20, $19, 41805
	lui	$21, 2064
	cvt.s.d	$f12, $f0
	bal	260f
	addiu	$24, $31, 0
	b	1260f
	nop
	260:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $3
1260:
	sqrt.d	$f12, $f8
	sh	$20, 0($30)
	sltiu	$7, $14, -31247
	bal	261f
	addiu	$24, $31, 0
	b	1261f
	nop
	261:	subu	$10, $31, $24
	jr	$31
	addu	$10, $10, $23
1261:
	slti	$2, $18, 12260
	bgezl	$21, 262f
	addiu	$22, $22, -36
	xor	$19, $19, $21
262:
	sh	$12, 44($30)
	maddu	$2, $18
	mflo	$16
	lb	$10, 20($30)
	movn	$7, $20, $7
	bltz	$21, 263f
	addiu	$8, $8, 65
	xor	$10, $10, $21
263:
	bne	$5, $15, 264f
	addiu	$17, $17, 94
	xor	$15, $15, $5
264:
	sltiu	$8, $8, -14190
	ext	$17, $8, 14, 2
	bgezl	$23, 265f
	addiu	$11, $11, -57
	xor	$11, $11, $23
265:
	mul.s	$f6, $f4, $f14
	madd.s	$f12, $f0, $f12, $f14
	srl	$12, $10, 6
	mthi	$17
	mtlo	$7
	li	$21, 45
	srav	$2, $18, $17
	addiu	$8, $13, -13471
	xori	$8, $19, 7078
	lui	$14, 22813
	maddu	$11, $18
	mflo	$17
	trunc.w.s	$f12, $f10
	bal	266f
	addiu	$24, $31, 0
	b	1266f
	nop
	266:	subu	$17, $31, $24
	jr	$31
	addu	$17, $17, $15
1266:
	lbu	$17, 20($30)
	lb	$5, 53($30)
	bne	$3, $13, 267f
	addiu	$6, $6, 101
	xor	$13, $13, $3
267:
	andi	$19, $5, 52810
	lui	$4, 775
	srl	$17, $22, 25
	mul.s	$f14, $f8, $f14
	lwr	$19, 57($30)
	swr	$5, 4($30)
	addiu	$4, $17, -10764
	mfc1	$6, $f12
	swr	$12, 48($30)
	lhu	$5, 36($30)
	lbu	$15, 59($30)
	sltiu	$6, $5, 3203
	clo	$11, $17
	wsbh	$15, $17
	addu	$16, $5, $16
	msub.s	$f6, $f4, $f2, $f0
	bgezl	$6, 268f
	addiu	$8, $8, -54
	xor	$7, $7, $6
268:
	bnel	$7, $16, 269f
	addiu	$17, $17, -50
	xor	$16, $16, $7
269:
	li	$15, 1
	ext	$20, $6, 1, 26
	ins	$10, $7, 12, 20
	lhu	$8, 54($30)
	c.ule.s	$fcc3, $f10, $f10
	rotr	$3, $14, 16
	mthi	$6
	mtlo	$18
	msub	$7, $12
	mfhi	$10
	sll	$14, $15, 24
	bltz	$12, 270f
	addiu	$6, $6, -49
	xor	$5, $5, $12
270:
	madd.d	$f12, $f12, $f4, $f10
	bnel	$12, $18, 271f
	addiu	$11, $11, 23
	xor	$18, $18, $12
271:
	mfc1	$18, $f6
	sub.d	$f6, $f2, $f12
	mthi	$2
	mtlo	$8
	add.d	$f8, $f6, $f2
	lwl	$5, 30($30)
	c.f.d	$fcc7, $f10, $f12
	mtc1	$17, $f2
	cvt.d.w	$f2, $f0
	bgtz	$20, 272f
	addiu	$6, $6, 0
	xor	$15, $15, $20
272:
	mfc1	$12, $f4
	movz	$19, $15, $21
	mfc1	$20, $f8
	sltiu	$17, $2, -3530
	neg.d	$f0, $f4
	lbu	$18, 12($30)
	bgtzl	$3, 273f
	addiu	$7, $7, -58
	xor	$15, $15, $3
273:
	mfc1	$16, $f14
	xori	$23, $2, 7023
	lui	$5, 47254
	bal	274f
	addiu	$24, $31, 0
	b	1274f
	nop
	274:	subu	$11, $31, $24
	jr	$31
	addu	$11, $11, $3
1274:
	lw	$8, 8($30)
	addiu	$6, $9, 2901
	ext	$15, $15, 30, 2
	movz	$16, $4, $9
	li	$21, -1
	addiu	$16, $18, 11037
	mult	$21, $15
	mflo	$5
	mfc1	$19, $f0
	mthi	$2
	mtlo	$10
	mthi	$16
	mtlo	$18
	bgtzl	$2, 275f
	addiu	$7, $7, -81
	xor	$3, $3, $2
275:
	ori	$18, $7, 42091
	lui	$10, 62408
	maddu	$22, $6
	mfhi	$20
	maddu	$14, $21
	mfhi	$13
	bal	276f
	addiu	$24, $31, 0
	b	1276f
	nop
	276:	subu	$18, $31, $24
	jr	$31
	addu	$18, $18, $17
1276:
	lbu	$15, 2($30)
	mtc1	$12, $f6
	cvt.d.w	$f2, $f4
	li	$11, 128
	la	$24, dump
	sw	$2, 0($24)
	sw	$3, 4($24)
	sw	$4, 8($24)
	sw	$5, 12($24)
	sw	$6, 16($24)
	sw	$7, 20($24)
	sw	$8, 24($24)
	sw	$9, 28($24)
	sw	$10, 32($24)
	sw	$11, 36($24)
	sw	$12, 40($24)
	sw	$13, 44($24)
	sw	$14, 48($24)
	sw	$15, 52($24)
	sw	$16, 56($24)
	sw	$17, 60($24)
	sw	$18, 64($24)
	sw	$19, 68($24)
	sw	$20, 72($24)
	sw	$21, 76($24)
	sw	$22, 80($24)
	sw	$23, 84($24)
	mfhi	$25
	sw	$25, 88($24)
	mflo	$25
	sw	$25, 92($24)
	cfc1	$25, $31
	sw	$25, 96($24)
	sw	$zero, 100($24)
	sdc1	$f0, 104($24)
	sdc1	$f2, 112($24)
	sdc1	$f4, 120($24)
	sdc1	$f6, 128($24)
	sdc1	$f8, 136($24)
	sdc1	$f10, 144($24)
	sdc1	$f12, 152($24)
	sdc1	$f14, 160($24)
	sdc1	$f16, 168($24)
	sdc1	$f18, 176($24)
	sdc1	$f20, 184($24)
	sdc1	$f22, 192($24)
	sdc1	$f24, 200($24)
	sdc1	$f26, 208($24)
	sdc1	$f28, 216($24)
	sdc1	$f30, 224($24)
	li	$a0, 1
	move	$a1, $24
	li	$a2, 232
	li	$v0, 4004
	syscall
	li	$a0, 1
	move	$a1, $30
	li	$a2, 64
	li	$v0, 4004
	syscall
	li	$a0, 0
	li	$v0, 4001
	syscall
	.data
	.align	3
dump:	.space	512
scratch:
	.word	528139724
	.word	-1079008371
	.word	807070242
	.word	-963834579
	.word	-2110043751
	.word	-1978949699
	.word	-965465309
	.word	555565003
	.word	1516735385
	.word	-913621901
	.word	1856267601
	.word	-1547125098
	.word	928954363
	.word	-711638453
	.word	-966817787
	.word	-591837462
	.word	2028726232
	.word	-2046009392
	.word	-1287816117
	.word	-1976152015
	.word	1178227977
	.word	-1611326524
	.word	-1388497470
	.word	2066444288
	.word	-1337710539
	.word	-1659846636
	.word	659706173
	.word	-1009961113
	.word	-1055040745
	.word	630082344
	.word	1905039101
	.word	-1992577580
	.word	1823154452
	.word	431820624
	.word	-1296221157
	.word	-1292597756
	.word	1689711838
	.word	-8367928
	.word	1186753156
	.word	-1233297102
	.word	1363062783
	.word	484490879
	.word	1858348776
	.word	-1456263324
	.word	1462167659
	.word	-816684354
	.word	-474381124
	.word	-1226586037
	.word	850606206
	.word	-500791648
	.word	1822516473
	.word	1207105574
	.word	103858173
	.word	674100314
	.word	1115233833
	.word	1446891543
	.word	1809286920
	.word	-34629389
	.word	-791802133
	.word	864004642
	.word	21671647
	.word	-960629129
	.word	1981178766
	.word	-157800163
	.word	-2067404608
	.word	40071662
	.word	-410091551
	.word	641413336
	.word	1143081416
	.word	-1501928475
	.word	-1429181914
	.word	1426834540
	.word	-1655961777
	.word	-1457989059
	.word	-105168558
	.word	-1548191014
	.word	814676427
	.word	424291344
	.word	-976728844
	.word	1183052095
	.word	740663501
	.word	-1615472973
	.word	-1994972094
	.word	-562756819
	.word	-1140647803
	.word	1030305420
	.word	1823461712
	.word	1177999442
	.word	983961420
	.word	-1833848949
	.word	1330846027
	.word	-1556643402
	.word	858550006
	.word	1621934191
	.word	-326444065
	.word	1239246023
	.word	1308310213
	.word	2127723796
	.word	527192108
	.word	945473944
	.word	1280761004
	.word	1872887533
	.word	1609739443
	.word	1191049633
	.word	-1057157659
	.word	1232221669
	.word	-165883326
	.word	-423614104
	.word	-1639560354
	.word	-1298548280
	.word	834639896
	.word	-1792814714
	.word	226469871
	.word	-909811986
	.word	554521506
	.word	-464284194
	.word	1273744362
	.word	1615120001
	.word	-368589909
	.word	1546123474
	.word	-998194996
	.word	1337785984
	.word	-570539914
	.word	-1411261618
	.word	-2122173878
	.word	1051272271
	.word	1580851903
	.word	799556232
	.word	-657227788
	.word	1385768994
	.word	-2076758420
	.word	1588153521
	.word	-1865043218
	.word	-142322454
	.word	-566466906
	.word	268006802
	.word	137331671
	.word	-218701731
	.word	-245910717
	.word	-523908260
	.word	1818400491
	.word	-381493452
	.word	-433796442
	.word	-1854499106
	.word	906204680
	.word	-594265783
	.word	740009591
	.word	1115171261
	.word	-1363482278
	.word	-2119449902
	.word	-942785686
	.word	348920923
	.word	2141309176
	.word	-1855742137
	.word	-1276457406
	.word	-1367502541
	.word	-1759240994
	.word	-2092628319
	.word	1371003465
	.word	-181712394
	.word	514668668
	.word	-1912704755
	.word	941747362
	.word	-1291820680
	.word	1523114767
	.word	-1819464901
	.word	-341812850
	.word	-223555322
	.word	2030603584
	.word	2092407568
	.word	1970160570
	.word	506657782
	.word	1758425424
	.word	1514370658
	.word	-1519736699
	.word	-13342792
	.word	195597689
	.word	972064442
	.word	232625929
	.word	1487010423
	.word	-1710614144
	.word	-25897283
	.word	-255075988
	.word	-148533377
	.word	-1618751654
	.word	729248174
	.word	1830335215
	.word	334005997
	.word	1704053143
	.word	-926679290
	.word	1397749367
	.word	497636951
