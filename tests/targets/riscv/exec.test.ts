import { Access, Excp, FaultCause } from '../../../src/core/exceptions.js';
import { runIsa } from '../../helpers/run-isa.js';
import { describe, expect, it } from 'vitest';
import { ExitKind } from '../../../src/core/ir.js';
import { GuestFault, Memory, PROT_R, PROT_W, PROT_X } from '../../../src/core/memory/flat.js';
import { riscv64Isa } from '../../../targets/riscv/index.js';
import type { RiscvCpu } from '../../../targets/riscv/cpu.js';

/**
 * Differential execution: the instruction sequence below was built into a -nostdlib static
 * program (with `.option norvc` except for the marked compressed part), run under
 * qemu-riscv64 7.2 at test-writing time, and its registers and scratch memory recorded.
 * Here the same bytes run through frontend + JS backend, loaded at the same address.
 *
 * Source (riscv64-linux-gnu-as -march=rv64gc):
 *   # test sequence: leaves results in registers; sp is the only pointer kept
 *     addi s0, sp, -1024        # scratch buffer (address cleared at the end)
 *     li t0, 0x123456789abcdef0
 *     li t1, -7
 *     li t2, 3
 *     # integer basics
 *     add a0, t0, t1
 *     sub a1, t1, t0
 *     sll a2, t0, t2
 *     srl a3, t0, t2
 *     sra a4, t1, t2
 *     slt a5, t1, t2
 *     sltu a6, t1, t2
 *     xor a7, t0, t1
 *     addw s1, t0, t1
 *     subw s2, t1, t0
 *     sllw s3, t0, t2
 *     srlw s4, t1, t2
 *     sraw s5, t1, t2
 *     addiw s6, t0, -1
 *     slliw s7, t1, 31
 *     srliw s8, t1, 1
 *     sraiw s9, t1, 1
 *     srai s10, t0, 60
 *     srli s11, t1, 60
 *     # pack into memory slots to free registers
 *     sd a0, 0(s0); sd a1, 8(s0); sd a2, 16(s0); sd a3, 24(s0); sd a4, 32(s0); sd a5, 40(s0)
 *     sd a6, 48(s0); sd a7, 56(s0); sd s1, 64(s0); sd s2, 72(s0); sd s3, 80(s0); sd s4, 88(s0)
 *     sd s5, 96(s0); sd s6, 104(s0); sd s7, 112(s0); sd s8, 120(s0); sd s9, 128(s0); sd s10, 136(s0); sd s11, 144(s0)
 *     # M: edge cases
 *     li t3, 0x8000000000000000
 *     li t4, -1
 *     div a0, t3, t4            # MIN / -1 = MIN
 *     rem a1, t3, t4            # 0
 *     div a2, t0, zero          # -1
 *     rem a3, t0, zero          # t0
 *     divu a4, t0, zero         # all ones
 *     remu a5, t0, zero         # t0
 *     divw a6, t3, zero         # -1
 *     li t5, 0xffffffff80000000
 *     divw a7, t5, t4           # MIN32 / -1 = MIN32 (sext)
 *     remw s1, t5, t4           # 0
 *     divuw s2, t1, t2          # 0xfffffff9 / 3 sext
 *     remuw s3, t1, t2
 *     mulh s4, t0, t1
 *     mulhu s5, t0, t1
 *     mulhsu s6, t1, t0
 *     mul s7, t0, t1
 *     mulw s8, t0, t1
 *     div s9, t1, t2            # -2
 *     rem s10, t1, t2           # -1
 *     divu s11, t0, t2
 *     sd a0, 152(s0); sd a1, 160(s0); sd a2, 168(s0); sd a3, 176(s0); sd a4, 184(s0); sd a5, 192(s0)
 *     sd a6, 200(s0); sd a7, 208(s0); sd s1, 216(s0); sd s2, 224(s0); sd s3, 232(s0); sd s4, 240(s0)
 *     sd s5, 248(s0); sd s6, 256(s0); sd s7, 264(s0); sd s8, 272(s0); sd s9, 280(s0); sd s10, 288(s0); sd s11, 296(s0)
 *     # loads of every width, sign and zero extension
 *     li t3, 0x8081828384858687
 *     sd t3, 304(s0)
 *     lb a0, 304(s0)
 *     lbu a1, 311(s0)
 *     lh a2, 310(s0)
 *     lhu a3, 310(s0)
 *     lw a4, 308(s0)
 *     lwu a5, 308(s0)
 *     sb t1, 312(s0)
 *     sh t1, 314(s0)
 *     sw t2, 316(s0)
 *     ld a6, 312(s0)
 *     # a loop with branches: sum 1..10, count bits
 *     li a7, 0
 *     li s1, 10
 *   1: add a7, a7, s1
 *     addi s1, s1, -1
 *     bnez s1, 1b
 *     li s2, 0
 *     mv s3, t0
 *   2: andi s4, s3, 1
 *     add s2, s2, s4
 *     srli s3, s3, 1
 *     bne s3, zero, 2b
 *     # call/ret through jal/jalr
 *     jal ra, 3f
 *     addi s5, s5, 100
 *     j 4f
 *   3: li s5, 7
 *     ret
 *   4: auipc s6, 0
 *     # compressed forms
 *     .option push
 *     .option rvc
 *     c.li s1, -5
 *     c.addi s1, 3
 *     c.slli s1, 4
 *     c.mv a0, s1
 *     c.add a0, a0
 *     c.srai a0, 2
 *     c.andi a0, -16
 *     c.addiw a0, -1
 *     c.lui a1, 0xfffe0
 *     .option pop
 *     sd a0, 320(s0); sd a1, 328(s0)
 *     # A extension
 *     li t3, 5
 *     sd t3, 336(s0)
 *     addi t4, s0, 336
 *     amoadd.d a0, t1, (t4)       # old 5, new -2
 *     amoswap.w a1, t2, (t4)      # old low word
 *     amomax.d a2, t0, (t4)
 *     amominu.w a3, t1, (t4)
 *     ld a4, 336(s0)
 *     lr.d a5, (t4)
 *     sc.d a6, t2, (t4)           # success -> 0
 *     sc.d a7, t1, (t4)           # no reservation -> 1
 *     ld s1, 336(s0)
 *     # CSRs
 *     csrwi fflags, 0x15
 *     csrrsi s2, fflags, 0x2
 *     csrrci s3, fflags, 0x4
 *     fsrmi s4, 3
 *     frcsr s7
 *     fscsr zero
 *     # F/D loads, stores, a few ops
 *     li t3, 0x400921fb54442d18   # pi
 *     sd t3, 344(s0)
 *     fld fa0, 344(s0)
 *     flw fa1, 344(s0)            # low word, NaN-boxed
 *     fmv.x.d s8, fa1
 *     fsw fa0, 352(s0)
 *     lwu s9, 352(s0)
 *     fcvt.d.l fa2, t1
 *     fadd.d fa3, fa0, fa2
 *     fcvt.l.d s10, fa3, rtz
 *     fmv.x.d s11, fa3
 *     feq.d t5, fa0, fa0
 *     fclass.d t6, fa2
 *     ld t3, 344(s0)
 *     li s0, 0
 *     li t4, 0
 */
