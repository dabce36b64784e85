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

export const attestationSimulator = Object.freeze({
  sevSnp: createSevSnpSimulator,
});
