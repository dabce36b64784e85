// RFC 9180 §4.1 DHKEM with a non-extractable WebCrypto private key (e.g. a pair from
// crypto.subtle.generateKey(…, false, ['deriveBits'])): WebCrypto never gives out its bytes, so each
// DH with it runs in crypto.subtle.deriveBits (which refuses an all-zero X25519 output, the check of
// §7.1.4). The ephemeral key's DH, ExtractAndExpand, the key schedule (§5.1) and the contexts
// (§5.2–5.3) run in oblivia, in composed steps, so the shared secret passes through JavaScript.
import { p256, p384, p521, x25519, type DiffieHellman } from '../curves.js';
import { sha256, sha384, sha512, type HashFunction } from '../hash.js';
import { kemById } from '../hpke/dhkem.js';
import { ReceiverContext, SenderContext } from '../hpke/encryption-context.js';
import { aeadById } from '../hpke/hpke-aead.js';
import { kdfById } from '../hpke/hpke-kdf.js';
import { MODE, type Mode } from '../hpke/ids.js';
import { keySchedule, pskArguments, type ContextSecrets } from '../hpke/key-schedule.js';
import { hpkeSuiteId, kemSuiteId, labeledKdf } from '../hpke/labeled.js';
import { ascii, concat, EMPTY } from '../utils/bytes.js';
import { KemId } from './identifiers.js';
import type { SubtleKey } from './keys.js';

/** Per DHKEM: its group and its KDF's hash (§7.1 Table 2). */
const GROUPS = new Map<number, { dh: DiffieHellman; hash: HashFunction }>([
  [KemId.DhkemP256HkdfSha256, { dh: p256, hash: sha256 }],
  [KemId.DhkemP384HkdfSha384, { dh: p384, hash: sha384 }],
  [KemId.DhkemP521HkdfSha512, { dh: p521, hash: sha512 }],
  [KemId.DhkemX25519HkdfSha256, { dh: x25519, hash: sha256 }],
]);

export interface SuiteIds {
  kem: number;
  kdf: number;
  aead: number;
}

/** info, psk and psk_id, checked by the caller. */
export interface ScheduleInputs {
  info?: Uint8Array;
  psk?: Uint8Array;
  pskId?: Uint8Array;
}

const wipe = (...buffers: (Uint8Array | undefined)[]): void => {
  for (const buffer of buffers) buffer?.fill(0);
};

/** DH(sk, pk) in crypto.subtle: Ndh bytes (ECDH's x-coordinate, or the X25519 output). */
async function subtleDh(sk: CryptoKey, pk: Uint8Array, length: number): Promise<Uint8Array> {
  const publicKey = await crypto.subtle.importKey('raw', pk.slice(), sk.algorithm, false, []);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: sk.algorithm.name, public: publicKey }, sk, length * 8));
}

function parts(ids: SuiteIds) {
  const kem = kemById(ids.kem)!;
  const { dh, hash } = GROUPS.get(ids.kem)!;
  const kemKdf = labeledKdf(hash, kemSuiteId(ids.kem));
  const kdf = labeledKdf(kdfById(ids.kdf)!, hpkeSuiteId(ids.kem, ids.kdf, ids.aead));
  const aead = aeadById(ids.aead)!;

  /** §4.1 ExtractAndExpand(dh, kem_context); wipes `dhValue`. */
  function sharedSecret(dhValue: Uint8Array, kemContext: Uint8Array): Uint8Array {
    let prk: Uint8Array | undefined;
    try {
      prk = kemKdf.extract(EMPTY, ascii('eae_prk'), dhValue);
      return kemKdf.expand(prk, ascii('shared_secret'), kemContext, kem.sharedSecretLength);
    } finally {
      wipe(dhValue, prk);
    }
  }

  /** §5.1 KeySchedule for `secret`, which it wipes; auth mode when `auth`. */
  function schedule(secret: Uint8Array, s: ScheduleInputs, auth: boolean): ContextSecrets {
    const psk = pskArguments(s.psk, s.pskId);
    const mode = ((psk ? MODE.PSK : MODE.BASE) | (auth ? MODE.AUTH : MODE.BASE)) as Mode;
    try {
      return keySchedule(kdf, aead, mode, secret, s.info ?? EMPTY, psk);
    } finally {
      secret.fill(0);
    }
  }

  return { kem, dh, kdf, aead, sharedSecret, schedule };
}

/**
 * SetupAuthS / SetupAuthPSKS (§5.1.3–5.1.4) with the sender's key `skS` in crypto.subtle: AuthEncap
 * with a fresh ephemeral key, or DeriveKeyPair(ikmE) for known-answer tests.
 */
export async function subtleSetupSender(
  ids: SuiteIds,
  pkR: Uint8Array,
  skS: SubtleKey,
  s: ScheduleInputs & { ikmE?: Uint8Array },
): Promise<{ enc: Uint8Array; context: SenderContext }> {
  const { kem, dh, kdf, aead, sharedSecret, schedule } = parts(ids);
  const pk = kem.deserializePublicKey(pkR);
  const skE = s.ikmE === undefined ? kem.randomPrivateKey() : kem.deriveKeyPair(s.ikmE, 'ekm').privateKey;
  let dhE: Uint8Array | undefined;
  let dhS: Uint8Array | undefined;
  try {
    const enc = kem.getPublicKey(skE);
    dhE = dh.getSharedSecret(skE, pk);
    dhS = await subtleDh(skS.privateKey, pk, dh.sharedSecretLength);
    const secret = sharedSecret(concat(dhE, dhS), concat(enc, pk, skS.publicKey));
    return { enc, context: new SenderContext(kdf, aead, schedule(secret, s, true)) };
  } finally {
    wipe(skE, dhE, dhS);
  }
}

/** SetupR (§5.1) with the recipient's key `skR` in crypto.subtle; AuthDecap when `pkS` is given. */
export async function subtleSetupReceiver(
  ids: SuiteIds,
  enc: Uint8Array,
  skR: SubtleKey,
  pkS: Uint8Array | undefined,
  s: ScheduleInputs,
): Promise<ReceiverContext> {
  const { kem, dh, kdf, aead, sharedSecret, schedule } = parts(ids);
  const pkE = kem.deserializePublicKey(enc);
  let dhE: Uint8Array | undefined;
  let dhS: Uint8Array | undefined;
  try {
    dhE = await subtleDh(skR.privateKey, pkE, dh.sharedSecretLength);
    dhS = pkS && (await subtleDh(skR.privateKey, kem.deserializePublicKey(pkS), dh.sharedSecretLength));
    const secret = sharedSecret(concat(dhE, dhS ?? EMPTY), concat(pkE, skR.publicKey, pkS ?? EMPTY));
    return new ReceiverContext(kdf, aead, schedule(secret, s, pkS !== undefined));
  } finally {
    wipe(dhE, dhS);
  }
}
