// Oblivious HTTP (RFC 9458) message work for a 1 KiB Binary HTTP request and response, with the
// suite of RFC 9458 Appendix A (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM): what a
// client does per request (§4.3 encapsulation), what a gateway does (§4.3 decapsulation and §4.4
// response encapsulation), and a whole round trip. Only oblivia implements it: wasm against js.
import { hpke, ohttp } from '../../bindings/index.js';
import { bytes, KiB } from '../inputs.js';
import type { BenchCase, Impl } from '../types.js';

export const OHTTP_BODY = KiB;

export type OhttpOp = 'client' | 'gateway' | 'round-trip';

/** `ohttp-client-1KiB`, … */
export const ohttpCaseId = (op: OhttpOp): string => `ohttp-${op}-1KiB`;

/** The same call on the wasm (SIMD build) and js backends. */
function bothBackends(run: () => Uint8Array): Impl[] {
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', run },
    { name: 'oblivia js', backend: 'js', run },
  ];
}

export function ohttpCases(): BenchCase[] {
  const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const request = bytes(OHTTP_BODY, 90);
  const response = bytes(OHTTP_BODY, 91);
  const { encapsulatedRequest } = ohttp.encapsulateRequest(key, request);
  const common = { unit: 'ops/s', bytes: OHTTP_BODY, group: 'ohttp' } as const;
  return [
    {
      ...common,
      id: ohttpCaseId('client'),
      title: 'OHTTP client: encapsulate a 1 KiB request',
      expected: 'randomized',
      impls: bothBackends(() => {
        return ohttp.encapsulateRequest(key, request).encapsulatedRequest;
      }),
    },
    {
      ...common,
      id: ohttpCaseId('gateway'),
      title: 'OHTTP gateway: decapsulate a 1 KiB request, encapsulate a 1 KiB response',
      expected: 'randomized',
      impls: bothBackends(() => {
        return ohttp.decapsulateRequest(key, encapsulatedRequest).context.encapsulateResponse(response);
      }),
    },
    {
      ...common,
      id: ohttpCaseId('round-trip'),
      title: 'OHTTP round trip: client and gateway, 1 KiB each way',
      expected: response,
      impls: bothBackends(() => {
        const client = ohttp.encapsulateRequest(key, request);
        const gateway = ohttp.decapsulateRequest(key, client.encapsulatedRequest);
        return client.context.decapsulateResponse(gateway.context.encapsulateResponse(response));
      }),
    },
  ];
}