const CODE = [
  '130401c0b77224009b82d28a9392e2009382d2c49392c2009382725e9392d200938202ef130390ff9303300033856200',
  'b305534033967200b3d6720033577340b327730033387300b3c86200bb8462003b095340bb9972003b5a7300bb5a7340',
  '1b8bf2ff9b1bf3011b5c13009b5c134013ddc243935dc3032330a4002334b4002338c400233cd4002330e4022334f402',
  '23380403233c1403233094042334240523383405233c4405233054072334640723387407233c8407233094092334a409',
  '2338b4091b0ef0ff131efe03930ef0ff3345de03b365de0333c60202b3e6020233d70202b3f702023b480e02370f0080',
  'bb48df03bb64df033b597302bb797302339a6202b3ba6202332b5302b38b62023b8c6202b34c7302336d7302b3dd7202',
  '233ca4082330b40a2334c40a2338d40a233ce40a2330f40c2334040d2338140d233c940c2330240f2334340f2338440f',
  '233c540f233064112334741123388411233c94112330a4132334b413370e01ff1b0e5e30131ece00130e1e07131ece00',
  '130ebe90131efe00130e7e682338c413030504138345741303166413835664130327441383674413230c6412231d6412',
  '232e741203388413930800009304a000b38898009384f4ffe39c04fe130900009389020013fa19003309490193d91900',
  'e39a09feef00c000938a4a066f00c000930a700067800000170b0000ed548d04920426852a95098541997d3581752330',
  'a4142334b414130e50002338c415930e04152fb56e00afa57e082fb65ea0afa66ec003370415afb70e102fb87e18afb8',
  '6e188334041573d01a0073691100f379120073da2100f32b300073103000370e20001b0e1e49131efe00130e5eed131e',
  'ee00130e3e44131ece00130e8ed1233cc4150735841587258415538c05e22720a416836c0416537623d2d376c502539d',
  '26c2d38d06e2532fa5a2d31f06e2033e841513040000930e0000',
].join('');
const REGS = [
  0x0000000000000000n, 0x00000000000102f4n, 0x0000000000000000n, 0x0000000000000000n,
  0x0000000000000000n, 0x123456789abcdef0n, 0xfffffffffffffff9n, 0x0000000000000003n,
  0x0000000000000000n, 0x0000000000000003n, 0x0000000000000005n, 0xfffffffffffffffen,
  0xffffffff00000003n, 0xffffffff9abcdef0n, 0x123456789abcdef0n, 0x123456789abcdef0n,
  0x0000000000000000n, 0x0000000000000001n, 0x0000000000000015n, 0x0000000000000017n,
  0x0000000000000000n, 0x000000000000006bn, 0x0000000000010304n, 0x0000000000000073n,
  0xffffffff54442d18n, 0x0000000054442d18n, 0xfffffffffffffffdn, 0xc00ede04abbbd2e8n,
  0x400921fb54442d18n, 0x0000000000000000n, 0x0000000000000001n, 0x0000000000000002n,
];
const SLOTS = [
  0x123456789abcdee9n, 0xedcba98765432109n, 0x91a2b3c4d5e6f780n, 0x02468acf13579bden,
  0xffffffffffffffffn, 0x0000000000000001n, 0x0000000000000000n, 0xedcba98765432109n,
  0xffffffff9abcdee9n, 0x0000000065432109n, 0xffffffffd5e6f780n, 0x000000001fffffffn,
  0xffffffffffffffffn, 0xffffffff9abcdeefn, 0xffffffff80000000n, 0x000000007ffffffcn,
  0xfffffffffffffffcn, 0x0000000000000001n, 0x000000000000000fn, 0x8000000000000000n,
  0x0000000000000000n, 0xffffffffffffffffn, 0x123456789abcdef0n, 0xffffffffffffffffn,
  0x123456789abcdef0n, 0xffffffffffffffffn, 0xffffffff80000000n, 0x0000000000000000n,
  0x0000000055555553n, 0x0000000000000000n, 0xffffffffffffffffn, 0x123456789abcdeefn,
  0xffffffffffffffffn, 0x8091a2b3c4d5e770n, 0xffffffffc4d5e770n, 0xfffffffffffffffen,
  0xffffffffffffffffn, 0x0611722833944a50n, 0x8081828384858687n, 0x00000003fff900f9n,
  0xffffffffffffffefn, 0xfffffffffffe0000n, 0x0000000000000003n, 0x400921fb54442d18n,
  0x0000000054442d18n,
];

