// The active backend's OPRF, or a clear error where that backend has none yet.
import { active } from '../backend/select.js';
import type { OprfBackend } from '../backend/types.js';

export function oprfBackend(): OprfBackend {
  const backend = active();
  if (backend.oprf === undefined) throw new Error(`OPRF is not available on the ${backend.name} backend`);
  return backend.oprf;
}
