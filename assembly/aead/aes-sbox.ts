// The AES S-box (FIPS 197 §5.1.1) as a boolean circuit over bit planes, so that no table is ever
// indexed by a secret. The circuit is the 113-gate one of Boyar and Peralta ("A new combinational
// logic minimization technique with applications to cryptology", SEA 2010; gate names follow the
// paper) without its four NOT gates: it computes S(x) XOR 0x63, and the callers add the constant
// back (the cipher folds it into its round keys). A plane holds one bit of many bytes (a v128, u64
// or u32 word), so one pass substitutes all the bytes of a bitsliced state.

// @ts-ignore: decorator
@inline export function xor<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>v128.xor(<v128>a, <v128>b);
  // @ts-ignore: integer T
  return a ^ b;
}

// @ts-ignore: decorator
@inline export function and<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>v128.and(<v128>a, <v128>b);
  // @ts-ignore: integer T
  return a & b;
}

/**
 * Substitutes, in place, the bytes spread over eight planes at `p`, `p + 16`, …, `p + 112`: the
 * plane at `p + 16·b` holds bit b (bit 0 = least significant) of every byte. Returns S(x) ^ 0x63.
 */
// @ts-ignore: decorator
@inline export function sboxPlanes<T>(p: usize): void {
  // The paper's inputs: x0 is the most significant bit.
  const x0 = load<T>(p, 112), x1 = load<T>(p, 96), x2 = load<T>(p, 80), x3 = load<T>(p, 64);
  const x4 = load<T>(p, 48), x5 = load<T>(p, 32), x6 = load<T>(p, 16), x7 = load<T>(p, 0);

  // Top linear transformation.
  const y14 = xor<T>(x3, x5), y13 = xor<T>(x0, x6), y9 = xor<T>(x0, x3), y8 = xor<T>(x0, x5);
  const t0 = xor<T>(x1, x2), y1 = xor<T>(t0, x7), y4 = xor<T>(y1, x3), y12 = xor<T>(y13, y14);
  const y2 = xor<T>(y1, x0), y5 = xor<T>(y1, x6), y3 = xor<T>(y5, y8), t1 = xor<T>(x4, y12);
  const y15 = xor<T>(t1, x5), y20 = xor<T>(t1, x1), y6 = xor<T>(y15, x7), y10 = xor<T>(y15, t0);
  const y11 = xor<T>(y20, y9), y7 = xor<T>(x7, y11), y17 = xor<T>(y10, y11), y19 = xor<T>(y10, y8);
  const y16 = xor<T>(t0, y11), y21 = xor<T>(y13, y16), y18 = xor<T>(x0, y16);

  // Shared middle part: inversion in GF(2^8) through GF(2^4).
  const t2 = and<T>(y12, y15), t3 = and<T>(y3, y6), t4 = xor<T>(t3, t2), t5 = and<T>(y4, x7);
  const t6 = xor<T>(t5, t2), t7 = and<T>(y13, y16), t8 = and<T>(y5, y1), t9 = xor<T>(t8, t7);
  const t10 = and<T>(y2, y7), t11 = xor<T>(t10, t7), t12 = and<T>(y9, y11), t13 = and<T>(y14, y17);
  const t14 = xor<T>(t13, t12), t15 = and<T>(y8, y10), t16 = xor<T>(t15, t12), t17 = xor<T>(t4, t14);
  const t18 = xor<T>(t6, t16), t19 = xor<T>(t9, t14), t20 = xor<T>(t11, t16), t21 = xor<T>(t17, y20);
  const t22 = xor<T>(t18, y19), t23 = xor<T>(t19, y21), t24 = xor<T>(t20, y18);

  const t25 = xor<T>(t21, t22), t26 = and<T>(t21, t23), t27 = xor<T>(t24, t26), t28 = and<T>(t25, t27);
  const t29 = xor<T>(t28, t22), t30 = xor<T>(t23, t24), t31 = xor<T>(t22, t26), t32 = and<T>(t31, t30);
  const t33 = xor<T>(t32, t24), t34 = xor<T>(t23, t33), t35 = xor<T>(t27, t33), t36 = and<T>(t24, t35);
  const t37 = xor<T>(t36, t34), t38 = xor<T>(t27, t36), t39 = and<T>(t29, t38), t40 = xor<T>(t25, t39);

  const t41 = xor<T>(t40, t37), t42 = xor<T>(t29, t33), t43 = xor<T>(t29, t40), t44 = xor<T>(t33, t37);
  const t45 = xor<T>(t42, t41);
  const z0 = and<T>(t44, y15), z1 = and<T>(t37, y6), z2 = and<T>(t33, x7), z3 = and<T>(t43, y16);
  const z4 = and<T>(t40, y1), z5 = and<T>(t29, y7), z6 = and<T>(t42, y11), z7 = and<T>(t45, y17);
  const z8 = and<T>(t41, y10), z9 = and<T>(t44, y12), z10 = and<T>(t37, y3), z11 = and<T>(t33, y4);
  const z12 = and<T>(t43, y13), z13 = and<T>(t40, y5), z14 = and<T>(t29, y2), z15 = and<T>(t42, y9);
  const z16 = and<T>(t45, y14), z17 = and<T>(t41, y8);

  // Bottom linear transformation (the affine constant 0x63 left out: s1, s2, s6 and s7 unnegated).
  const t46 = xor<T>(z15, z16), t47 = xor<T>(z10, z11), t48 = xor<T>(z5, z13), t49 = xor<T>(z9, z10);
  const t50 = xor<T>(z2, z12), t51 = xor<T>(z2, z5), t52 = xor<T>(z7, z8), t53 = xor<T>(z0, z3);
  const t54 = xor<T>(z6, z7), t55 = xor<T>(z16, z17), t56 = xor<T>(z12, t48), t57 = xor<T>(t50, t53);
  const t58 = xor<T>(z4, t46), t59 = xor<T>(z3, t54), t60 = xor<T>(t46, t57), t61 = xor<T>(z14, t57);
  const t62 = xor<T>(t52, t58), t63 = xor<T>(t49, t58), t64 = xor<T>(z4, t59), t65 = xor<T>(t61, t62);
  const t66 = xor<T>(z1, t63), t67 = xor<T>(t64, t65);
  const s3 = xor<T>(t53, t66);
  store<T>(p, xor<T>(t59, t63), 112); // s0
  store<T>(p, xor<T>(t64, s3), 96); // s1
  store<T>(p, xor<T>(t55, t67), 80); // s2
  store<T>(p, s3, 64);
  store<T>(p, xor<T>(t51, t66), 48); // s4
  store<T>(p, xor<T>(t47, t65), 32); // s5
  store<T>(p, xor<T>(t56, t62), 16); // s6
  store<T>(p, xor<T>(t48, t60), 0); // s7
}
