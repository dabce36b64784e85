// HPKE (RFC 9180) in one call: DHKEM (§4.1), the key schedule (§5.1) and, for the single-shot
// API (§6.1), the context's first message (sequence number 0, so the nonce is base_nonce).
// `configure` fixes the suite for the call; every other function works on the arena's HPKE regions.
// Labeled extractions stream their pieces through HMAC, so `info` may be as large as the window.
import {
  Status,
  HashAlg,
  AeadAlg,
  Curve,
  KEM_DHKEM_P256_HKDF_SHA256,
  KEM_DHKEM_P384_HKDF_SHA384,
  KEM_DHKEM_P521_HKDF_SHA512,
  KEM_DHKEM_X25519_HKDF_SHA256,
  KDF_HKDF_SHA256,
  KDF_HKDF_SHA384,
  KDF_HKDF_SHA512,
  AEAD_AES128GCM,
  AEAD_AES256GCM,
  AEAD_CHACHA20POLY1305,
  AEAD_EXPORT_ONLY,
  MODE_PSK,
  MODE_AUTH,
  MODE_AUTH_PSK,
} from '../abi';
import { wipe } from '../ct';
import { digestLength } from '../hash/sha2';
import * as HMAC from '../hash/hmac';
import * as HKDF from '../hash/hkdf';
import * as AEAD from '../aead/aead';
import * as X25519 from '../ec/x25519';
import * as EC from '../ec/weierstrass';
import {
  WORK_STATE,
  AEAD_STATE,
  HPKE_DH,
  HPKE_KEM_CONTEXT,
  HPKE_LABELED,
  HPKE_PRK,
  HPKE_SHARED_SECRET,
  HPKE_KEY_SCHEDULE_CONTEXT,
  HPKE_SUITE_ID,
} from '../mem';

/** §5.1.1: the psk has at least 32 bytes. */
const MIN_PSK_LENGTH: i32 = 32;

// The configured suite. Public parameters only.
let kemId: i32 = 0;
let kdfId: i32 = 0;
let aeadId: i32 = 0;
/** The KEM's curve. */
let curve: i32 = 0;
let kemHash: i32 = 0;
/** The KDF's hash and the AEAD, as the core's HashAlg and AeadAlg. */
export let hash: i32 = 0;
export let aeadAlg: i32 = 0;
/** §7.1 Table 2 (Npk = Nenc; Ndh is the length of one DH output) and §7.3 Table 5. */
export let Npk: i32 = 0;
export let Nsk: i32 = 0;
let Ndh: i32 = 0;
let Nsecret: i32 = 0;
export let Nk: i32 = 0;
export let Nn: i32 = 0;
export let Nh: i32 = 0;

/** Configures the suite; false if an id is not one of §7's that the core implements. */
export function configure(kem: i32, kdf: i32, aead: i32): bool {
  if (kem == KEM_DHKEM_X25519_HKDF_SHA256) configureKem(Curve.X25519, HashAlg.SHA256, 32, 32, 32, 32);
  else if (kem == KEM_DHKEM_P256_HKDF_SHA256) configureKem(Curve.P256, HashAlg.SHA256, 65, 32, 32, 32);
  else if (kem == KEM_DHKEM_P384_HKDF_SHA384) configureKem(Curve.P384, HashAlg.SHA384, 97, 48, 48, 48);
  else if (kem == KEM_DHKEM_P521_HKDF_SHA512) configureKem(Curve.P521, HashAlg.SHA512, 133, 66, 66, 64);
  else return false;
  if (kdf < KDF_HKDF_SHA256 || kdf > KDF_HKDF_SHA512) return false;
  hash = kdf == KDF_HKDF_SHA256 ? HashAlg.SHA256 : kdf == KDF_HKDF_SHA384 ? HashAlg.SHA384 : HashAlg.SHA512;
  Nh = digestLength(hash);
  if (aead == AEAD_AES128GCM || aead == AEAD_AES256GCM) aeadAlg = AeadAlg.AES_GCM;
  else if (aead == AEAD_CHACHA20POLY1305) aeadAlg = AeadAlg.CHACHA20_POLY1305;
  else if (aead != AEAD_EXPORT_ONLY) return false;
  Nk = aead == AEAD_AES128GCM ? 16 : aead == AEAD_EXPORT_ONLY ? 0 : 32;
  Nn = aead == AEAD_EXPORT_ONLY ? 0 : 12;
  kemId = kem;
  kdfId = kdf;
  aeadId = aead;
  return true;
}

function configureKem(c: i32, h: i32, npk: i32, nsk: i32, ndh: i32, nsecret: i32): void {
  curve = c;
  kemHash = h;
  Npk = npk;
  Nsk = nsk;
  Ndh = ndh;
  Nsecret = nsecret;
}

/** The mode is one of §5's four, and psk and psk_id are present exactly in the psk modes with
 *  the lengths VerifyPSKInputs (§5.1.1) needs. */