const START = 0x1010c;
const STACK_TOP = 0x7f010000;

function setup(codeHex: string, at: number) {
  const mem = new Memory();
  mem.map(0x10000, 0x3000, PROT_R | PROT_X);
  mem.poke(at, Buffer.from(codeHex, 'hex'));
  mem.map(STACK_TOP - 0x10000, 0x10000, PROT_R | PROT_W);
  const cpu = riscv64Isa.createCpu(mem) as RiscvCpu;
  cpu.pc = at;
  cpu.setNum(4, STACK_TOP - 0x100);
  return { mem, cpu };
}

function run(mem: Memory, cpu: RiscvCpu): number | GuestFault {
  return runIsa(riscv64Isa, mem, cpu);
}

/*
 * Seeded random RV64IM(C) ALU sequences (400 instructions each: register/immediate/shift ops,
 * their W forms, mul/div/rem with special operands like 0, -1, MIN, and li/lui; the
 * assembler compresses what it can), built and run under qemu-riscv64 at test-writing time.
 */
/** [seed, load address, code, x0..x31 after it under qemu-riscv64 (sp as 0)] */
const RANDOM: Array<[number, number, string, bigint[]]> = [
  [1234, 0x1010c, [
    'b7f20e009b82524fb60293827266be029382f269b6029382f2a11d43a1631b0410007e048144376562011b05555232051305',
    '154c3605130515073605130505e3b7a59dff9b859561ba059385f5f5ba05938595f7b2059385d5a437c65d001b06f6e03206',
    '130636863a06130656af360613061694b7d6c1779b86b6cdb6069386361aba069386f62c37571eb87d373a071307d72c3e07',
    '13071727e557379811001b0818dc36081308f81c3a08130898a236081308780db7d81efc9538b60893887871b208938818c4',
    'b208938838a337b930fd1b0959ad3209130959b43209130999033209130929e2b7d99a009b89b97fb6099389993eb2099389',
    'b941ba09938959fc37ba21021b0a3a2c360a130aba25320a130afaf0320a130a0a3e9b0af0fffe1a37bb54ff1b0b3b0d320b',
    '130b1ba33a0b130b5bdc360b130b8b519b0b1000821bfd1b1b0c10007e0cb70c008037ed0d001b0ddde63e0d130d5d41320d',
    '130dfd63360d130dad1db70d00801b0e1000021e7d1e814e379f71001b0fdfcd3a0f130f5fac320f130fff5e320f130f6f18',
    'b7dfd5ff9b8f1f30ba0f938f5f94b20f938fff84be0f938faf0a3363d90213d536019359c302b38b3f0333ca8f01bbdefa41',
    '3bd4ae003be48a0293d80f42137874d09b86a42593192e0333576f40bb03bf01b3e973019b1d9901bbe9ca0293d56a01b705',
    '79b4338a6e03b34483019b5f4b41335d6d02338fb4403beeb70293361b58b3abf403bb9626019bd68a4133b7fd0333d83f41',
    '139598003367f90313d548013b888c41bbda3b031b8d826f1b849273bb84fb40299713e7db0ebb0dbc00b397d900fe0bb384',
    '124113a345203bf97a0213d7c601b383ec0193a7bb7433cd640393241bd49bde4a0133cb6b039309f33c135d99403b0cbf40',
    'b76a73c21b8302a913d9e70113ff923613791589b3c58f03b3e49a029b5cde413b1ee8003308e6009bdb26401bdbbb0033f8',
    'df0213853951bbf9f6031b089e51b30e7c0393daf9429b0d9d4d9354e4033bcbe403bb9df300b72d9bcfb3654c03b7b93e37',
    'b3d97300b367150193a5c62113734305bb577701134d8584337cf7033b6c96029b55cc41bbd7da029bd8f641b34fa7001b55',
    '63419305094ffe0d93d8ed019b8f6a67139d7301b318a9023327440313dcc403bb577502b319d601bbe49f039b06f0fffe16',
    'bb8ab400130c49319b5c164033d83f419342e957b3dc5b4193deeb43b3fb52001b8469fdbb152301334905001b0f5ed71366',
    '8f42b3065d013b03df02330349011b07d57a1347a6d933f9cc01b352f703b34cbc00937cd77f1b59554113e4835693e77a93',
    '13a9c94fb3ba9703339b9503b393b703bb839c01b78f2f8693de93439352b84133adb903b31bd30293de7b02136cc32c9b17',
    'fe00b7cef822b34f67033bddfc019382a8efbb9c070133b49200b32d9e00b34b6502331c8a01bb0ea94113d95741934ba6d7',
    '932d3a423b9a7d01859ebb5d0d02318fbbdccb41330908409b5c0f40b355ec0033ed980313c7d754b3895c41b71c9083b347',
    '14033b691703372dc95633f85503370591e89b8cefc3334728031bd647011b940c01b3e9d6013bf53a03338d0d403b97be00',
    '33dc7b0033770800330bd9033bc67b03b348e4017d5305449b928300bb56cc01133ff765b377b3023b8e58419b0af0fffe1a',
    'fd1a334fad00bb02e3019357fc00b35eed02bb0fb401b388464133d992419b8a8ba0937a887a3be3a2033b7bcd02933ec4f6',
    '3357ed033b0eec00937729933bfbc70333eee50133899a01b306c9019d4b33d533411b130601bb1c1c019392c50033ab7300',
    '1bd3954193deb5023b592b4193c9db399bdc4f41930b7709b3b987003b5fd4009bd91a413beb6b03339e3703131ba301bb48',
    '1f03b367e4019365acc7935cd803b3092301b36ca7003b698f0313179a0093d7e9003bdab803b303c940bb5a9703b316ba03',
    '1b5666403bd4d3039b558341b3c8de01be0593b22ee9bb1bec00b3c9cc00131b89023b0a3f0133e68500335d4f039b555c00',
    '33dd184133b8a60013e9f6693396180133578e033303b401b3edc600b32d7c00939ee702b3a9790137a944f433beba0133db',
    'e2019b9d1a003b785502b374fd0393157f021bde7c01bb769d039b182f0033466b023bd99e413be8fb0293c83b1a216d13f5',
    '43379b03b75a336cdb0333545f01b369fc033b54f7013b8436419b5f7e0013ec5c37b3cebf021bd358013703ce8c93091691',
    'b3eb870233582b01334bc70313d88a0233695f00b33a7703b3aedc029b1a3e01b7ed0f32b792ad23b38b5a01335c6a033b5a',
    'c9029b0410008214fd14bbeda6039387ff593b4f1703b34deb0313aaf37fbbcdac02bb9cbc01b35e63029b07f0fffe17fd17',
    '136604c893ec3579b3b9f903b3180f0093b403f3933b668f9b05f0fffe15bb6aa70333486603935a65009367b4c73333c800',
    '3b094d0193a42f6d337b480393767408370600803363670113361a1f13e33bd01b8e732213d3cd42b3dcdd00b32b1f031353',
    'fa40bb5df902b7c33624336c6b0333aa9e0233c7c600b3ac7a0213fa7ffe93163901bbcad70233686902935a3b40137bbf5b',
    'b3489f029359fc00bb86db0313ff34c793deaa02bb687302bbd31901b3f67e0133570700b3cece023bd4db409b185701b3de',
    '960233839d4113d3e2033328e8013bc3fb031bddb90113ac2b88b7040080fd34b3da5b0133df270333db9d03b309da41b3ac',
    '8c0033eb860193196e02930c6e063758170d935363023303d403b365f50233238a02b346e70193d29240bbcd43031b5faa01',
    'b34b9e01b3979b01bb5d480133b77800b35bef0213f945ff',
  ].join(''), [
    0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n,
    0x0000000000000000n, 0x000000000011d6c8n, 0x0000000000000000n, 0x0000000003ffffffn,
    0x0000000000000000n, 0x000000007fffffffn, 0x0000000000000374n, 0x0000000000000000n,
    0x0000000000000001n, 0x0001fffc0007ff76n, 0x0000000000000000n, 0xf300000000000000n,
    0x000000000d175000n, 0x0000000010c00000n, 0x0000000000000000n, 0x0001f44000000000n,
    0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n, 0xffffffffffffffffn,
    0x0000000000000000n, 0x0000000000000837n, 0x0000000000000000n, 0x000000000d175000n,
    0x00000000000007d1n, 0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n,
  ]],
  [98765, 0x1010c, [
    '9d4237b3be001b03f3253603130353fb320313031365320313037332b7e32a049b83f3abb2039383b367b20393837336b203',
    '9383431a75741b04942e56041304f4d336041304f46f3e04130454dbb7040080fd3437e5e4fb1b05353432051305f5f43205',
    '130535c232055d05b775eaff9b85d578b2059385f577b6059385d5c6b2059385759137c6bdff1b0636da3e06130676143606',
    '1306d62632061306e6069b06f0fffe162167b71704009b87f70ec2079387372abe079387f779b607938707e337d810001b08',
    '58b73608130838f536081308183632081308c805b7781b009b885811b6089388784ec6089388386db208938858763769effe',
    '1b09b9f73209130979b53209130979b032091309692581491b0af0ff7e1a7d1ab7ea13fd9b8a5ac4b60a938a1a43b20a938a',
    '1a2db20a938aba131b0bf0ff7e1b7d1bb74bd5009b8bfb14b60b938b1b9db60b938bdb3db60b938b1bdd1b0cf0ff7e1c7d1c',
    '9b0c1000821cfd1c376dfe011b0ddd663a0d130d7d42320d130d1d60320d130d6d3db7adaffd9b8d1de4b20d938dfd81b60d',
    '938d9d48b20d938d8df037ce48fe1b0e3e50320e130e3e3b3a0e130e3e31320e130ede45b7fe74fc9b8e9e28b60e938e7e1a',
    'b20e938e9eb4b20e938eceac655fb79f13009b8f3fefb20f938fdfe6b60f938fdf78b60f938f4fe4334e3e01bbd5f9401393',
    '3e01b31f7600139d370193fc9aee33a35d013303cd0033d999039323467e3be4f703bb590f0093d4de013399e603b3955302',
    'b3f716013bdfec40b386cd03932e589d334fba00b337dd013be4cd02132754d813df7a0233fb84009d4a33a38a0133b55700',
    'b35d2b4133bf020333d3ae02bb451d033bc76a03bb5dc5029b85727e335c8a419324fdff9b0eb7be93b2d9cdbb85b4413b8b',
    'ac40bb49fb033b8838419385444b33a41a039b56af0113247ee5379c7220b348e8023306564133aea3023b03044033598300',
    'bb7f7e0293d4d20133dd6840bbdc3303bbf99303332b1e030548b3d763011367ff17b7b4af6333ddaa02b3368e02b3239f02',
    '1b5f4340b30f0a0313ad8c2cb3df3341bbf5230313f46385bb0b9702b3c67d00bb4e44039b071000fe07b3659301b39efa02',
    '1b1cdf019b172b011b83c8dfb3dbe741b3458b009322c736b74f5e44135d4e4193c3524a9b162d0033588b4013598b01bb1c',
    '6f009bd2da40b3290e01b38d04413b1c0f019b92bb0093fcec1ebb143e01b349ef0233a3fe03bbf4ae02bb5854401b9fc900',
    '13d88741b33b8c02bbde570393a33c9793d2164137a368f09b139b00bb18d30193a8c90d13bdccafb31a8f02b348de013b6f',
    'df0233769800bb18ec0033d374411b59fd409b8a9d6213df5941b352eb03934ea46633f59d03138d92eb9bd573003b7cbc02',
    '93579c01935b6703b37c8901330c0d41b366340313b37f9437050080bb0dfe00b7227ca9b394fe03bbd6ee02139a52019372',
    '4ce53386dd4133590f019b06f0fffe16fd169b0ad7721b56de4093534b4233b8b80333ed8702138e1e0713c7d8fe3b0e9a02',
    'b3f4880033c97b03bb56be4093eac910931a6d00136b753413d6fe42bb4e5c0313cffe8833f3650133acd403b3d64b03331f',
    '6f0193223cf093932f0033075e4093175403b36f660293bc3b71bb4c5b03b3f41903330fb8013317ec02b367a703b3966801',
    'bb5fda4033d6240333b8d40213f523bd9338661e33fbac00b32dbf033b09a4419b9cbc01b33cab009b0df0fffe1dfd1d1338',
    'a6ad9b5d86009b1ce80133fb1b01b30cf3021bd49901b348ce029b1e560013d84f4293cf07ad1bdf74409d45b3e7fb0113df',
    '2c40bbd2ee0313c4aa9db3faab02332a3a039b9a190133339a02bb4a6d02bb0c0700338b720237daa0851374ca859322cad9',
    'b365a902939e740113556803b3da56013bfcc502b74be8091324091013f465de93c7eb3c1b5b8e4193cd6c073b07a6003335',
    'd500333d8c0213fcb5f613251c823b4b8b033bc8ed033b587800936efc719339e9a83378ec0393bc6cde13a61e861b88b3ff',
    '336b650093863a7dbb76ad03132efaff3305fc0393b756923b5a8502b79f150733575703bb8b1801b329c800135bb6423305',
    'b4031307d35b3bf7ba0393f3f2b533a6480393dc44011b09d92e9bd4ce413b03550133d4cf003b5e0d419b89446c13162a02',
    '33acc5021b1abc00bb1b85003b5b8901bb14d70013d98d0313d8e3431b8dc3c0bb4d4c03937e3ee49bd50c41b3331e033358',
    'ba01bb840340b393070133d5c700939d8b039b04f0fffe14134995d43b545e401b54c80193b2ea4abb54c50137a70729b337',
    '760213daa541b305b8029b1c7501b3e7a603136d6f4013c52d6ab33a18013b75fc021357dd02b3190601330418033b967601',
    '7d55216fbb83c60137ca0e4ebb8ab70013dccf0393ddaf40331f9a01137f66bc337635033335a7033768c11db39cf2029342',
    'f30fb3a55203bbd734033739a32513647a0db3dbe20033e5d4021b1cc70093ff7245bbd48a029342751d135ce8011b94df01',
    '3bd4bd413b5a680333ccc900132d64cf93eb4f1bb3b73f01935ecf42331f4703133a3be8bbd21a01b3ca5c03338ecb419b1a',
    'f7009397bb033325e9023b63b40281449b0e95ff3bdedc0393bf6c9cb3c679001b159e0193eed413b3eb46019b595541b747',
    '5b25b365f502b35a050033fcc6013357a50333ec39011b0df0ff7e1d137419f0b70eab38b3145a0213153e03935cf8403b65',
    '9703bbc46c02bb5a0a019357e800bb04ec0033bfb200b3577c0333533a41b35f8e4093b8c44bb3dd97019368be3533037601',
    'b3554d413b531e031b8cbfba13db030313581403014f1367c557bb496b023bd73e03b39b460133bf0f0137ee0988130df409',
    '131bfe0133ae5202b3965402b3b5dc029b8a0f8a3b5e140113dd664393b9065a13ab387033dfed40',
  ].join(''), [
    0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n,
    0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n,
    0x0000000025a33000n, 0xffffffffffffffffn, 0xffffffffffffffffn, 0x0000000000000000n,
    0x00000003ffffffffn, 0x0000000000000000n, 0x0000000000000000n, 0x0000000000000000n,
    0x0000000000000000n, 0x000000000000035bn, 0x0000000025a33000n, 0x0000000000000001n,
    0x0000000000000001n, 0xfffffffffffff8a0n, 0x0000000000000001n, 0xfffffff800000000n,
    0xfffffffffffffbabn, 0x0000000000003b82n, 0x0000000000000000n, 0x0000000000000000n,
    0x0000000000000004n, 0x0000000038ab0000n, 0x0000000000000000n, 0x0000000000000000n,
  ]],
];

