// The one result shape of every evidence verifier (SEV-SNP, H100; TDX and Nitro fit it too): what was
// measured, what the evidence binds, the TCB it runs at, and the parsed evidence for anything else.

/** The platforms whose evidence this library verifies. */
export type AttestationPlatform = 'sev-snp' | 'nvidia-h100';

/** What every evidence verifier returns: measurements, the bound report data, the TCB, the parsed evidence. */
export interface AttestationResult<Platform extends AttestationPlatform, Evidence> {
  readonly platform: Platform;
  /** Measurements by name: SEV-SNP `MEASUREMENT`; H100 the SPDM block index (`'1'`…`'64'`). */
  readonly measurements: ReadonlyMap<string, Uint8Array>;
  /** What the evidence binds for the relying party: SEV-SNP REPORT_DATA, the H100 request nonce. */
  readonly reportData: Uint8Array;
  /** Security version numbers by component. */
  readonly tcb: Readonly<Record<string, number>>;
  /** Whether the TEE may be debugged (refused unless the policy allowed it). */
  readonly debug: boolean;
  /** SHA-256 of the DER of the root the chain reached. */
  readonly root: Uint8Array;
  /** The verification time the caller gave. */
  readonly verifiedAt: Date;
  readonly evidence: Evidence;
}