export function validMode(mode: i32, pskLen: i32, pskIdLen: i32): bool {
  if (mode < 0 || mode > MODE_AUTH_PSK) return false;
  if (mode & MODE_PSK) return pskLen >= MIN_PSK_LENGTH && pskIdLen >= 1;
  return pskLen == 0 && pskIdLen == 0;
}

export function isAuth(mode: i32): bool {
  return (mode & MODE_AUTH) != 0;
}

// ── Labeled HKDF (§4) ────────────────────────────────────────────────────────────────────────

const VERSION = 'HPKE-v1';

/** Writes the ASCII `text` at `at`; returns the address after it. */
function put(at: usize, text: string): usize {
  for (let i = 0; i < text.length; i++) store<u8>(at + i, <u8>text.charCodeAt(i));
  return at + text.length;
}

function putId(at: usize, id: i32): usize {
  store<u8>(at, <u8>(id >> 8));
  store<u8>(at + 1, <u8>id);
  return at + 2;
}

/** suite_id of §4.1 ("KEM" ‖ I2OSP(kem_id, 2)) or of §5.1 ("HPKE" ‖ kem_id ‖ kdf_id ‖ aead_id);
 *  returns its length. */
function kemSuiteId(): i32 {
  return <i32>(putId(put(HPKE_SUITE_ID, 'KEM'), kemId) - HPKE_SUITE_ID);
}

function hpkeSuiteId(): i32 {
  return <i32>(putId(putId(putId(put(HPKE_SUITE_ID, 'HPKE'), kemId), kdfId), aeadId) - HPKE_SUITE_ID);
}

/** LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm) → `out`. */
function labeledExtract(alg: i32, suiteLen: i32, salt: usize, saltLen: i32, label: string, ikm: usize, ikmLen: i32, out: usize): void {
  HMAC.init(WORK_STATE, alg, salt, saltLen);
  HMAC.update(WORK_STATE, HPKE_LABELED, <i32>(put(HPKE_LABELED, VERSION) - HPKE_LABELED));
  HMAC.update(WORK_STATE, HPKE_SUITE_ID, suiteLen);
  HMAC.update(WORK_STATE, HPKE_LABELED, <i32>(put(HPKE_LABELED, label) - HPKE_LABELED));
  HMAC.update(WORK_STATE, ikm, ikmLen);
  HMAC.finish(WORK_STATE, out);
  wipe(WORK_STATE, HMAC.HMAC_STATE_SIZE);
}

/** LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ info, L)
 *  → `out`. `info` is at most a kem_context or a key_schedule_context. */
function labeledExpand(alg: i32, suiteLen: i32, prk: usize, label: string, info: usize, infoLen: i32, out: usize, length: i32): void {
  let at = put(putId(HPKE_LABELED, length), VERSION);
  memory.copy(at, HPKE_SUITE_ID, suiteLen);
  at = put(at + suiteLen, label);
  memory.copy(at, info, infoLen);
  HKDF.expand(alg, prk, digestLength(alg), HPKE_LABELED, <i32>(at + infoLen - HPKE_LABELED), out, length);
}

// ── DHKEM (§4.1) ─────────────────────────────────────────────────────────────────────────────

/** out = DH(sk, pk), Ndh bytes: OK, or INVALID_SCALAR, INVALID_POINT, IDENTITY (§7.1.4). */
function dh(out: usize, sk: usize, pk: usize): Status {
  if (curve == Curve.X25519) return X25519.x25519(out, sk, pk) ? Status.OK : Status.IDENTITY;
  return EC.toStatus(EC.ecdh(curve, out, sk, pk));
}

/** out = pk(sk), Npk bytes (SerializePublicKey of §7.1.1). */
function publicKey(out: usize, sk: usize): Status {
  if (curve == Curve.X25519) {
    X25519.x25519Base(out, sk);
    return Status.OK;
  }
  return EC.toStatus(EC.publicKey(curve, out, sk));
}

/** ExtractAndExpand(dh, kem_context) → HPKE_SHARED_SECRET; dh is at HPKE_DH. */
function extractAndExpand(dhLen: i32, contextLen: i32): void {
  const suiteLen = kemSuiteId();
  labeledExtract(kemHash, suiteLen, 0, 0, 'eae_prk', HPKE_DH, dhLen, HPKE_PRK);
  labeledExpand(kemHash, suiteLen, HPKE_PRK, 'shared_secret', HPKE_KEM_CONTEXT, contextLen, HPKE_SHARED_SECRET, Nsecret);
}

/** Encap(pkR), or AuthEncap(pkR, skS) when `skS` ≠ 0, with the ephemeral secret `skE`:
 *  writes enc (Npk bytes) to `enc` and the shared secret to HPKE_SHARED_SECRET. */
