// The one measurement a release statement names, from a verified evidence result:
//   - SEV-SNP: MEASUREMENT, the launch digest (SHA-384, 48 bytes).
//   - H100: a composite of every SPDM measurement block, SHA-384 over the blocks in increasing
//     index order, each as uint8 index ‖ uint16 length ‖ value. oblivia's definition: NVIDIA
//     publishes reference values per block (RIMs), and a release names them all at once.
import { sha384 } from '../hash.js';
import { integer } from '../utils/arguments.js';
import { concat, u16 } from '../utils/bytes.js';
import type { BundlePlatform } from './platform.js';

/** The H100 composite measurement of SPDM blocks (index 1..254 → value). */
export function h100Measurement(
  blocks: ReadonlyMap<number | string, Uint8Array> | Readonly<Record<number, Uint8Array>>,
): Uint8Array {
  const entries: [number | string, Uint8Array][] =
    blocks instanceof Map ? [...blocks.entries()] : Object.entries(blocks);
  const list = entries
    .map(([index, value]) => {
      const i = integer(Number(index), 'blocks index', 1, 254);
      if (!(value instanceof Uint8Array) || value.length > 0xffff)
        throw new TypeError(`"blocks[${i}]" expected Uint8Array of at most 65535 bytes`);
      return [i, value] as const;
    })
    .sort(([a], [b]) => a - b);
  return sha384(concat(...list.map(([index, value]) => concat(Uint8Array.of(index), u16(value.length), value))));
}

/** The measurement of a verified result of `platform`. */
export function measurementOf(platform: BundlePlatform, measurements: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return platform === 'sev-snp' ? measurements.get('MEASUREMENT')! : h100Measurement(measurements);
}
