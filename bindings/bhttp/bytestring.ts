// Byte strings: one character per byte, U+0000–U+00FF (the Fetch API's ByteString), so that any byte
// of a field value or of control data round-trips, whatever its encoding.

/** The byte string of `bytes`, converted in runs of 8 KiB (an argument list has a length limit;
 *  `apply` takes the array as it is, where a spread would iterate it). */
export function toByteString(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x2000)
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
  return text;
}

/** The bytes of the byte string `text`; a character above U+00FF is a RangeError naming `name`. */
export function fromByteString(text: string, name: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) {
      throw new RangeError(
        `"${name}" expected a byte string, got U+${code.toString(16).toUpperCase().padStart(4, '0')} at index ${i}`,
      );
    }
    out[i] = code;
  }
  return out;
}

/** Lowercases the ASCII letters of `bytes` in place. */
export function lowercaseAscii(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x41 && bytes[i]! <= 0x5a) bytes[i]! |= 0x20;
  return bytes;
}