export function encap(enc: usize, skE: usize, pkR: usize, skS: usize): Status {
  let status = publicKey(enc, skE);
  if (status == Status.OK) status = dh(HPKE_DH, skE, pkR);
  if (status != Status.OK) return status;
  memory.copy(HPKE_KEM_CONTEXT, enc, Npk);
  memory.copy(HPKE_KEM_CONTEXT + Npk, pkR, Npk);
  if (!skS) {
    extractAndExpand(Ndh, 2 * Npk);
    return Status.OK;
  }
  status = dh(HPKE_DH + Ndh, skS, pkR);
  if (status == Status.OK) status = publicKey(HPKE_KEM_CONTEXT + 2 * Npk, skS);
  if (status != Status.OK) return status;
  extractAndExpand(2 * Ndh, 3 * Npk);
  return Status.OK;
}

/** Decap(enc, skR), or AuthDecap(enc, skR, pkS) when `pkS` ≠ 0. `pkR` is the public key of
 *  skR (the host holds it with the key pair: recomputing it would cost a scalar multiplication).
 *  The shared secret goes to HPKE_SHARED_SECRET. */
export function decap(enc: usize, skR: usize, pkR: usize, pkS: usize): Status {
  let status = dh(HPKE_DH, skR, enc);
  if (status == Status.OK && pkS) status = dh(HPKE_DH + Ndh, skR, pkS);
  if (status != Status.OK) return status;
  memory.copy(HPKE_KEM_CONTEXT, enc, Npk);
  memory.copy(HPKE_KEM_CONTEXT + Npk, pkR, Npk);
  if (pkS) memory.copy(HPKE_KEM_CONTEXT + 2 * Npk, pkS, Npk);
  extractAndExpand(pkS ? 2 * Ndh : Ndh, pkS ? 3 * Npk : 2 * Npk);
  return Status.OK;
}

// ── Key schedule (§5.1), the secret export (§5.3) and the first message (§5.2) ─────────────────────────────────────────

/** KeySchedule over HPKE_SHARED_SECRET: key ‖ base_nonce ‖ exporter_secret (Nk + Nn + Nh
 *  bytes) → `secrets`. */
export function keySchedule(mode: i32, info: usize, infoLen: i32, psk: usize, pskLen: i32, pskId: usize, pskIdLen: i32, secrets: usize): void {
  const suiteLen = hpkeSuiteId();
  const context = HPKE_KEY_SCHEDULE_CONTEXT;
  const contextLen = 1 + 2 * Nh;
  store<u8>(context, <u8>mode);
  labeledExtract(hash, suiteLen, 0, 0, 'psk_id_hash', pskId, pskIdLen, context + 1);
  labeledExtract(hash, suiteLen, 0, 0, 'info_hash', info, infoLen, context + 1 + Nh);
  labeledExtract(hash, suiteLen, HPKE_SHARED_SECRET, Nsecret, 'secret', psk, pskLen, HPKE_PRK);
  if (Nk) labeledExpand(hash, suiteLen, HPKE_PRK, 'key', context, contextLen, secrets, Nk);
  if (Nn) labeledExpand(hash, suiteLen, HPKE_PRK, 'base_nonce', context, contextLen, secrets + Nk, Nn);
  labeledExpand(hash, suiteLen, HPKE_PRK, 'exp', context, contextLen, secrets + Nk + Nn, Nh);
}

/** §5.3 Export(exporter_context, L) = LabeledExpand(exporter_secret, "sec", exporter_context, L) over
 *  the key schedule's `secrets` → `out`. */
export function exportSecret(secrets: usize, exporterContext: usize, contextLen: i32, out: usize, length: i32): void {
  labeledExpand(hash, hpkeSuiteId(), secrets + Nk + Nn, 'sec', exporterContext, contextLen, out, length);
}

/** ContextS.Seal(aad, pt) with sequence number 0: ciphertext ‖ tag → `out`. */
export function sealFirst(secrets: usize, aad: usize, aadLen: i32, pt: usize, ptLen: i32, out: usize): void {
  AEAD.init(AEAD_STATE, aeadAlg, secrets, Nk, secrets + Nk, Nn);
  AEAD.aad(AEAD_STATE, aad, aadLen);
  AEAD.encrypt(AEAD_STATE, pt, out, ptLen);
  AEAD.tag(AEAD_STATE, out + ptLen);
}

/** ContextR.Open(aad, ct ‖ tag) with sequence number 0: the plaintext → `out`, written only if
 *  the tag matches (else INVALID_TAG). */
export function openFirst(secrets: usize, aad: usize, aadLen: i32, ct: usize, ctLen: i32, out: usize): Status {
  AEAD.init(AEAD_STATE, aeadAlg, secrets, Nk, secrets + Nk, Nn);
  AEAD.aad(AEAD_STATE, aad, aadLen);
  AEAD.absorb(AEAD_STATE, ct, ctLen);
  const status = AEAD.verify(AEAD_STATE, ct + ctLen);
  if (status == Status.OK) AEAD.decrypt(AEAD_STATE, ct, out, ctLen);
  return status;
}
