// The OPRF API (RFC 9497) on the active backend: round trips in every suite and mode with batches
// of one and several, the suites' sizes, every CryptoError path with its exact code (bad
// elements, proofs that fail, bad scalars, the POPRF InverseError and the client's matching
// InvalidInputError), argument errors, and inputs left unmutated.
import { randomBytes } from 'node:crypto';
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { p256, p256_hasher, p384, p384_hasher, p521, p521_hasher } from '@noble/curves/nist.js';
import { bytesToNumberBE, bytesToNumberLE, numberToBytesBE, numberToBytesLE } from '@noble/curves/utils.js';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  CryptoError,
  oprf,
  type CryptoErrorCode,
  type OprfBlinding,
  type OprfClient,
  type OprfEvaluation,
  type OprfKeyPair,
  type OprfModeName,
  type OprfServer,
  type OprfSuite,
  type OprfSuiteName,
} from 'oblivia';
import { hex } from '../helpers.js';

const rand = (n: number) => new Uint8Array(randomBytes(n));
const ascii = (text: string) => new TextEncoder().encode(text);

const NAMES: OprfSuiteName[] = ['ristretto255-SHA512', 'P256-SHA256', 'P384-SHA384', 'P521-SHA512'];
const MODES: OprfModeName[] = ['oprf', 'voprf', 'poprf'];
const ALL = NAMES.flatMap((name) => MODES.map((mode) => [`${name} ${mode}`, name, mode] as const));

/** noble's group per suite: the oracle for orders, off-curve encodings and HashToScalar. */
const NOBLE = {
  'ristretto255-SHA512': { Point: ristretto255.Point, hasher: ristretto255_hasher, le: true },
  'P256-SHA256': { Point: p256.Point, hasher: p256_hasher, le: false },
  'P384-SHA384': { Point: p384.Point, hasher: p384_hasher, le: false },
  'P521-SHA512': { Point: p521.Point, hasher: p521_hasher, le: false },
} as const;

const order = (name: OprfSuiteName) => NOBLE[name].Point.Fn.ORDER;
const encodeScalar = (name: OprfSuiteName, n: bigint, length: number) =>
  NOBLE[name].le ? numberToBytesLE(n, length) : numberToBytesBE(n, length);
const decodeScalar = (name: OprfSuiteName, b: Uint8Array) => (NOBLE[name].le ? bytesToNumberLE(b) : bytesToNumberBE(b));

/** The thrown error's class and, for CryptoError, its code. */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CryptoError) return `CryptoError ${e.code}`;
    return (e as Error).constructor.name;
  }
  return 'nothing';
}
const fails = (f: () => unknown, code: CryptoErrorCode) => expect(thrown(f)).toBe(`CryptoError ${code}`);

/** One full protocol run: client outputs, and the server's own Evaluate of each input. */
function run(suite: OprfSuite, inputs: Uint8Array[], info?: Uint8Array) {
  const keys = suite.generateKeyPair();
  const server = suite.server(keys.secretKey);
  const client = suite.mode === 'oprf' ? suite.client() : suite.client(keys.publicKey);
  const blinding = client.blind(inputs, { info });
  const evaluation = server.blindEvaluate(blinding.blinded, { info });
  return {
    keys,
    server,
    client,
    blinding,
    evaluation,
    outputs: client.finalize(blinding, evaluation),
    evaluated: inputs.map((i) => server.evaluate(i, { info })),
  };
}

