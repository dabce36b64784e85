// The byte layouts of docs/credentials.md, checked independently: attribute framing and `info`, the
// key id (against node:crypto's SHA-256), the issuance request, response and token layouts, the
// redemption tag (against node:crypto's HKDF and HMAC), and argument errors on bad attributes.
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { credentials, oprf } from 'oblivia';
import { frameAttributes, infoOf } from 'oblivia/credentials/attributes.js';
import { hex } from '../helpers.js';

const ATTRS = { epoch: 0x01020304, values: ['ab', Uint8Array.of(0xff)] };

describe('framing', () => {
  test('count, then the epoch and each value length-prefixed; info prefixed with the protocol label', () => {
    expect(hex(frameAttributes(ATTRS))).toBe('0003' + '0004' + '01020304' + '0002' + '6162' + '0001' + 'ff');
    expect(hex(frameAttributes({ epoch: 0, values: [] }))).toBe('0001000400000000');
    expect(Buffer.from(infoOf(frameAttributes(ATTRS))).toString('latin1')).toBe(
      'oblivia-acs-v1\x00\x03\x00\x04\x01\x02\x03\x04\x00\x02ab\x00\x01\xff',
    );
  });

  test('bad attributes are TypeError or RangeError', () => {
    const error = (a: unknown) => {
      try {
        frameAttributes(a as never);
        return 'nothing';
      } catch (e) {
        return (e as Error).constructor.name;
      }
    };
    expect(error(null)).toBe('TypeError');
    expect(error({ epoch: '1', values: [] })).toBe('TypeError');
    expect(error({ epoch: 1, values: 'x' })).toBe('TypeError');
    expect(error({ epoch: 1, values: [1] })).toBe('TypeError');
    expect(error({ epoch: -1, values: [] })).toBe('RangeError');
    expect(error({ epoch: 2 ** 32, values: [] })).toBe('RangeError');
    expect(error({ epoch: 1.5, values: [] })).toBe('RangeError');
    // MAX_FRAMED_ATTRIBUTES (4096) less the count, the epoch item and the value's length prefix.
    expect(error({ epoch: 1, values: [new Uint8Array(4096 - 8 - 2 + 1)] })).toBe('RangeError');
    expect(error({ epoch: 1, values: [new Uint8Array(4096 - 8 - 2)] })).toBe('nothing');
  });
});

test('key id, request, response and token layouts, and the tag', async () => {
  const suite = oprf.suite('ristretto255-SHA512', 'poprf');
  const { secretKey, publicKey } = suite.generateKeyPair();
  const issuer = credentials.issuer({ secretKey });
  const client = credentials.client({ publicKey });
  const keyId = createHash('sha256')
    .update('oblivia-acs-v1 keyristretto255-SHA512')
    .update(publicKey)
    .digest()
    .subarray(0, 8);
  expect(hex(issuer.keyId)).toBe(hex(keyId));
  expect(hex(client.keyId)).toBe(hex(keyId));

  const framed = frameAttributes(ATTRS);
  const { bytes: request, pending } = client.request(ATTRS, 3);
  expect(request.length).toBe(1 + 8 + framed.length + 2 + 3 * 32);
  expect(hex(request.subarray(0, 9 + framed.length + 2))).toBe('01' + hex(keyId) + hex(framed) + '0003');

  const response = issuer.issue(request);
  expect(response.length).toBe(1 + 2 + 3 * 32 + 64);
  expect(hex(response.subarray(0, 3))).toBe('010003');

  const [credential] = client.finalize(pending, response);
  const output = suite.server(secretKey).evaluate(credential!.input, { info: infoOf(framed) });
  const key = new Uint8Array(hkdfSync('sha256', output, new Uint8Array(0), 'oblivia-acs-v1 redeem', 32));
  expect(hex(credential!.key)).toBe(hex(key));

  const binding = new Uint8Array(32).fill(0xab);
  const input = credential!.input.slice();
  const token = client.redeem(credential!, binding);
  const tag = createHmac('sha256', key).update(binding).digest();
  expect(hex(token)).toBe('01' + hex(keyId) + hex(framed) + hex(input) + hex(tag));
  const verifier = credentials.verifier({
    secretKey,
    store: credentials.memorySpentStore(),
    acceptEpoch: (e) => e === ATTRS.epoch,
  });
  const { attributes } = await verifier.verify(token, binding);
  expect(attributes.values.map(hex)).toEqual(['6162', 'ff']);
});
