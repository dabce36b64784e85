// The build is reproducible: compiling the same sources again gives the same bytes.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import asc from 'assemblyscript/asc';
import { afterAll, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'oblivia-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function compile(target: string, outFile: string): Promise<string> {
  const { error } = await asc.main(['--config', 'asconfig.json', '--target', target, '--outFile', outFile], {
    stdout: { write: () => true },
    stderr: { write: () => true },
  } as never);
  expect(error).toBeNull();
  return sha256(outFile);
}

test.each([
  ['release', 'oblivia.wasm'],
  ['scalar', 'oblivia.scalar.wasm'],
  ['debug', 'oblivia.debug.wasm'],
])('%s: two builds give the same bytes as build/out', async (target, file) => {
  const first = await compile(target, join(dir, `1-${file}`));
  const second = await compile(target, join(dir, `2-${file}`));
  expect(second).toBe(first);
  expect(sha256(`build/out/wasm/${file}`)).toBe(first);
});