describe('suites', () => {
  test.each(ALL)('%s: sizes', (_, name, mode) => {
    const suite = oprf.suite(name, mode);
    const sizes = {
      'ristretto255-SHA512': [32, 32, 64],
      'P256-SHA256': [33, 32, 32],
      'P384-SHA384': [49, 48, 48],
      'P521-SHA512': [67, 66, 64],
    }[name];
    expect([suite.name, suite.mode, suite.elementLength, suite.scalarLength, suite.outputLength]).toEqual([
      name,
      mode,
      ...sizes,
    ]);
    expect(suite.proofLength).toBe(mode === 'oprf' ? 0 : 2 * suite.scalarLength);
    const keys = suite.generateKeyPair();
    expect(keys.secretKey.length).toBe(suite.scalarLength);
    expect(keys.publicKey.length).toBe(suite.elementLength);
    const k = decodeScalar(name, keys.secretKey);
    expect(k > 0n && k < order(name)).toBe(true);
    expect(hex(keys.publicKey)).toBe(hex(NOBLE[name].Point.BASE.multiply(k).toBytes()));
    expect(hex(suite.server(keys.secretKey).publicKey)).toBe(hex(keys.publicKey));
  });

  test('deriveKeyPair depends on the mode (§3.2.1 contextString) and on info', () => {
    const seed = rand(32);
    const keys = MODES.map((mode) => hex(oprf.suite('P256-SHA256', mode).deriveKeyPair(seed, ascii('key')).secretKey));
    expect(new Set(keys).size).toBe(3);
    const voprf = oprf.suite('P256-SHA256', 'voprf');
    expect(hex(voprf.deriveKeyPair(seed, ascii('key')).secretKey)).toBe(keys[1]);
    expect(hex(voprf.deriveKeyPair(seed, new Uint8Array(0)).secretKey)).not.toBe(keys[1]);
  });
});

describe('round trips', () => {
  test.each(ALL)('%s: batches of 1 and 5, outputs equal Evaluate', (_, name, mode) => {
    const suite = oprf.suite(name, mode);
    for (const inputs of [[rand(16)], [new Uint8Array(0), rand(1), rand(33), rand(100), rand(7)]]) {
      const info = mode === 'poprf' ? rand(9) : undefined;
      const r = run(suite, inputs, info);
      expect(r.blinding.blinded.length).toBe(inputs.length);
      expect(r.evaluation.evaluated.length).toBe(inputs.length);
      expect(r.evaluation.proof?.length).toBe(mode === 'oprf' ? undefined : suite.proofLength);
      expect('proof' in r.evaluation).toBe(mode !== 'oprf');
      expect(r.outputs.map(hex)).toEqual(r.evaluated.map(hex));
      expect(r.outputs.every((o) => o.length === suite.outputLength)).toBe(true);
      expect(new Set(r.outputs.map(hex)).size).toBe(inputs.length);
    }
  });

  test.each(NAMES)('%s poprf: info defaults to empty, and different info gives a different PRF', (name) => {
    const suite = oprf.suite(name, 'poprf');
    const input = rand(8);
    const r = run(suite, [input]);
    expect(r.blinding.info).toEqual(new Uint8Array(0));
    expect(hex(r.outputs[0]!)).toBe(hex(r.server.evaluate(input, { info: new Uint8Array(0) })));
    expect(hex(r.server.evaluate(input, { info: ascii('a') }))).not.toBe(hex(r.outputs[0]!));
  });

  test('fresh blinds each call, the same output; a batch of 256', () => {
    const suite = oprf.suite('ristretto255-SHA512', 'voprf');
    const keys = suite.generateKeyPair();
    const server = suite.server(keys.secretKey);
    const client = suite.client(keys.publicKey);
    const input = rand(12);
    const a = client.blind([input]),
      b = client.blind([input]);
    expect(hex(a.blinds[0]!)).not.toBe(hex(b.blinds[0]!));
    expect(hex(a.blinded[0]!)).not.toBe(hex(b.blinded[0]!));
    const out = (x: typeof a) => hex(client.finalize(x, server.blindEvaluate(x.blinded))[0]!);
    expect(out(a)).toBe(out(b));
    const inputs = Array.from({ length: 256 }, (_, i) => Uint8Array.of(i));
    const blinding = client.blind(inputs);
    const outputs = client.finalize(blinding, server.blindEvaluate(blinding.blinded));
    expect(outputs.map(hex)).toEqual(inputs.map((i) => hex(server.evaluate(i))));
  });

  test('the blinding is plain data: a structured clone finalizes the same', () => {
    const suite = oprf.suite('P256-SHA256', 'poprf');
    const r = run(suite, [rand(5), rand(6)], ascii('epoch 7'));
    expect(Object.getPrototypeOf(r.blinding)).toBe(Object.prototype);
    const clone = structuredClone(r.blinding);
    expect(r.client.finalize(clone, r.evaluation).map(hex)).toEqual(r.outputs.map(hex));
  });

  test.each(MODES)('inputs are not mutated, and the blinding keeps its own copies (%s)', (mode) => {
    const suite = oprf.suite('ristretto255-SHA512', mode);
    const keys = suite.generateKeyPair();
    const info = mode === 'poprf' ? rand(4) : undefined;
    const inputs = [rand(10), rand(3)];
    const blinds = [suite.generateKeyPair().secretKey, suite.generateKeyPair().secretKey];
    const r = suite.generateKeyPair().secretKey;
    const all = () => [keys.secretKey, keys.publicKey, ...inputs, ...blinds, r, ...(info ? [info] : [])].map(hex);
    const before = all();
    const server = suite.server(keys.secretKey);
    const client = mode === 'oprf' ? suite.client() : suite.client(keys.publicKey);
    const blinding = client.blind(inputs, { info, blinds });
    const evaluation = server.blindEvaluate(blinding.blinded, {
      info,
      proofRandomness: mode === 'oprf' ? undefined : r,
    });
    const sent = [...blinding.blinded, ...evaluation.evaluated, ...(evaluation.proof ? [evaluation.proof] : [])].map(
      hex,
    );
    const outputs = client.finalize(blinding, evaluation).map(hex);
    server.evaluate(inputs[0]!, { info });
    expect(all()).toEqual(before);
    expect(
      [...blinding.blinded, ...evaluation.evaluated, ...(evaluation.proof ? [evaluation.proof] : [])].map(hex),
    ).toEqual(sent);
    // The caller's buffers changing afterwards changes nothing.
    for (const b of [...inputs, ...blinds, keys.secretKey, keys.publicKey]) b.fill(0);
    expect(client.finalize(blinding, evaluation).map(hex)).toEqual(outputs);
    expect(hex(server.evaluate(blinding.inputs[0]!, { info }))).toBe(outputs[0]);
  });
});

