// The release transparency log of examples/private-processing.ts: a log key, a tlog.logWriter over
// memory storage, and two witnesses. The witnesses are bare cosigners (tlog.cosigner): they sign
// the checkpoint they are handed. A witness service (tlog.witness) would also remember the last
// checkpoint it cosigned and refuse a fork of it; the example's split view stands for a log and
// witnesses that collude (or whose keys leaked), which only a client that remembers the checkpoint
// it saw before can catch.
import { tlog } from '../bindings/tlog.js';

export interface PublishedTree {
  /** The signed checkpoint, cosigned by every witness. */
  readonly checkpoint: string;
  /** The c2sp.org/tlog-proof of entry `index`: what a node puts in its attested key bundles. */
  proof(index: number): string;
}

/** A log of origin `origin` and one witness per name. `publish` makes a tree of `entries` under the
 *  log's key (each call another tree: two calls with other entries are a fork), cosigned at `time`
 *  (POSIX seconds). */
export function releaseLog(origin: string, witnessNames: readonly string[]) {
  const logKey = tlog.generateKey(origin);
  const witnesses = witnessNames.map((name) => tlog.cosigner(tlog.generateKey(name).signerKey));
  function publish(entries: readonly Uint8Array[], time: number): PublishedTree {
    const storage = tlog.memoryStorage();
    const writer = tlog.logWriter({ storage, signer: logKey.signerKey });
    for (const entry of entries) writer.append(entry);
    let checkpoint = writer.publish();
    for (const witness of witnesses) checkpoint = witness.cosign(checkpoint, time);
    const reader = tlog.tileReader(storage, writer.size);
    return {
      checkpoint,
      proof: (index) => tlog.formatProof({ index, hashes: reader.inclusionProof(index), checkpoint }),
    };
  }
  return { logKey, witnesses, publish };
}
