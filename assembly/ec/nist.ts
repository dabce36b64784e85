// The NIST curves P-256, P-384 and P-521 (SP 800-186 §3.2.1.3–§3.2.1.5, the curves FIPS 186-5
// approves; SEC 2 §2.4.2 secp256r1, §2.5.1 secp384r1, §2.6.1 secp521r1): y² = x³ − 3x + b over
// GF(p), of prime order n (cofactor 1), generator G. Field descriptors for montgomery.ts: N,
// −p⁻¹ mod 2^32, byte length, kernel, then p, R² mod p and R mod p (R = 2^(32·N)) as little-endian
// 32-bit limbs. Curve constants are plain little-endian limbs (not in Montgomery form); the hex in
// each comment is the standard's.

import { KERNEL_GENERIC, KERNEL_P256, KERNEL_P384 } from '../field/montgomery';

/** P-256 base field: p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffff. */
export const P256_P: usize = memory.data<u32>([
  8, 0x00000001, 32, KERNEL_P256,
  // p
  0xffffffff, 0xffffffff, 0xffffffff, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xffffffff,
  // R² mod p
  0x00000003, 0x00000000, 0xffffffff, 0xfffffffb, 0xfffffffe, 0xffffffff, 0xfffffffd, 0x00000004,
  // R mod p
  0x00000001, 0x00000000, 0x00000000, 0xffffffff, 0xffffffff, 0xffffffff, 0xfffffffe, 0x00000000,
]);

/** P-256 group order: n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551. */
export const P256_N: usize = memory.data<u32>([
  8, 0xee00bc4f, 32, KERNEL_GENERIC,
  // n
  0xfc632551, 0xf3b9cac2, 0xa7179e84, 0xbce6faad, 0xffffffff, 0xffffffff, 0x00000000, 0xffffffff,
  // R² mod n
  0xbe79eea2, 0x83244c95, 0x49bd6fa6, 0x4699799c, 0x2b6bec59, 0x2845b239, 0xf3d95620, 0x66e12d94,
  // R mod n
  0x039cdaaf, 0x0c46353d, 0x58e8617b, 0x43190552, 0x00000000, 0x00000000, 0xffffffff, 0x00000000,
]);

/** b = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b. */
export const P256_B: usize = memory.data<u32>([
  0x27d2604b, 0x3bce3c3e, 0xcc53b0f6, 0x651d06b0, 0x769886bc, 0xb3ebbd55, 0xaa3a93e7, 0x5ac635d8,
]);

/** G.x = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296. */
export const P256_GX: usize = memory.data<u32>([
  0xd898c296, 0xf4a13945, 0x2deb33a0, 0x77037d81, 0x63a440f2, 0xf8bce6e5, 0xe12c4247, 0x6b17d1f2,
]);

/** G.y = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5. */
export const P256_GY: usize = memory.data<u32>([
  0x37bf51f5, 0xcbb64068, 0x6b315ece, 0x2bce3357, 0x7c0f9e16, 0x8ee7eb4a, 0xfe1a7f9b, 0x4fe342e2,
]);

/** P-384 base field: p = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff. */
export const P384_P: usize = memory.data<u32>([
  12, 0x00000001, 48, KERNEL_P384,
  // p
  0xffffffff, 0x00000000, 0x00000000, 0xffffffff, 0xfffffffe, 0xffffffff, 0xffffffff, 0xffffffff,
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  // R² mod p
  0x00000001, 0xfffffffe, 0x00000000, 0x00000002, 0x00000000, 0xfffffffe, 0x00000000, 0x00000002,
  0x00000001, 0x00000000, 0x00000000, 0x00000000,
  // R mod p
  0x00000001, 0xffffffff, 0xffffffff, 0x00000000, 0x00000001, 0x00000000, 0x00000000, 0x00000000,
  0x00000000, 0x00000000, 0x00000000, 0x00000000,
]);

/** P-384 group order: n = 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973. */
export const P384_N: usize = memory.data<u32>([
  12, 0xe88fdc45, 48, KERNEL_GENERIC,
  // n
  0xccc52973, 0xecec196a, 0x48b0a77a, 0x581a0db2, 0xf4372ddf, 0xc7634d81, 0xffffffff, 0xffffffff,
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  // R² mod n
  0x19b409a9, 0x2d319b24, 0xdf1aa419, 0xff3d81e5, 0xfcb82947, 0xbc3e483a, 0x4aab1cc5, 0xd40d4917,
  0x28266895, 0x3fb05b7a, 0x2b39bf21, 0x0c84ee01,
  // R mod n
  0x333ad68d, 0x1313e695, 0xb74f5885, 0xa7e5f24d, 0x0bc8d220, 0x389cb27e, 0x00000000, 0x00000000,
  0x00000000, 0x00000000, 0x00000000, 0x00000000,
]);

/** b = 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef. */
export const P384_B: usize = memory.data<u32>([
  0xd3ec2aef, 0x2a85c8ed, 0x8a2ed19d, 0xc656398d, 0x5013875a, 0x0314088f, 0xfe814112, 0x181d9c6e,
  0xe3f82d19, 0x988e056b, 0xe23ee7e4, 0xb3312fa7,
]);

/** G.x = 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7. */
export const P384_GX: usize = memory.data<u32>([
  0x72760ab7, 0x3a545e38, 0xbf55296c, 0x5502f25d, 0x82542a38, 0x59f741e0, 0x8ba79b98, 0x6e1d3b62,
  0xf320ad74, 0x8eb1c71e, 0xbe8b0537, 0xaa87ca22,
]);

