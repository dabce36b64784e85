// oblivia-log, run as a user runs it: keygen, append files to a log directory, checkpoint, prove,
// verify (with the exit status of a refusal and of bad usage).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const CLI = fileURLToPath(new URL('../../build/out/bindings/cli/oblivia-log.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'oblivia-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status, stdout, stderr };
}

test('keygen, append, checkpoint, prove, verify; a wrong entry is refused with exit 1; bad usage exits 2', () => {
  const keys = cli('keygen', 'example.com/releases');
  expect(keys.status).toBe(0);
  const [skey, vkey] = keys.stdout.trim().split('\n') as [string, string];
  expect(skey).toMatch(/^PRIVATE\+KEY\+example\.com\/releases\+[0-9a-f]{8}\+/);
  expect(vkey).toMatch(/^example\.com\/releases\+[0-9a-f]{8}\+/);
  const skeyFile = join(dir, 'log.key');
  writeFileSync(skeyFile, skey + '\n', { mode: 0o600 });
  const log = join(dir, 'log');
  const entries = ['a', 'b', 'c'].map((name) => {
    const file = join(dir, `${name}.txt`);
    writeFileSync(file, `release ${name}\n`);
    return file;
  });

  const appended = cli('append', log, skeyFile, ...entries);
  expect(appended.status).toBe(0);
  expect(appended.stdout).toMatch(/^example\.com\/releases\n3\n[A-Za-z0-9+/]{43}=\n\n— example\.com\/releases /);
  expect(cli('checkpoint', log).stdout).toBe(appended.stdout);

  const proof = cli('prove', log, '1');
  expect(proof.stdout.startsWith('c2sp.org/tlog-proof@v1\nindex 1\n')).toBe(true);
  const proofFile = join(dir, 'b.proof');
  writeFileSync(proofFile, proof.stdout);
  expect(cli('verify', vkey, proofFile, entries[1]!)).toEqual({
    status: 0,
    stdout: 'entry 1 is included in example.com/releases at size 3\n',
    stderr: '',
  });
  expect(cli('verify', vkey, proofFile, entries[0]!)).toEqual({
    status: 1,
    stdout: '',
    stderr: 'refused: NOT_INCLUDED\n',
  });
  const other = cli('keygen', 'example.com/releases').stdout.trim().split('\n')[1]!;
  expect(cli('verify', other, proofFile, entries[1]!)).toEqual({
    status: 1,
    stdout: '',
    stderr: 'refused: UNVERIFIED\n',
  });
  expect(cli('prove', log, '3').status).toBe(2);
  expect(cli('frobnicate').status).toBe(2);
});
