// 16-bit integers in network byte order, the fields of RFC 9458's encodings.

export const readU16 = (data: Uint8Array, offset: number): number => (data[offset]! << 8) | data[offset + 1]!;

export function writeU16(data: Uint8Array, offset: number, value: number): void {
  data[offset] = value >>> 8;
  data[offset + 1] = value & 0xff;
}