/** G.y = 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f. */
export const P384_GY: usize = memory.data<u32>([
  0x90ea0e5f, 0x7a431d7c, 0x1d7e819d, 0x0a60b1ce, 0xb5f0b8c0, 0xe9da3113, 0x289a147c, 0xf8f41dbd,
  0x9292dc29, 0x5d9e98bf, 0x96262c6f, 0x3617de4a,
]);

/** P-521 base field: p = 0x1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff. */
export const P521_P: usize = memory.data<u32>([
  17, 0x00000001, 66, KERNEL_GENERIC,
  // p
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  0x000001ff,
  // R² mod p
  0x00000000, 0x00004000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  0x00000000,
  // R mod p
  0x00800000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  0x00000000,
]);

/** P-521 group order: n = 0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409. */
export const P521_N: usize = memory.data<u32>([
  17, 0x79a995c7, 66, KERNEL_GENERIC,
  // n
  0x91386409, 0xbb6fb71e, 0x899c47ae, 0x3bb5c9b8, 0xf709a5d0, 0x7fcc0148, 0xbf2f966b, 0x51868783,
  0xfffffffa, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  0x000001ff,
  // R² mod n
  0x61c64ca7, 0x1163115a, 0x4374a642, 0x18354a56, 0x0791d9dc, 0x5d4dd6d3, 0xd3402705, 0x4fb35b72,
  0xb7756e3a, 0xcff3d142, 0xa8e567bc, 0x5bcc6d61, 0x492d0d45, 0x2d8e03d1, 0x8c44383d, 0x5b5a3afe,
  0x0000019a,
  // R mod n
  0xfb800000, 0x70b763cd, 0x28a24824, 0x23bb31dc, 0x17e2251b, 0x5b847b2d, 0xca4019ff, 0x3e206834,
  0x02d73cbc, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  0x00000000,
]);

/** b = 0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00. */
export const P521_B: usize = memory.data<u32>([
  0x6b503f00, 0xef451fd4, 0x3d2c34f1, 0x3573df88, 0x3bb1bf07, 0x1652c0bd, 0xec7e937b, 0x56193951,
  0x8ef109e1, 0xb8b48991, 0x99b315f3, 0xa2da725b, 0xb68540ee, 0x929a21a0, 0x8e1c9a1f, 0x953eb961,
  0x00000051,
]);

/** G.x = 0xc6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66. */
export const P521_GX: usize = memory.data<u32>([
  0xc2e5bd66, 0xf97e7e31, 0x856a429b, 0x3348b3c1, 0xa2ffa8de, 0xfe1dc127, 0xefe75928, 0xa14b5e77,
  0x6b4d3dba, 0xf828af60, 0x053fb521, 0x9c648139, 0x2395b442, 0x9e3ecb66, 0x0404e9cd, 0x858e06b7,
  0x000000c6,
]);

/** G.y = 0x11839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650. */
export const P521_GY: usize = memory.data<u32>([
  0x9fd16650, 0x88be9476, 0xa272c240, 0x353c7086, 0x3fad0761, 0xc550b901, 0x5ef42640, 0x97ee7299,
  0x273e662c, 0x17afbd17, 0x579b4468, 0x98f54449, 0x2c7d1bd9, 0x5c8a5fb4, 0x9a3bc004, 0x39296a78,
  0x00000118,
]);


// Square roots and hash-to-curve (RFC 9380 §6.6.2 simplified SWU, §8.2–§8.4 suites): for each
// curve, c1 = (p − 3)/4 (every p here is 3 mod 4, so √a = a^(c1 + 1) = a^c1 · a, §F.2.1.2), the
// suite's Z, and c2 = √(−Z), plain little-endian limbs, N each.
export const H2C_C1: usize = 0;
export const H2C_Z: usize = 1;
export const H2C_C2: usize = 2;

/** P-256: Z = −10. */
export const P256_H2C: usize = memory.data<u32>([
  // c1
  0xffffffff, 0xffffffff, 0x3fffffff, 0x00000000, 0x00000000, 0x40000000, 0xc0000000, 0x3fffffff,
  // Z
  0xfffffff5, 0xffffffff, 0xffffffff, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xffffffff,
  // c2
  0xe433c47f, 0x2ccd3427, 0x4c55d5b6, 0x7b8d1ff8, 0x5180aab2, 0xc978fc67, 0xe1d89b99, 0xda538e3b,
]);

/** P-384: Z = −12. */
export const P384_H2C: usize = memory.data<u32>([
  // c1
  0x3fffffff, 0x00000000, 0xc0000000, 0xbfffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  0xffffffff, 0xffffffff, 0xffffffff, 0x3fffffff,
  // Z
  0xfffffff3, 0x00000000, 0x00000000, 0xffffffff, 0xfffffffe, 0xffffffff, 0xffffffff, 0xffffffff,
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  // c2
  0xf5a626b3, 0x14e2ec69, 0xa80f7e19, 0x3c0de1f8, 0x9ccb80c5, 0x1f872fcb, 0xd68b5387, 0x7f98e383,
  0x83da2fdd, 0x71f0500e, 0x56b0249c, 0x2accb4a6,
]);

/** P-521: Z = −4. */
export const P521_H2C: usize = memory.data<u32>([
  // c1
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  0x0000007f,
  // Z
  0xfffffffb, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
  0x000001ff,
  // c2
  0x00000002, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, 0x00000000,
  0x00000000,
]);