describe('riscv execution through the JS backend', () => {
  it.each(RANDOM)('matches qemu-riscv64 on random ALU sequence (seed %i)', (_seed, at, code, regs) => {
    const { mem, cpu } = setup(code + '73000000', at);
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    for (let n = 0; n < 32; n++) {
      if (n === 2) continue;
      expect(BigInt.asUintN(64, cpu.get64(2 * n)).toString(16), `x${n}`).toBe(regs[n].toString(16));
    }
  });

  it('matches qemu-riscv64 on an RV64GC instruction mix', () => {
    const { mem, cpu } = setup(CODE + '73000000', START); // + ecall
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect(cpu.pc).toBe(START + CODE.length / 2 + 4);
    const regs = Array.from({ length: 32 }, (_, n) => (n === 2 ? 0n : BigInt.asUintN(64, cpu.get64(2 * n))));
    for (let n = 0; n < 32; n++) expect(regs[n].toString(16), `x${n}`).toBe(REGS[n].toString(16));
    const buf = cpu.getNum(4) - 1024;
    for (let i = 0; i < SLOTS.length; i++) {
      expect(mem.dv.getBigUint64(buf + 8 * i, true).toString(16), `slot ${i}`).toBe(SLOTS[i].toString(16));
    }
  });

  it('illegal instruction: an exception at its pc, earlier effects kept', () => {
    // li s6,42; .2byte 0 (illegal)
    const { mem, cpu } = setup('130ba0020000', 0x10000);
    expect(run(mem, cpu)).toBe(ExitKind.Exception);
    expect([cpu.excp, cpu.excpAddr, cpu.pc]).toEqual([Excp.Illegal, 0x10004, 0x10004]);
    expect(cpu.get64(44)).toBe(42n);
  });

  it('ebreak is a breakpoint; a jump to unmapped memory is a fetch page fault at the target', () => {
    let { mem, cpu } = setup('0290', 0x10000);
    expect(run(mem, cpu)).toBe(ExitKind.Exception);
    expect([cpu.excp, cpu.excpAddr, cpu.pc]).toEqual([Excp.Breakpoint, 0x10000, 0x10000]);
    // li a5,0x50000 (lui); jr a5
    ({ mem, cpu } = setup('b70705008287', 0x10000));
    expect(run(mem, cpu)).toBe(ExitKind.Exception);
    expect([cpu.excp, cpu.excpCause, cpu.excpAddr, cpu.excpAccess, cpu.pc]).toEqual([Excp.PageFault, FaultCause.Unmapped, 0x50000, Access.Fetch, 0x50000]);
  });

  it('misaligned AMO is an alignment fault; a faulting load leaves rd untouched', () => {
    // addi a1,sp,1; amoadd.w a0,a2,(a1)
    let { mem, cpu } = setup('93051100' + '2fa5c500', 0x10000);
    cpu.set64(20, 77n);
    let r = run(mem, cpu);
    expect(r).toBeInstanceOf(GuestFault);
    expect([(r as GuestFault).kind, (r as GuestFault).access, (r as GuestFault).pc]).toEqual([Excp.Alignment, Access.Write, 0x10004]);
    expect(cpu.get64(20)).toBe(77n);
    // li a0,84; ld a0,0(zero)
    ({ mem, cpu } = setup('13054005' + '03350000', 0x10000));
    r = run(mem, cpu);
    expect(r).toBeInstanceOf(GuestFault);
    expect([(r as GuestFault).addr, (r as GuestFault).pc]).toEqual([0, 0x10004]);
    expect(cpu.get64(20)).toBe(84n);
  });

  it('SC fails without a reservation and after the reserved value changed', () => {
    // addi a1,sp,-64; li t0,9; lr.d a0,(a1); sd t0,0(a1); sc.d a2,t0,(a1); sc.d a3,t0,(a1); ecall
    const { mem, cpu } = setup('930501fc930290002fb5051023b055002fb65518afb6551873000000', 0x10000);
    expect([run(mem, cpu), cpu.excp]).toEqual([ExitKind.Exception, Excp.Syscall]);
    expect([cpu.get64(24), cpu.get64(26)]).toEqual([1n, 1n]);
  });
});