/** Encodings that are not elements: ristretto255 non-canonical and the identity; NIST off-curve,
 *  x ≥ p, wrong prefixes. */
function badElements(name: OprfSuiteName, valid: Uint8Array): [string, Uint8Array][] {
  if (name === 'ristretto255-SHA512') {
    const negative = Uint8Array.of(1, ...new Uint8Array(31)); // s odd: not canonical (RFC 9496 §4.3.1)
    return [
      ['all ff', new Uint8Array(32).fill(0xff)],
      ['negative s', negative],
      ['identity', new Uint8Array(32)],
    ];
  }
  const { Point } = NOBLE[name];
  const offCurve = new Uint8Array(valid.length);
  offCurve[0] = 2;
  for (let x = 1; ; x++) {
    offCurve[offCurve.length - 1] = x;
    if (thrown(() => Point.fromBytes(offCurve)) !== 'nothing') break;
  }
  const prefixed = (p: number) => Uint8Array.of(p, ...valid.subarray(1));
  return [
    ['off the curve', offCurve],
    ['x ≥ p', Uint8Array.of(3, ...new Uint8Array(valid.length - 1).fill(0xff))],
    ['prefix 0x04', prefixed(4)],
    ['prefix 0x00', prefixed(0)],
    ['prefix 0x05', prefixed(5)],
    ['all zero', new Uint8Array(valid.length)],
  ];
}

