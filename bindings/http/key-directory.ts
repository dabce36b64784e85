// A key directory: the gateway's key ring and the application/ohttp-keys resource clients fetch
// (RFC 9458 §3.2). Rotation keeps several keys live at once, each with its own key identifier:
// `rotate()` publishes a new key at once and retires the older ones after an overlap window, so a
// client holding a cached configuration still gets through until then (and then gets the 422 that
// tells it to refresh, §5.3). Every client gets the same bytes and the same Cache-Control — no
// ETag, no Vary, nothing per client — so a key cannot be used to tell clients apart (§7, §8.1).
import { AEAD, KDF, KEM, type KemId } from '../hpke/ids.js';
import { integer } from '../utils/arguments.js';
import { bodyOf, statusResponse, type Handler } from './exchange.js';
import { generateKeyConfig, type GatewayKey, type KeyConfig } from '../ohttp/key-config.js';
import { createLogger, type LogSink } from './logger.js';
import { MEDIA_TYPE } from '../ohttp/media-types.js';
import { encodeKeyConfigs } from '../ohttp/ohttp-keys.js';
import type { SymmetricSuite } from '../ohttp/key-config-suites.js';

/** Options of {@link ohttp.keyDirectory}. */
export interface KeyDirectoryOptions {
  /** The KEM of new keys; default DHKEM(X25519, HKDF-SHA256). */
  kem?: KemId;
  /** The (KDF, AEAD) pairs of new keys; default HKDF-SHA256 with AES-128-GCM or ChaCha20-Poly1305. */
  suites?: readonly SymmetricSuite[];
  /** How long a replaced key is still accepted, in ms; default one day. */
  overlapMs?: number;
  /** Cache-Control max-age of the key list, in seconds; default one hour. At most the overlap, so
   *  that a cached list never names a retired key alone. */
  maxAgeSeconds?: number;
  /** The clock, in ms (tests pass their own); default Date.now. */
  now?: () => number;
  /** Where the filtered log lines go. */
  log?: LogSink;
}

/** A key directory from {@link ohttp.keyDirectory}: the live keys for the gateway, the published list and its handler, rotation. */
export interface KeyDirectory {
  /** The live keys, newest first, private keys included: a gateway's `keys` option. */
  keys(): readonly GatewayKey[];
  /** The published configurations, newest first. */
  configs(): readonly KeyConfig[];
  /** Publishes a new key and schedules the retirement of the others; returns its configuration. */
  rotate(): KeyConfig;
  /** GET (or HEAD) of the application/ohttp-keys list. */
  handler: Handler;
  /** Wipes every private key; the directory is then empty. */
  destroy(): void;
}

interface Slot {
  key: GatewayKey;
  /** When the key stops being accepted; Infinity for the current key. */
  retireAt: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_SUITES: readonly SymmetricSuite[] = [
  { kdf: KDF.HKDF_SHA256, aead: AEAD.AES_128_GCM },
  { kdf: KDF.HKDF_SHA256, aead: AEAD.CHACHA20_POLY1305 },
];

/** A directory holding one fresh key. */
export function createKeyDirectory(options: KeyDirectoryOptions = {}): KeyDirectory {
  const kem = options.kem ?? KEM.X25519_HKDF_SHA256;
  const suites = options.suites ?? DEFAULT_SUITES;
  const overlapMs = integer(options.overlapMs ?? DAY_MS, 'options.overlapMs', 0, Number.MAX_SAFE_INTEGER);
  const maxAgeSeconds = integer(
    options.maxAgeSeconds ?? Math.min(3600, Math.floor(overlapMs / 1000)),
    'options.maxAgeSeconds',
    0,
    Math.floor(overlapMs / 1000),
  );
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError('"options.now" expected function');
  const log = createLogger(options.log);
  let slots: Slot[] = [];

  /** Drops (and wipes) the keys past their retirement. */
  function prune(): Slot[] {
    const t = now();
    const [live, retired] = [slots.filter((s) => s.retireAt > t), slots.filter((s) => s.retireAt <= t)];
    for (const { key } of retired) {
      key.privateKey.fill(0);
      log({ hop: 'directory', event: 'retired', keyId: key.keyId });
    }
    slots = live;
    return live;
  }

  /** The next key identifier after the newest that no live key holds (256 keys at most). */
  function nextKeyId(): number {
    const used = new Set(slots.map((s) => s.key.keyId));
    const newest = slots[0]?.key.keyId ?? -1;
    for (let i = 1; i <= 256; i++) {
      const id = (newest + i) & 0xff;
      if (!used.has(id)) return id;
    }
    throw new RangeError('every key identifier (0–255) is live: too many rotations within the overlap window');
  }

  function rotate(): KeyConfig {
    prune();
    const key = generateKeyConfig(nextKeyId(), kem, suites);
    const retireAt = now() + overlapMs;
    for (const slot of slots) slot.retireAt = Math.min(slot.retireAt, retireAt);
    slots.unshift({ key, retireAt: Infinity });
    log({ hop: 'directory', event: 'rotated', keyId: key.keyId });
    return publicPart(key);
  }

  const configs = () => prune().map((s) => publicPart(s.key));
  const cacheControl = `public, max-age=${maxAgeSeconds}`;

  const handler: Handler = async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      log({ hop: 'directory', event: 'refused', status: 405, error: 'METHOD' });
      return statusResponse(405, { allow: 'GET, HEAD' });
    }
    const published = configs();
    if (published.length === 0) return statusResponse(503);
    const body = encodeKeyConfigs(published);
    log({ hop: 'directory', event: 'keys', status: 200, responseBytes: body.length });
    const headers = { 'content-type': MEDIA_TYPE.KEYS, 'cache-control': cacheControl };
    return new Response(request.method === 'HEAD' ? null : bodyOf(body), { status: 200, headers });
  };

  rotate();
  return Object.freeze({
    keys: () => prune().map((s) => s.key),
    configs,
    rotate,
    handler,
    destroy() {
      for (const { key } of slots) key.privateKey.fill(0);
      slots = [];
    },
  });
}

const publicPart = ({ keyId, kem, publicKey, suites }: GatewayKey): KeyConfig =>
  Object.freeze({ keyId, kem, publicKey, suites });
