// The core has a fixed number of state slots; the host may have any number of live streaming
// objects. Each object leases a slot while it runs; when none is free, the least recently used
// lease is parked (its state copied out of the core) and restored when it runs again.
import type { CoreExports } from './generated/core-exports.js';

/** What the pool uses of the core (core.ts's Core). */
export interface SlotHost {
  readonly exports: Pick<CoreExports, 'slot_save' | 'slot_load'>;
  readonly mem: Uint8Array;
  readonly io: number;
  check(status: number): void;
  take(length: number): Uint8Array;
}

export interface Lease {
  slot: number;
  parked: Uint8Array | undefined;
  lastUse: number;
}

export class SlotPool {
  private readonly owners: (Lease | undefined)[];
  private clock = 0;

  constructor(
    private readonly core: SlotHost,
    count: number,
    private readonly slotSize: number,
  ) {
    this.owners = new Array(count).fill(undefined);
  }

  /** The slot holding `lease`'s state, restoring it if it was parked. */
  acquire(lease: Lease): number {
    lease.lastUse = ++this.clock;
    if (lease.slot >= 0) return lease.slot;
    const slot = this.free();
    if (lease.parked) {
      const { core } = this;
      core.mem.set(lease.parked, core.io);
      lease.parked.fill(0);
      lease.parked = undefined;
      core.check(core.exports.slot_load(slot));
    }
    this.owners[slot] = lease;
    lease.slot = slot;
    return slot;
  }

  /** Forgets `lease`; its slot must already be wiped by the core (digest, slot_wipe). */
  release(lease: Lease): void {
    if (lease.slot >= 0) this.owners[lease.slot] = undefined;
    lease.slot = -1;
    lease.parked?.fill(0);
    lease.parked = undefined;
  }

  private free(): number {
    let victim = 0;
    for (let slot = 0; slot < this.owners.length; slot++) {
      const owner = this.owners[slot];
      if (owner === undefined) return slot;
      if (owner.lastUse < this.owners[victim]!.lastUse) victim = slot;
    }
    this.park(this.owners[victim]!);
    return victim;
  }

  private park(lease: Lease): void {
    const { core } = this;
    const slot = lease.slot;
    core.check(core.exports.slot_save(slot));
    lease.parked = core.take(this.slotSize);
    lease.slot = -1;
    this.owners[slot] = undefined;
  }
}