/** skS = −HashToScalar(framedInfo) mod order (§3.3.3), so skS + m = 0. */
function inverseZeroKey(name: OprfSuiteName, suite: OprfSuite, info: Uint8Array): Uint8Array {
  const context = Uint8Array.from([...ascii('OPRFV1-'), 2, ...ascii(`-${name}`)]);
  const framed = Uint8Array.from([...ascii('Info'), info.length >> 8, info.length & 0xff, ...info]);
  const m = NOBLE[name].hasher.hashToScalar(framed, { DST: Uint8Array.from([...ascii('HashToScalar-'), ...context]) });
  return encodeScalar(name, (order(name) - m) % order(name), suite.scalarLength);
}

describe('crypto errors', () => {
  test.each(ALL)('%s: INVALID_POINT for blinded and evaluated elements and public keys', (_, name, mode) => {
    const suite = oprf.suite(name, mode);
    const r = run(suite, [rand(4), rand(5)], mode === 'poprf' ? rand(3) : undefined);
    const info = r.blinding.info;
    for (const [, bad] of badElements(name, r.blinding.blinded[0]!)) {
      fails(() => r.server.blindEvaluate([r.blinding.blinded[0]!, bad], { info }), 'INVALID_POINT');
      fails(
        () => r.client.finalize(r.blinding, { ...r.evaluation, evaluated: [r.evaluation.evaluated[0]!, bad] }),
        'INVALID_POINT',
      );
      if (mode !== 'oprf') {
        // The blinded elements are checked too (they enter the proof), and the key.
        fails(
          () => r.client.finalize({ ...r.blinding, blinded: [bad, r.blinding.blinded[1]!] }, r.evaluation),
          'INVALID_POINT',
        );
        const client = suite.client(bad);
        if (mode === 'voprf') fails(() => client.finalize(r.blinding, r.evaluation), 'INVALID_POINT');
        else fails(() => client.blind([rand(4)], { info }), 'INVALID_POINT');
      }
    }
  });

  test.each(ALL.filter(([, , mode]) => mode !== 'oprf'))('%s: PROOF_FAILED', (_, name, mode) => {
    const suite = oprf.suite(name, mode);
    const info = mode === 'poprf' ? rand(3) : undefined;
    const r = run(suite, [rand(4), rand(5)], info);
    const proof = r.evaluation.proof!;
    const ns = suite.scalarLength;
    const flip = (at: number) => proof.map((b, i) => (i === at ? b ^ 1 : b));
    const withProof = (p: Uint8Array) => ({ ...r.evaluation, proof: p });
    fails(() => r.client.finalize(r.blinding, withProof(flip(ns - 1))), 'PROOF_FAILED'); // c
    fails(() => r.client.finalize(r.blinding, withProof(flip(ns + 1))), 'PROOF_FAILED'); // s
    const big = Uint8Array.of(...proof.subarray(0, ns), ...encodeScalar(name, order(name), ns)); // s = order
    fails(() => r.client.finalize(r.blinding, withProof(big)), 'PROOF_FAILED');
    fails(() => r.client.finalize(r.blinding, withProof(new Uint8Array(2 * ns))), 'PROOF_FAILED');
    // Evaluated elements swapped, or one replaced by a valid element of another evaluation.
    const [e0, e1] = r.evaluation.evaluated as [Uint8Array, Uint8Array];
    fails(() => r.client.finalize(r.blinding, { ...r.evaluation, evaluated: [e1, e0] }), 'PROOF_FAILED');
    const other = run(suite, [rand(4)], info);
    fails(
      () => r.client.finalize(r.blinding, { ...r.evaluation, evaluated: [e0, other.evaluation.evaluated[0]!] }),
      'PROOF_FAILED',
    );
    // A server with another key, against the client's public key.
    fails(
      () => r.client.finalize(r.blinding, other.server.blindEvaluate(r.blinding.blinded, { info })),
      'PROOF_FAILED',
    );
    // The client with another public key.
    const client = suite.client(other.keys.publicKey);
    const blinding = client.blind(r.blinding.inputs, { info, blinds: r.blinding.blinds });
    fails(() => client.finalize(blinding, r.server.blindEvaluate(blinding.blinded, { info })), 'PROOF_FAILED');
    if (mode === 'poprf')
      fails(
        () => r.client.finalize(r.blinding, r.server.blindEvaluate(r.blinding.blinded, { info: rand(3) })),
        'PROOF_FAILED',
      );
    // The untouched response still finalizes.
    expect(r.client.finalize(r.blinding, r.evaluation).map(hex)).toEqual(r.outputs.map(hex));
  });

  test.each(ALL)('%s: INVALID_SCALAR for keys, blinds and proof randomness 0 or ≥ order', (_, name, mode) => {
    const suite = oprf.suite(name, mode);
    const ns = suite.scalarLength;
    const bad = [
      encodeScalar(name, 0n, ns),
      encodeScalar(name, order(name), ns),
      encodeScalar(name, order(name) + 1n, ns),
      new Uint8Array(ns).fill(0xff),
    ];
    const r = run(suite, [rand(4)], mode === 'poprf' ? rand(2) : undefined);
    const info = r.blinding.info;
    for (const scalar of bad) {
      fails(() => suite.server(scalar), 'INVALID_SCALAR');
      fails(
        () => r.client.blind([rand(4), rand(4)], { info, blinds: [r.blinding.blinds[0]!, scalar] }),
        'INVALID_SCALAR',
      );
      fails(() => r.client.finalize({ ...r.blinding, blinds: [scalar] }, r.evaluation), 'INVALID_SCALAR');
      if (mode !== 'oprf')
        fails(() => r.server.blindEvaluate(r.blinding.blinded, { info, proofRandomness: scalar }), 'INVALID_SCALAR');
    }
    // order − 1 is a valid key.
    expect(suite.server(encodeScalar(name, order(name) - 1n, ns)).publicKey.length).toBe(suite.elementLength);
  });

  test.each(NAMES)(
    '%s poprf: skS = −HashToScalar(framedInfo) → INVERSE_ZERO; its public key → INVALID_INPUT',
    (name) => {
      const suite = oprf.suite(name, 'poprf');
      const info = ascii('epoch 2026-12');
      const server = suite.server(inverseZeroKey(name, suite, info));
      const client = suite.client(server.publicKey);
      const blinded = run(suite, [rand(4)], info).blinding.blinded;
      fails(() => server.blindEvaluate(blinded, { info }), 'INVERSE_ZERO');
      fails(() => server.evaluate(rand(4), { info }), 'INVERSE_ZERO');
      fails(() => client.blind([rand(4)], { info }), 'INVALID_INPUT');
      // Any other info works with the same key.
      const other = ascii('epoch 2027-01');
      const blinding = client.blind([rand(4)], { info: other });
      const outputs = client.finalize(blinding, server.blindEvaluate(blinding.blinded, { info: other }));
      expect(hex(outputs[0]!)).toBe(hex(server.evaluate(blinding.inputs[0]!, { info: other })));
    },
  );
});

