// Oblivious HTTP (RFC 9458) messages over proto/hpke.ts, so that no key of a request or of its
// response leaves the core. A request (§4.3) leaves a response state — the suite, enc and the
// response secret of §4.4 — that a slot keeps until the response is sealed or opened:
//
//   hdr = Key Identifier (8) ‖ KEM ID (16) ‖ KDF ID (16) ‖ AEAD ID (16)
//   info = "message/bhttp request" ‖ 0x00 ‖ hdr; SetupBaseS/R(info); Seal/Open("", request)
//   secret = Export("message/bhttp response", max(Nn, Nk))
//   prk = Extract(enc ‖ response_nonce, secret); key = Expand(prk, "key", Nk); nonce = Expand(prk, "nonce", Nn)
import { Status } from '../abi';
import { wipe } from '../ct';
import * as HKDF from '../hash/hkdf';
import * as AEAD from '../aead/aead';
import * as HPKE from './hpke';
import { HPKE_SECRETS, OHTTP_KEYS, OHTTP_PRK, OHTTP_SALT, OHTTP_TEXT, STATE_SIZE } from '../mem';

/** §4.1: the header's length. */
export const HEADER_LENGTH: i32 = 7;

// The response state: the suite's ids, enc (at most 133 bytes), the secret (at most 32 bytes).
const KEM: usize = 0;
const KDF: usize = 4;
const AEAD_ID: usize = 8;
const ENC: usize = 16;
const SECRET: usize = 160;
// @ts-ignore: compile-time builtin
if (SECRET + 32 > <usize>STATE_SIZE) ERROR('a response state does not fit a slot');

const MODE_BASE: i32 = 0;

/** Writes the ASCII `text` at `at`; returns its length. */
function put(at: usize, text: string): i32 {
  for (let i = 0; i < text.length; i++) store<u8>(at + i, <u8>text.charCodeAt(i));
  return text.length;
}

/** Configures the suite (§4.1: an AEAD that seals, so not the export-only one, whose Nk is 0); false
 *  if the core lacks it. */
export function configure(kem: i32, kdf: i32, aead: i32): bool {
  return HPKE.configure(kem, kdf, aead) && HPKE.Nk != 0;
}

/** The header at `hdr` names the selected suite (its key identifier is the host's business). */
export function headerMatches(hdr: usize, kem: i32, kdf: i32, aead: i32): bool {
  return readId(hdr + 1) == kem && readId(hdr + 3) == kdf && readId(hdr + 5) == aead;
}

function readId(at: usize): i32 {
  return (<i32>load<u8>(at) << 8) | <i32>load<u8>(at + 1);
}

/** max(Nn, Nk): the length of the response secret and of response_nonce (§4.4). */
export function secretLength(): i32 {
  return max(HPKE.Nn, HPKE.Nk);
}

/** Configures the suite of a response state; false if the core lacks it (a state the host handed
 *  back to slot_load). */
export function configureFromState(state: usize): bool {
  return configure(load<i32>(state, KEM), load<i32>(state, KDF), load<i32>(state, AEAD_ID));
}

/** §4.3 client, for the selected suite: SetupBaseS(pkR, info) with the ephemeral secret `skE` →
 *  `out` = hdr ‖ enc, the context's secrets → HPKE_SECRETS, the response state → `state`. */
export function setupSender(state: usize, skE: usize, pkR: usize, hdr: usize, out: usize): Status {
  const status = HPKE.encap(out + HEADER_LENGTH, skE, pkR, 0);
  if (status != Status.OK) {
    wipe(out + HEADER_LENGTH, HPKE.Npk);
    return status;
  }
  memory.copy(out, hdr, HEADER_LENGTH);
  schedule(state, hdr, out + HEADER_LENGTH);
  return Status.OK;
}

/** §4.3 gateway, for the selected suite: SetupBaseR(enc, skR, info) of the request hdr ‖ enc at
 *  `request` → HPKE_SECRETS, the response state → `state`. `pkR` is the public key of skR. */
export function setupReceiver(state: usize, skR: usize, pkR: usize, request: usize): Status {
  const enc = request + HEADER_LENGTH;
  const status = HPKE.decap(enc, skR, pkR, 0);
  if (status == Status.OK) schedule(state, request, enc);
  return status;
}

/** The key schedule with info = "message/bhttp request" ‖ 0x00 ‖ hdr, then the response state. */
function schedule(state: usize, hdr: usize, enc: usize): void {
  const labelLength = put(OHTTP_TEXT, 'message/bhttp request');
  store<u8>(OHTTP_TEXT + labelLength, 0);
  memory.copy(OHTTP_TEXT + labelLength + 1, hdr, HEADER_LENGTH);
  HPKE.keySchedule(MODE_BASE, OHTTP_TEXT, labelLength + 1 + HEADER_LENGTH, 0, 0, 0, 0, HPKE_SECRETS);
  store<i32>(state, readId(hdr + 1), KEM);
  store<i32>(state, readId(hdr + 3), KDF);
  store<i32>(state, readId(hdr + 5), AEAD_ID);
  memory.copy(state + ENC, enc, HPKE.Npk);
  // §4.4: secret = context.Export("message/bhttp response", max(Nn, Nk)).
  const contextLength = put(OHTTP_TEXT, 'message/bhttp response');
  HPKE.exportSecret(HPKE_SECRETS, OHTTP_TEXT, contextLength, state + SECRET, secretLength());
}

/** The request's AEAD keyed at `st` with the context's key and base_nonce (sequence number 0). */
export function requestCipher(st: usize): void {
  AEAD.init(st, HPKE.aeadAlg, HPKE_SECRETS, HPKE.Nk, HPKE_SECRETS + HPKE.Nk, HPKE.Nn);
}

/** §4.4, from the response state at `state` with `responseNonce` (max(Nn, Nk) bytes): configures the
 *  state's suite and writes aead_key ‖ aead_nonce → OHTTP_KEYS. */
export function responseKeys(state: usize, responseNonce: usize): void {
  configureFromState(state);
  const length = secretLength();
  memory.copy(OHTTP_SALT, state + ENC, HPKE.Npk);
  memory.copy(OHTTP_SALT + HPKE.Npk, responseNonce, length);
  HKDF.extract(HPKE.hash, OHTTP_SALT, HPKE.Npk + length, state + SECRET, length, OHTTP_PRK);
  HKDF.expand(HPKE.hash, OHTTP_PRK, HPKE.Nh, OHTTP_TEXT, put(OHTTP_TEXT, 'key'), OHTTP_KEYS, HPKE.Nk);
  HKDF.expand(HPKE.hash, OHTTP_PRK, HPKE.Nh, OHTTP_TEXT, put(OHTTP_TEXT, 'nonce'), OHTTP_KEYS + HPKE.Nk, HPKE.Nn);
}

/** The response's AEAD keyed at `st` with OHTTP_KEYS. */
export function responseCipher(st: usize): void {
  AEAD.init(st, HPKE.aeadAlg, OHTTP_KEYS, HPKE.Nk, OHTTP_KEYS + HPKE.Nk, HPKE.Nn);
}
