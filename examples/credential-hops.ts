// The anonymous credentials of examples/private-processing.ts (RFC 9497 POPRF, docs/credentials.md):
// the issuer on a loopback socket, the gateway's authorizer, and a client's wallet. The issuer
// vouches for a client (an app would authenticate it first) with a batch of credentials for today
// and the use case; it sees only blinded elements. The gateway verifies with the same key and
// refuses a spent token. `saw` gets what the issuer and the gateway saw.
import { credentials, oprf, type Credential } from '../bindings/index.js';
import { serveNode } from '../bindings/node.js';

const ELEMENT = 32; // ristretto255-SHA512: blinded elements and token inputs are 32 bytes
const hex16 = (bytes: Uint8Array) => `${Buffer.from(bytes).toString('hex').slice(0, 16)}…`;

/** An issuance request as the issuer reads it: version, key id, the framed attributes (a count,
 *  then length-prefixed items, the epoch first), N, then N blinded elements. */
function describeIssuance(body: Uint8Array): string {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 1 + 8;
  const items = view.getUint16(at);
  at += 2;
  const epoch = view.getUint32(at + 2);
  for (let i = 0; i < items; i++) at += 2 + view.getUint16(at);
  const count = view.getUint16(at);
  return `epoch ${epoch} and ${items - 1} attribute value(s); ${count} blinded elements, the first ${hex16(body.subarray(at + 2, at + 2 + ELEMENT))}`;
}

export async function credentialHops(saw: { issuer: string; gatewayToken: string }) {
  const issuerKey = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
  const issuerHandler = credentials.issuerHandler(
    credentials.issuer({ secretKey: issuerKey.secretKey, policy: (a) => a.epoch === credentials.currentEpoch() }),
  );
  const issuer = await serveNode(async (request) => {
    saw.issuer = describeIssuance(new Uint8Array(await request.clone().arrayBuffer()));
    return issuerHandler(request);
  });
  const verify = credentials.gatewayAuthorizer(
    credentials.verifier({ secretKey: issuerKey.secretKey, store: credentials.memorySpentStore() }),
  );

  /** The gateway's `authorize`: the verifier's decision, recorded with the token input it spent
   *  (a token is version ‖ key id ‖ attributes ‖ input (32) ‖ tag (32)). */
  async function authorize(request: Request): Promise<Request | Response> {
    const header = request.headers.get('authorization');
    const decided = await verify(request);
    const token = header === null ? undefined : credentials.parseAuthorization(header);
    const input =
      token === undefined
        ? 'no token'
        : `token input ${hex16(token.subarray(token.length - 2 * ELEMENT, token.length - ELEMENT))}`;
    saw.gatewayToken = `${input}: ${decided instanceof Response ? `refused (${decided.status})` : 'valid, unspent'}`;
    return decided;
  }

  /** `count` credentials for today's `useCase`, obtained from the issuer at once; `spend` is a
   *  client's `authorize` hook that binds one to each request. */
  async function wallet(useCase: string, count: number) {
    const client = credentials.client({ publicKey: issuerKey.publicKey });
    const { bytes, pending } = client.request({ epoch: credentials.currentEpoch(), values: [useCase] }, count);
    const issued = await fetch(issuer.url, {
      method: 'POST',
      headers: { 'content-type': credentials.MEDIA_TYPE.REQUEST },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    const held: Credential[] = client.finalize(pending, new Uint8Array(await issued.arrayBuffer()));
    return { spend: credentials.clientAuthorizer(client, () => held.shift()!), left: () => held.length };
  }

  return { issuer, authorize, wallet };
}