describe('argument errors', () => {
  const suite = oprf.suite('P256-SHA256', 'voprf');
  let keys: OprfKeyPair, server: OprfServer, client: OprfClient, blinding: OprfBlinding, evaluation: OprfEvaluation;
  beforeAll(() => {
    keys = suite.generateKeyPair();
    server = suite.server(keys.secretKey);
    client = suite.client(keys.publicKey);
    blinding = client.blind([rand(3), rand(3)]);
    evaluation = server.blindEvaluate(blinding.blinded);
  });
  const error = (f: () => unknown, type: typeof TypeError | typeof RangeError, message: string) => {
    expect(f).toThrow(message);
    expect(thrown(f)).toBe(type.name);
  };

  test('suite names and modes', () => {
    error(
      () => oprf.suite('decaf448-SHAKE256' as OprfSuiteName, 'oprf'),
      TypeError,
      '"name" expected one of ristretto255-SHA512, P256-SHA256, P384-SHA384, P521-SHA512, got decaf448-SHAKE256',
    );
    error(() => oprf.suite(undefined as never, 'oprf'), TypeError, '"name" expected one of');
    error(
      () => oprf.suite('P256-SHA256', 'VOPRF' as OprfModeName),
      TypeError,
      '"mode" expected one of oprf, voprf, poprf, got VOPRF',
    );
    error(
      () => oprf.suite('P256-SHA256', 1 as never),
      TypeError,
      '"mode" expected one of oprf, voprf, poprf, got number',
    );
    error(() => oprf.suite('toString' as never, 'oprf'), TypeError, '"name" expected one of');
  });

  test('keys', () => {
    error(
      () => suite.deriveKeyPair(rand(31), rand(1)),
      RangeError,
      '"seed" expected Uint8Array of length 32, got length=31',
    );
    error(
      () => suite.deriveKeyPair(rand(32), undefined as never),
      TypeError,
      '"info" expected Uint8Array, got undefined',
    );
    error(
      () => suite.deriveKeyPair(rand(32), new Uint8Array(65536)),
      RangeError,
      '"info" expected Uint8Array of length <= 65535, got length=65536',
    );
    expect(suite.deriveKeyPair(rand(32), new Uint8Array(65535)).secretKey.length).toBe(32);
    error(() => suite.server(rand(33)), RangeError, '"secretKey" expected Uint8Array of length 32, got length=33');
    error(() => suite.server(hex(keys.secretKey) as never), TypeError, '"secretKey" expected Uint8Array, got string');
    error(() => suite.client(), TypeError, '"publicKey" expected Uint8Array, got undefined');
    error(() => suite.client(rand(65)), RangeError, '"publicKey" expected Uint8Array of length 33, got length=65');
    error(
      () => oprf.suite('P256-SHA256', 'oprf').client(keys.publicKey),
      TypeError,
      '"publicKey" is not taken in the oprf mode',
    );
  });

  test('blind', () => {
    error(() => client.blind(rand(3) as never), TypeError, '"inputs" expected an array of Uint8Array, got Uint8Array');
    error(() => client.blind([]), RangeError, '"inputs" expected 1 to 256 elements, got 0');
    error(
      () => client.blind(Array.from({ length: 257 }, () => rand(1))),
      RangeError,
      '"inputs" expected 1 to 256 elements, got 257',
    );
    error(() => client.blind([rand(1), 'x' as never]), TypeError, '"inputs[1]" expected Uint8Array, got string');
    error(
      () => client.blind([new Uint8Array(65536)]),
      RangeError,
      '"inputs[0]" expected Uint8Array of length <= 65535, got length=65536',
    );
    expect(client.blind([new Uint8Array(65535)]).blinded.length).toBe(1);
    error(() => client.blind([rand(1)], { info: rand(1) }), TypeError, '"info" is not taken in the voprf mode');
    error(() => client.blind([rand(1)], 'x' as never), TypeError, '"options" expected object, got string');
    error(
      () => client.blind([rand(1)], { blinds: [keys.secretKey, keys.secretKey] }),
      RangeError,
      '"blinds" expected 1 elements, got 2',
    );
    error(
      () => client.blind([rand(1)], { blinds: [rand(31)] }),
      RangeError,
      '"blinds[0]" expected Uint8Array of length 32, got length=31',
    );
    error(
      () => client.blind([rand(1)], { blinds: keys.secretKey as never }),
      TypeError,
      '"blinds" expected an array of Uint8Array',
    );
    const poprf = oprf.suite('P256-SHA256', 'poprf');
    const poprfClient = poprf.client(poprf.generateKeyPair().publicKey);
    error(
      () => poprfClient.blind([rand(1)], { info: new Uint8Array(65536) }),
      RangeError,
      '"info" expected Uint8Array of length <= 65535, got length=65536',
    );
    error(
      () => poprfClient.blind([rand(1)], { info: 'x' as never }),
      TypeError,
      '"info" expected Uint8Array, got string',
    );
  });

  test('blindEvaluate and evaluate', () => {
    error(
      () => server.blindEvaluate([rand(32)]),
      RangeError,
      '"blinded[0]" expected Uint8Array of length 33, got length=32',
    );
    error(() => server.blindEvaluate([]), RangeError, '"blinded" expected 1 to 256 elements, got 0');
    error(
      () => server.blindEvaluate(blinding.blinded, { info: rand(1) }),
      TypeError,
      '"info" is not taken in the voprf mode',
    );
    error(
      () => server.blindEvaluate(blinding.blinded, { proofRandomness: rand(31) }),
      RangeError,
      '"proofRandomness" expected Uint8Array of length 32, got length=31',
    );
    const oprfSuite = oprf.suite('P256-SHA256', 'oprf');
    error(
      () => oprfSuite.server(keys.secretKey).blindEvaluate(blinding.blinded, { proofRandomness: keys.secretKey }),
      TypeError,
      '"proofRandomness" is not taken in the oprf mode',
    );
    error(() => server.evaluate('x' as never), TypeError, '"input" expected Uint8Array, got string');
    error(
      () => server.evaluate(new Uint8Array(65536)),
      RangeError,
      '"input" expected Uint8Array of length <= 65535, got length=65536',
    );
    error(() => server.evaluate(rand(1), { info: rand(1) }), TypeError, '"info" is not taken in the voprf mode');
  });

  test('finalize', () => {
    const [e0] = evaluation.evaluated as [Uint8Array];
    error(
      () => client.finalize(blinding, { ...evaluation, evaluated: [e0] }),
      RangeError,
      '"evaluation.evaluated" expected 2 elements, got 1',
    );
    error(
      () => client.finalize(blinding, { evaluated: evaluation.evaluated }),
      TypeError,
      '"evaluation.proof" expected Uint8Array, got undefined',
    );
    error(
      () => client.finalize(blinding, { ...evaluation, proof: evaluation.proof!.subarray(1) }),
      RangeError,
      '"evaluation.proof" expected Uint8Array of length 64, got length=63',
    );
    error(
      () => client.finalize(undefined as never, evaluation),
      TypeError,
      '"blinding" expected object, got undefined',
    );
    error(
      () => client.finalize({ ...blinding, inputs: undefined } as never, evaluation),
      TypeError,
      '"blinding.inputs" expected an array of Uint8Array, got undefined',
    );
    error(() => client.finalize(blinding, null as never), TypeError, '"evaluation" expected object, got null');
    error(
      () => client.finalize({ ...blinding, blinds: [blinding.blinds[0]!] }, evaluation),
      RangeError,
      '"blinding.blinds" expected 2 elements, got 1',
    );
    error(
      () => client.finalize({ ...blinding, blinded: [blinding.blinded[0]!] }, evaluation),
      RangeError,
      '"blinding.blinded" expected 2 elements, got 1',
    );
    error(
      () => client.finalize({ ...blinding, info: rand(1) }, evaluation),
      TypeError,
      '"blinding.info" is not taken in the voprf mode',
    );
    const oprfSuite = oprf.suite('P256-SHA256', 'oprf');
    const oprfClient = oprfSuite.client();
    const b = oprfClient.blind([rand(2)]);
    const e = oprfSuite.server(keys.secretKey).blindEvaluate(b.blinded);
    error(
      () => oprfClient.finalize(b, { ...e, proof: evaluation.proof! }),
      TypeError,
      '"evaluation.proof" is not taken in the oprf mode',
    );
    const poprf = oprf.suite('P256-SHA256', 'poprf');
    const poprfClient = poprf.client(poprf.generateKeyPair().publicKey);
    const pb = poprfClient.blind([rand(2)]);
    error(
      () => poprfClient.finalize({ ...pb, tweakedKey: undefined }, evaluation),
      TypeError,
      '"blinding.tweakedKey" expected Uint8Array, got undefined',
    );
  });
});
