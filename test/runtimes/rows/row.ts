// A row of the matrix: a runtime (and the bundler that prepared the fixture for it, if any).
import type { Outcome } from '../outcome.js';
import type { Project } from '../project.js';

export interface Row {
  /** The name the smoke test reports as `runtime`. */
  readonly name: string;
  /** Where init() must say the wasm module came from (InitResult's `reason`). */
  readonly wasmFrom: 'file' | 'inline' | 'worker-module';
  run(project: Project): Promise<Outcome>;
}

/** How long one runtime may take to start, run the smoke test and report. */
export const ROW_TIMEOUT_MS = 30_000;
