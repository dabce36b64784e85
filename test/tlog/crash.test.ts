// Crash safety (c2sp.org/tlog-tiles): a writer killed at any moment of an append or a publish
// leaves the log readable at its last checkpoint — its signature verifies, its tiles give its root,
// every entry up to it is there and proven included — and a new writer resumes from it with a tree
// consistent with it. The writer runs in another process and is killed with SIGKILL at random times.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { tlog, type Checkpoint } from 'oblivia';
import { directoryStorage } from 'oblivia/node';

const KILLS = Number(process.env.OBLIVIA_CRASH_KILLS ?? 8);
const BINDINGS = fileURLToPath(new URL('../../build/out/bindings', import.meta.url));
const APPENDER = fileURLToPath(new URL('./fixtures/append-forever.mjs', import.meta.url));
const key = tlog.generateKey('example.com/crash');
const policy = tlog.policy({ log: key.verifierKey });
const dir = mkdtempSync(join(tmpdir(), 'oblivia-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (i: number) => new TextEncoder().encode(`entry ${i}`);

/** Runs the appender until it has resumed and then for `ms` more, then kills it. */
function appendFor(ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [APPENDER, BINDINGS, dir, key.signerKey], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('\n') && !child.killed) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(Number(/^resumed (\d+)/.exec(out)![1])) : reject(new Error(err || out)),
    );
  });
}

/** The log as a reader finds it: the checkpoint verified, the tiles checked against it. */
function check(previous: Checkpoint | undefined): Checkpoint {
  const storage = directoryStorage(dir);
  const note = new TextDecoder().decode(storage.read('checkpoint'));
  const { checkpoint } = policy.verifyCheckpoint(note);
  const reader = tlog.tileReader(storage, checkpoint.size);
  expect(reader.rootHash()).toEqual(checkpoint.rootHash);
  const step = Math.max(1, Math.floor(checkpoint.size / 500));
  for (let i = 0; i < checkpoint.size; i += step) {
    expect(reader.entry(i)).toEqual(entry(i));
    tlog.verifyInclusion(tlog.leafHash(entry(i)), i, checkpoint, reader.inclusionProof(i));
  }
  if (previous !== undefined && previous.size > 0) {
    expect(checkpoint.size).toBeGreaterThanOrEqual(previous.size);
    tlog.verifyConsistency(previous, checkpoint, reader.consistencyProof(previous.size));
  }
  return checkpoint;
}

test(`killed ${KILLS} times mid-write, the log stays readable at its last checkpoint and resumes from it`, async () => {
  let previous: Checkpoint | undefined;
  for (let kill = 0; kill < KILLS; kill++) {
    const resumedAt = await appendFor(40 + ((kill * 37) % 160));
    expect(resumedAt).toBe(previous?.size ?? 0);
    previous = check(previous);
  }
  expect(previous!.size).toBeGreaterThan(0);
}, 120_000);
