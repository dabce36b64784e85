// Anonymous credentials (oblivia-acs-v1 on RFC 9497 POPRF, ristretto255-SHA512): the issuer answering
// an issuance request of 1 and of 10 blinded token inputs (BlindEvaluate with one DLEQ proof), and
// the verifier redeeming a token (Evaluate, HKDF, HMAC, constant-time compare) with the in-memory
// spent-store check-and-add. Only oblivia implements it: wasm against js.
import { credentials, oprf, useBackend, type SpentStore } from '../../bindings/index.js';
import { bytes } from '../inputs.js';
import type { BenchCase, Impl, ImplName } from '../types.js';

/** Issuance batch sizes. */
export const CREDENTIAL_BATCHES = [1, 10];
/** Distinct tokens each verifier cycles through; when they run out its spent store starts afresh. */
const TOKEN_POOL = 2048;

export type CredentialOp = 'issue' | 'redeem';

/** `credentials-issue-10`, `credentials-redeem-1`. */
export const credentialCaseId = (op: CredentialOp, batch: number): string => `credentials-${op}-${batch}`;

const BACKENDS: readonly { readonly name: ImplName; readonly backend: 'wasm' | 'js' }[] = [
  { name: 'oblivia wasm', backend: 'wasm' },
  { name: 'oblivia js', backend: 'js' },
];

function bothBackends(run: (backend: 'wasm' | 'js') => Impl['run']): Impl[] {
  return BACKENDS.map(({ name, backend }) => ({
    name,
    backend,
    ...(backend === 'wasm' ? { build: 'simd' as const } : {}),
    run: run(backend),
  }));
}

export function credentialCases(): BenchCase[] {
  useBackend('wasm');
  const { secretKey, publicKey } = oprf
    .suite('ristretto255-SHA512', 'poprf')
    .deriveKeyPair(bytes(32, 120), bytes(16, 121));
  const attributes = { epoch: credentials.currentEpoch(), values: ['bench'] };
  const issuer = credentials.issuer({ secretKey, maxBatch: 256 });
  const client = credentials.client({ publicKey });
  const requests = CREDENTIAL_BATCHES.map((batch) => client.request(attributes, batch).bytes);

  // The tokens every verifier redeems: issued once, each bound to its own 32-byte binding.
  const tokens: { token: Uint8Array; binding: Uint8Array }[] = [];
  while (tokens.length < TOKEN_POOL) {
    const { bytes: request, pending } = client.request(attributes, 256);
    for (const credential of client.finalize(pending, issuer.issue(request))) {
      const binding = crypto.getRandomValues(new Uint8Array(32));
      tokens.push({ token: client.redeem(credential, binding), binding });
    }
  }
  useBackend(undefined);

  const issueCases: BenchCase[] = CREDENTIAL_BATCHES.map((batch, i) => ({
    id: credentialCaseId('issue', batch),
    title: `Credential issuer: issue a batch of ${batch} (BlindEvaluate + proof)`,
    chartLabel: ['Credential issuer', `batch of ${batch}`],
    group: 'credentials',
    unit: 'ops/s',
    bytes: requests[i]!.length,
    expected: 'randomized',
    impls: bothBackends(() => () => {
      return issuer.issue(requests[i]!);
    }),
  }));

  const redeemCase: BenchCase = {
    id: credentialCaseId('redeem', 1),
    title: 'Credential verifier: redeem a token (with the spent-store check)',
    chartLabel: ['Credential verifier', 'redeem with spent check'],
    group: 'credentials',
    unit: 'ops/s',
    bytes: tokens[0]!.token.length,
    expected: issuer.keyId,
    impls: bothBackends(() => {
      // A memory store behind one indirection, swapped for an empty one when the pool wraps.
      let inner = credentials.memorySpentStore();
      const store: SpentStore = {
        add: (scope, input) => inner.add(scope, input),
        has: (scope, input) => inner.has(scope, input),
        expire: (before) => inner.expire(before),
      };
      const verifier = credentials.verifier({ secretKey, store });
      let next = 0;
      return () => {
        if (next === TOKEN_POOL) {
          next = 0;
          inner = credentials.memorySpentStore();
        }
        const { token, binding } = tokens[next++]!;
        return verifier.verify(token, binding).then((verified) => verified.keyId);
      };
    }),
  };
  return [...issueCases, redeemCase];
}
