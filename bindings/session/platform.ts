// The TEE platforms an attested key bundle or a release statement names: a one-byte id in the
// bundle, a name in the statement, the size of a measurement, and what the evidence binds of the
// 64-byte report data (all of it for SEV-SNP; the first 32 bytes as the H100 request nonce).
import type { AttestationPlatform } from '../attestation/attestation-result.js';

/** The TEE platforms a bundle may come from: `'sev-snp'`, `'nvidia-h100'`. */
export type BundlePlatform = AttestationPlatform;

export const PLATFORMS: readonly BundlePlatform[] = Object.freeze(['sev-snp', 'nvidia-h100']);

/** The bundle's platform byte. */
export const PLATFORM_ID: Readonly<Record<BundlePlatform, number>> = Object.freeze({
  'sev-snp': 0x01,
  'nvidia-h100': 0x02,
});

/** Every measurement is 48 bytes: SEV-SNP MEASUREMENT (SHA-384), the H100 composite (SHA-384). */
export const MEASUREMENT_SIZE = 48;

/** How many bytes of the report data the platform's evidence carries. */
export const BOUND_SIZE: Readonly<Record<BundlePlatform, number>> = Object.freeze({
  'sev-snp': 64,
  'nvidia-h100': 32,
});

export const platformOfId = (id: number): BundlePlatform | undefined =>
  PLATFORMS.find((platform) => PLATFORM_ID[platform] === id);

export const isPlatform = (value: unknown): value is BundlePlatform => PLATFORMS.includes(value as BundlePlatform);

export function platformArgument(value: unknown, name: string): BundlePlatform {
  if (typeof value !== 'string') throw new TypeError(`"${name}" expected string, got ${typeof value}`);
  if (!isPlatform(value)) throw new RangeError(`"${name}" expected one of ${PLATFORMS.join(', ')}, got ${value}`);
  return value;
}
