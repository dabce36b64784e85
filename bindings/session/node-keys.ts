// A processing node's key ring: the current key and, during a rotation's overlap, the previous
// one — two at most. The ring owns the private keys it is given: `rotate` wipes the previous key
// in place (the bytes the caller passed in, not a copy), so once a key is rotated out twice no one
// can open a request recorded for it (forward security); `destroy` wipes them all.
import { generateKeyConfig, keyConfigArgument, type GatewayKey, type KeyConfig } from '../ohttp/key-config.js';
import { bytes, objectArgument } from '../utils/arguments.js';

export interface NodeKeyRing {
  /** The live keys, current first: what the node decapsulates with. */
  keys(): readonly GatewayKey[];
  /** Their public configurations, current first. */
  configs(): readonly KeyConfig[];
  /** Makes `next` (else a fresh key of the current KEM and suites, with the next free key id)
   *  current; the current key becomes the previous one, and the previous one is wiped and dropped.
   *  `next` must not share the current key's id. Returns its public configuration. */
  rotate(next?: GatewayKey): KeyConfig;
  /** Wipes and drops every key; the ring is then empty. */
  destroy(): void;
}

/** A checked key, the same private key bytes (owned from now on). */
function keyArgument(value: unknown, name: string): GatewayKey {
  const { config, kem } = keyConfigArgument(value, name);
  const privateKey = bytes(objectArgument<GatewayKey>(value, name).privateKey, `${name}.privateKey`);
  if (privateKey.length !== kem.privateKeyLength)
    throw new RangeError(
      `"${name}.privateKey" expected Uint8Array of length ${kem.privateKeyLength}, got length=${privateKey.length}`,
    );
  return Object.freeze({ ...config, privateKey });
}

/** Whether two views share a byte (wiping one would wipe the other). */
const overlaps = (a: Uint8Array, b: Uint8Array): boolean =>
  a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.length && b.byteOffset < a.byteOffset + a.length;

export const publicPart = ({ keyId, kem, publicKey, suites }: KeyConfig): KeyConfig =>
  Object.freeze({ keyId, kem, publicKey, suites });

/** A ring of `initial`: one key, or [current, previous] with distinct key ids. */
export function createNodeKeyRing(initial: GatewayKey | readonly GatewayKey[]): NodeKeyRing {
  const list: readonly unknown[] = Array.isArray(initial) ? initial : [initial];
  if (list.length < 1 || list.length > 2)
    throw new RangeError(`"options.keys" expected 1 or 2 keys (current, previous), got ${list.length}`);
  let ring: GatewayKey[] = list.map((key, i) =>
    keyArgument(key, Array.isArray(initial) ? `options.keys[${i}]` : 'options.keys'),
  );
  if (ring.length === 2 && ring[0]!.keyId === ring[1]!.keyId)
    throw new RangeError('"options.keys" expected distinct key ids');

  function rotate(next?: GatewayKey): KeyConfig {
    const current = ring[0];
    if (current === undefined) throw new TypeError('this key ring was destroyed');
    const key =
      next === undefined
        ? generateKeyConfig((current.keyId + 1) & 0xff, current.kem, current.suites)
        : keyArgument(next, 'next');
    if (key.keyId === current.keyId)
      throw new RangeError(`"next.keyId" expected a key id other than the current one, got ${key.keyId}`);
    if (ring.some((k) => overlaps(k.privateKey, key.privateKey)))
      throw new RangeError('"next" expected a new key, not one the ring holds');
    for (const retired of ring.slice(1)) retired.privateKey.fill(0);
    ring = [key, current];
    return publicPart(key);
  }

  return Object.freeze({
    keys: () => ring,
    configs: () => ring.map(publicPart),
    rotate,
    destroy() {
      for (const key of ring) key.privateKey.fill(0);
      ring = [];
    },
  });
}
