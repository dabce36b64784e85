// expand_message_xmd (RFC 9380 §5.3.1) over the SHA-2 states of sha2.ts: the uniform bytes behind
// hash_to_field, hash_to_curve and RFC 9497's HashToScalar. The message may be absorbed in pieces
// (begin, absorb…, end), so callers hash framed transcripts without copying them together. It uses
// only the hash family's scratch (WORK_STATE, PAD, DIGEST, PRK, KEYED_STATE), never the curve
// scratch, so curve code may call it mid-operation.
import * as sha2 from './sha2';
import { PAD, DIGEST, PRK, KEYED_STATE, WORK_STATE } from '../mem';
import { wipe } from '../ct';

const B0: usize = PAD; // b_0
const BI: usize = DIGEST; // b_(i−1), then b_i
const BYTES: usize = PRK; // I2OSP of a length or a counter
const SHORT_DST: usize = KEYED_STATE; // §5.3.3: H("H2C-OVERSIZE-DST-" ‖ DST) for a DST over 255 bytes
const DST_STATE: usize = KEYED_STATE + sha2.STATE_SIZE; // the hash of that DST, while b_0 waits in WORK_STATE
const OVERSIZE: usize = memory.data<u8>([72, 50, 67, 45, 79, 86, 69, 82, 83, 73, 90, 69, 45, 68, 83, 84, 45]); // "H2C-OVERSIZE-DST-"

/** Whether expand can produce `length` bytes: ell ≤ 255 and len ≤ 65535 (§5.3.1 step 2). */
export function isValid(alg: i32, length: i32): bool {
  const b = sha2.digestLength(alg);
  return length >= 0 && length <= 65535 && (length + b - 1) / b <= 255;
}

/** Starts b_0 = H(Z_pad ‖ msg ‖ …): absorbs Z_pad; the message follows through absorb. */
export function begin(alg: i32): void {
  sha2.init(WORK_STATE, alg);
  memory.fill(BYTES, 0, 64);
  for (let i = 0; i < sha2.blockLength(alg); i += 64) sha2.update(WORK_STATE, BYTES, 64);
}

/** Absorbs the next piece of the message. */
export function absorb(p: usize, len: i32): void {
  sha2.update(WORK_STATE, p, len);
}

/** H(… ‖ DST_prime) into BI, DST_prime = DST ‖ I2OSP(len(DST), 1). */
function finishWithDst(dst: usize, dstLen: i32): void {
  sha2.update(WORK_STATE, dst, dstLen);
  store<u8>(BYTES, <u8>dstLen);
  sha2.update(WORK_STATE, BYTES, 1);
  sha2.finish(WORK_STATE, BI);
}

/** Ends the message and writes `length` uniform bytes (isValid holds) to out. */
export function end(dst: usize, dstLen: i32, out: usize, length: i32): void {
  const alg = sha2.algorithm(WORK_STATE), b = sha2.digestLength(alg);
  // … ‖ I2OSP(len_in_bytes, 2) ‖ I2OSP(0, 1) ‖ DST_prime
  store<u8>(BYTES, <u8>(length >> 8));
  store<u8>(BYTES + 1, <u8>length);
  store<u8>(BYTES + 2, 0);
  sha2.update(WORK_STATE, BYTES, 3);
  if (dstLen > 255) {
    sha2.init(DST_STATE, alg);
    sha2.update(DST_STATE, OVERSIZE, 17);
    sha2.update(DST_STATE, dst, dstLen);
    sha2.finish(DST_STATE, SHORT_DST);
    wipe(DST_STATE, sha2.STATE_SIZE);
    dst = SHORT_DST;
    dstLen = b;
  }
  finishWithDst(dst, dstLen);
  memory.copy(B0, BI, b);
  // b_i = H(strxor(b_0, b_(i−1)) ‖ I2OSP(i, 1) ‖ DST_prime), b_(0) read as all zero for b_1
  memory.fill(BI, 0, b);
  for (let i = 1, done = 0; done < length; i++, done += b) {
    for (let j = 0; j < b; j += 8) store<u64>(BI + j, load<u64>(BI + j) ^ load<u64>(B0 + j));
    sha2.init(WORK_STATE, alg);
    sha2.update(WORK_STATE, BI, b);
    store<u8>(BYTES, <u8>i);
    sha2.update(WORK_STATE, BYTES, 1);
    finishWithDst(dst, dstLen);
    memory.copy(out + done, BI, min(b, length - done));
  }
  wipe(WORK_STATE, sha2.STATE_SIZE);
  wipe(B0, 64);
  wipe(BI, 64);
  wipe(BYTES, 64);
  wipe(SHORT_DST, 64);
}

/** out = expand_message_xmd(msg, DST, length) with H = `alg`; isValid(alg, length) holds. */
export function expand(alg: i32, msg: usize, msgLen: i32, dst: usize, dstLen: i32, out: usize, length: i32): void {
  begin(alg);
  absorb(msg, msgLen);
  end(dst, dstLen, out, length);
}
