// hash-wasm's hashers are created asynchronously; make them once, before any suite runs,
// and reuse them: init().update(msg).digest('binary') per call is its fastest synchronous path
// (its one-shot helpers resolve a Promise to a hex string).
import { createHMAC, createSHA256, createSHA512, type IHasher } from 'hash-wasm';

export interface HashWasm {
  readonly sha256: IHasher;
  readonly sha512: IHasher;
  /** Builds an HMAC-SHA-256 object over a fresh SHA-256 instance for a fixed key. */
  readonly hmacSha256: (key: Uint8Array) => Promise<IHasher>;
}

export async function loadHashWasm(): Promise<HashWasm> {
  const [sha256, sha512] = await Promise.all([createSHA256(), createSHA512()]);
  return { sha256, sha512, hmacSha256: (key) => createHMAC(createSHA256(), key) };
}

/** One digest with a reused hasher. */
export function digest(hasher: IHasher, ...parts: Uint8Array[]): Uint8Array {
  hasher.init();
  for (const part of parts) hasher.update(part);
  return hasher.digest('binary');
}
