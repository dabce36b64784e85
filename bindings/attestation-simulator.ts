// oblivia/attestation-simulator — simulated TEEs for tests and demos, as the `attestationSimulator`
// namespace, an entry of its own so production bundles need not carry it. This slice: AMD SEV-SNP
// (reports and a VCEK ← ASK ← ARK chain in AMD's formats, rooted in a test-only ARK).
import { createSevSnpSimulator } from './attestation/sev-snp-simulator.js';

export type {
  SevSnpAttestOptions,
  SevSnpCrlOptions,
  SevSnpSimFirmwareVersion,
  SevSnpSimTcb,
  SevSnpSimulator,
  SevSnpSimulatorOptions,
} from './attestation/sev-snp-simulator.js';

/**
 * Simulated TEEs for tests and demos, an entry of its own so production bundles need not carry it.
 * Its evidence verifies only when its root is passed to a verifier explicitly.
 *
 * @namespace
 */
export const attestationSimulator = Object.freeze({
  /**
   * A simulated AMD SEV-SNP platform: real-format reports signed by a VCEK (P-384) under a
   * test-only ASK and ARK (RSA-4096), in AMD's formats; CRLs and revocation too.
   *
   * @throws `TypeError` / `RangeError` naming an option that is invalid (a product other than
   * Milan, Genoa or Turin, a `notAfter` not after `notBefore`). `attest` throws `RangeError` for a
   * bad field (a REPORT_DATA not of 64 bytes, a version other than 2, 3 or 5), and `TypeError`
   * after `destroy`.
   * @example
   * ```ts
   * import { attestation } from 'oblivia/attestation';
   * import { attestationSimulator } from 'oblivia/attestation-simulator';
   *
   * const sim = await attestationSimulator.sevSnp({ product: 'Milan' });
   * const report = sim.attest({ reportData: new Uint8Array(64), measurement: new Uint8Array(48).fill(1) });
   * const verifier = attestation.sevSnp.verifier({ roots: [{ product: 'Milan', arkSha256: sim.arkSha256 }] });
   * await verifier.verify(report, { signer: sim.vcek, chain: sim.chainPem }, { at: new Date() });
   * sim.destroy();
   * ```
   */
  sevSnp: createSevSnpSimulator,
});
