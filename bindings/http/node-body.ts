// Node.js only: a request body read under the limits that keep one client from holding a server's
// memory or time — a size cap per request, a pause cap between chunks, and a byte budget shared by
// every request in flight, so that many slow uploads together cannot hold more than the budget.
import type { IncomingMessage } from 'node:http';

/** Request-body bytes held at once, shared by the requests of one server. */
export class BodyBudget {
  #left: number;

  constructor(bytes: number) {
    this.#left = bytes;
  }

  /** Takes `bytes` from the budget; false (and nothing taken) if they are not left. */
  take(bytes: number): boolean {
    if (bytes > this.#left) return false;
    this.#left -= bytes;
    return true;
  }

  release(bytes: number): void {
    this.#left += bytes;
  }
}

/** The body, or the status refusing it: 413 over `maxBytes`, 408 after a pause longer than
 *  `idleMs`, 503 when the shared budget is spent, 400 when the client went away mid-body. */
export type BodyOutcome = { readonly body: Buffer; readonly held: number } | { readonly refuse: 400 | 408 | 413 | 503 };

/**
 * Reads `req`'s body. Whatever the outcome, the bytes it holds stay taken from `budget` until the
 * caller releases `held` (on a refusal nothing is held). After a refusal the body is no longer
 * read: the caller answers and closes the connection.
 */
export function readNodeBody(
  req: IncomingMessage,
  maxBytes: number,
  idleMs: number,
  budget: BodyBudget,
): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return resolve({ refuse: 413 });
    const chunks: Buffer[] = [];
    let held = 0;
    const timer = setTimeout(() => settle({ refuse: 408 }), idleMs); // re-armed by each chunk
    const settle = (outcome: BodyOutcome) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if ('refuse' in outcome) {
        req.pause();
        budget.release(held);
        chunks.length = 0;
      }
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      if (held + chunk.length > maxBytes) return settle({ refuse: 413 });
      if (!budget.take(chunk.length)) return settle({ refuse: 503 });
      held += chunk.length;
      chunks.push(chunk);
      timer.refresh();
    };
    const onEnd = () => settle({ body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, held), held });
    const onError = () => settle({ refuse: 400 });
    const onClose = () => {
      if (!req.complete) settle({ refuse: 400 });
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
