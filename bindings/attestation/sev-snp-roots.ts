// AMD's root keys (ARK), one per product line, pinned by the SHA-256 of their DER as AMD's KDS
// serves them (https://kdsintf.amd.com/vcek/v1/{product}/cert_chain; the same ARK signs the ASK and
// the ASVK). Any other root, such as a simulator's, is trusted only when a verifier is given it.
import { hexToBytes } from '../utils/bytes.js';

/** AMD's SEV-SNP product lines. */
export type SevSnpProduct = 'Milan' | 'Genoa' | 'Turin';

/** A trusted AMD root key (ARK) of a product line, pinned by its SHA-256. */
export interface SevSnpRoot {
  readonly product: SevSnpProduct;
  /** SHA-256 of the ARK certificate's DER. */
  readonly arkSha256: Uint8Array;
}

const root = (product: SevSnpProduct, sha256: string): SevSnpRoot =>
  Object.freeze({ product, arkSha256: hexToBytes(sha256) });

export const AMD_SEV_SNP_ROOTS: readonly SevSnpRoot[] = Object.freeze([
  root('Milan', '69d063b45344d26a2e94e1f4210de49ef555308287d4c174445c95639a540bcd'),
  root('Genoa', '4c6598d19c18719c5dfd4a7d335f674e5bfe1d8f800cea2cf270c10d103db2f1'),
  root('Turin', '1f084161a44bb6d93778a904877d4819cafa5d05ef4193b2ded9dd9c73dd3f6a'),
]);
