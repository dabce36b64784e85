// The matrix as a markdown table: each runtime, whether its smoke test passed, the backend that ran
// it and what init() said (its reason, or how it failed).
import type { Outcome } from './outcome.js';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function matrixTable(rows: readonly { name: string; outcome: Outcome | undefined }[]): string {
  const lines = ['| runtime | result | backend | init() |', '| --- | --- | --- | --- |'];
  for (const { name, outcome } of rows) {
    if (outcome === undefined) lines.push(`| ${name} | not run | | |`);
    else if ('error' in outcome) lines.push(`| ${name} | failed: ${cell(outcome.error)} | | |`);
    else {
      const { ok, failures, backend, init } = outcome.report;
      const result = ok ? 'ok' : `failed: ${cell(failures.join('; '))}`;
      lines.push(`| ${name} | ${result} | ${backend} | ${cell(describeInit(init))} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/** What the smoke test recorded of init(): `{ backend, reason }`, `{ error }` if it rejected, null
 *  if it resolved with no value; anything else as JSON. */
function describeInit(init: unknown): string {
  if (init === null) return 'resolved with no value';
  const { backend, reason, error } = init as { backend?: unknown; reason?: unknown; error?: unknown };
  if (typeof error === 'string') return `rejected: ${error}`;
  if (typeof backend === 'string' && typeof reason === 'string') return `${backend}: ${reason}`;
  return `resolved ${JSON.stringify(init)}`;
}
