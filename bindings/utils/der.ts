// ECDSA signatures in DER (SEC 1 §C.8 Ecdsa-Sig-Value: SEQUENCE { r INTEGER, s INTEGER }) and back
// to r ‖ s, strictly: definite minimal lengths, minimal non-negative integers, nothing trailing.

/** DER of the compact signature r ‖ s, each `size` bytes. */
export function derFromCompact(compact: Uint8Array, size: number): Uint8Array {
  const body = [...integer(compact.subarray(0, size)), ...integer(compact.subarray(size))];
  return Uint8Array.from([0x30, ...lengthOf(body.length), ...body]);
}

/** r ‖ s of a strict DER signature, or undefined if it does not parse or an integer exceeds `size`
 *  bytes (then it is not below n either). */
export function compactFromDer(der: Uint8Array, size: number): Uint8Array | undefined {
  const sequence = tlv(0x30, der, 0);
  if (!sequence || sequence.end !== der.length) return undefined;
  const r = tlv(0x02, der, sequence.start);
  const s = r && tlv(0x02, der, r.end);
  if (!r || !s || s.end !== sequence.end) return undefined;
  const compact = new Uint8Array(2 * size);
  for (const [i, { start, end }] of [r, s].entries()) {
    const magnitude = unsigned(der.subarray(start, end));
    if (!magnitude || magnitude.length > size) return undefined;
    compact.set(magnitude, (i + 1) * size - magnitude.length);
  }
  return compact;
}

/** An INTEGER's TLV for the unsigned big-endian `value`: no leading zeros, a 0x00 before a high bit. */
function integer(value: Uint8Array): number[] {
  let first = 0;
  while (first < value.length - 1 && value[first] === 0) first++;
  const digits = [...value.subarray(first)];
  if (digits[0]! & 0x80) digits.unshift(0);
  return [0x02, ...lengthOf(digits.length), ...digits];
}

function lengthOf(length: number): number[] {
  return length < 0x80 ? [length] : [0x81, length];
}

/** The value's bounds of the TLV with `tag` at `at`, its length minimal and inside `data`. */
function tlv(tag: number, data: Uint8Array, at: number): { start: number; end: number } | undefined {
  if (at + 2 > data.length || data[at] !== tag) return undefined;
  const first = data[at + 1]!;
  let start = at + 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || start + count > data.length || data[start] === 0) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + data[start + i]!;
    start += count;
    if (length < 0x80) return undefined;
  }
  const end = start + length;
  return end <= data.length ? { start, end } : undefined;
}

/** The magnitude of a minimal non-negative INTEGER's contents, or undefined. */
function unsigned(contents: Uint8Array): Uint8Array | undefined {
  if (contents.length === 0 || contents[0]! & 0x80) return undefined;
  if (contents.length > 1 && contents[0] === 0) {
    return contents[1]! & 0x80 ? contents.subarray(1) : undefined;
  }
  return contents;
}
