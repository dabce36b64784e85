// Random bytes for values that must be unpredictable but are not secret — the gateway's response
// nonce (RFC 9458 §4.4), sent in the clear — drawn from a pool that WebCrypto refills 4 KiB at a
// time: one getRandomValues call per 256 nonces instead of one each (it was 4 % of a gateway's
// time by node --cpu-prof). Bytes handed out are wiped from the pool; keys never come from here.
const POOL_BYTES = 4096;

let pool = new Uint8Array(0);
let offset = 0;

/** `length` random bytes (WebCrypto getRandomValues), from the pool when `length` ≤ 4096. */
export function pooledRandomBytes(length: number): Uint8Array {
  if (length > POOL_BYTES) return crypto.getRandomValues(new Uint8Array(length));
  if (offset + length > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    offset = 0;
  }
  const out = pool.slice(offset, offset + length);
  pool.fill(0, offset, offset + length);
  offset += length;
  return out;
}
