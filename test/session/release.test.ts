// Release statements: their one text encoding, the parser's refusals, and `oblivia-log release`,
// which appends one to a log directory (then `prove` and `verify` work on it as on any entry).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { session, SessionError, type ReleaseStatement } from 'oblivia/session';
import { tlog } from 'oblivia/tlog';

const measurement = Uint8Array.from({ length: 48 }, (_, i) => i);
const release: ReleaseStatement = {
  platform: 'sev-snp',
  measurement,
  name: 'oblivia-node 1.2.3',
  time: new Date('2026-03-01T00:00:00Z'),
};
const TEXT =
  'oblivia release v1\n' +
  'platform sev-snp\n' +
  `measurement ${Buffer.from(measurement).toString('hex')}\n` +
  'name oblivia-node 1.2.3\n' +
  'time 1772323200\n';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('release statements', () => {
  test('have one text encoding, which parses back to their parts', () => {
    const statement = session.releaseStatement(release);
    expect(new TextDecoder().decode(statement)).toBe(TEXT);
    expect(session.parseReleaseStatement(statement)).toEqual(release);
    expect(session.RELEASE_STATEMENT_HEADER).toBe('oblivia release v1');
    // Milliseconds are dropped.
    expect(session.releaseStatement({ ...release, time: new Date(release.time.getTime() + 999) })).toEqual(statement);
    const gpu = session.releaseStatement({ ...release, platform: 'nvidia-h100' });
    expect(session.parseReleaseStatement(gpu).platform).toBe('nvidia-h100');
  });

  test('any other text is MALFORMED', () => {
    const variants = [
      TEXT.slice(0, -1), // no final newline
      TEXT + '\n', // an extra line
      TEXT.replace('oblivia release v1', 'oblivia release v2'),
      TEXT.replace('platform sev-snp', 'platform tdx'),
      TEXT.replace('measurement 00', 'measurement 0A').replace('0a', '0A'), // uppercase hex
      TEXT.replace(/measurement ([0-9a-f]+)/, (_, h: string) => `measurement ${h.slice(2)}`), // 47 bytes
      TEXT.replace('name oblivia-node 1.2.3', 'name  oblivia-node'), // a leading space
      TEXT.replace('name oblivia-node 1.2.3', `name ${'x'.repeat(129)}`),
      TEXT.replace('time 1772323200', 'time 01772323200'),
      TEXT.replace('time 1772323200', 'time 99999999999999'), // beyond a Date
      TEXT.replace('\n', '\r\n'),
      TEXT.replace('platform sev-snp\n', '').replace('name', 'platform sev-snp\nname'), // reordered
      TEXT.replace('oblivia-node', 'oblivia-nöde'),
      '',
    ];
    for (const text of variants) {
      expect(() => session.parseReleaseStatement(encode(text)), JSON.stringify(text)).toThrow(
        expect.objectContaining({ name: 'SessionError', code: 'MALFORMED' }),
      );
    }
    expect(() => session.parseReleaseStatement(encode(TEXT))).not.toThrow(SessionError);
  });

  test('arguments: a wrong type is a TypeError, a wrong size or value a RangeError', () => {
    expect(() => session.releaseStatement({ ...release, measurement: measurement.subarray(1) })).toThrow(RangeError);
    expect(() => session.releaseStatement({ ...release, name: '' })).toThrow(RangeError);
    expect(() => session.releaseStatement({ ...release, name: 'x'.repeat(129) })).toThrow(RangeError);
    expect(() => session.releaseStatement({ ...release, name: 'tab\there' })).toThrow(RangeError);
    expect(() => session.releaseStatement({ ...release, platform: 'tdx' as never })).toThrow(RangeError);
    expect(() => session.releaseStatement({ ...release, time: 1772323200 as never })).toThrow(TypeError);
    expect(() => session.releaseStatement({ ...release, time: new Date(-1000) })).toThrow(RangeError);
    expect(session.releaseStatement({ ...release, name: 'x'.repeat(128) }).length).toBeGreaterThan(0);
  });
});

describe('oblivia-log release', () => {
  const CLI = fileURLToPath(new URL('../../build/out/bindings/cli/oblivia-log.js', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'oblivia-release-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

  test('appends a statement, which prove and verify then show included; bad arguments exit 2', () => {
    const key = tlog.generateKey('example.com/releases');
    const skey = join(dir, 'log.key');
    writeFileSync(skey, key.signerKey + '\n');
    const logDir = join(dir, 'log');
    const out = join(dir, 'release.txt');
    const hexMeasurement = Buffer.from(measurement).toString('hex');
    const appended = cli(
      'release',
      logDir,
      skey,
      'sev-snp',
      hexMeasurement,
      'oblivia-node 1.2.3',
      '--time',
      '1772323200',
      '--out',
      out,
    );
    expect(appended.stderr).toBe('');
    expect(appended.status).toBe(0);
    expect(appended.stdout.startsWith(`index 0\n${TEXT}\nexample.com/releases\n1\n`)).toBe(true);
    expect(new Uint8Array(readFileSync(out))).toEqual(session.releaseStatement(release));

    const proof = join(dir, 'release.proof');
    writeFileSync(proof, cli('prove', logDir, '0').stdout);
    const verified = cli('verify', key.verifierKey, proof, out);
    expect(verified.stdout).toBe('entry 0 is included in example.com/releases at size 1\n');

    expect(cli('release', logDir, skey, 'tdx', hexMeasurement, 'x').status).toBe(2);
    expect(cli('release', logDir, skey, 'sev-snp', hexMeasurement.slice(2), 'x').status).toBe(2);
    expect(cli('release', logDir, skey, 'sev-snp', hexMeasurement.toUpperCase(), 'x').status).toBe(2);
    expect(cli('release', logDir, skey, 'sev-snp', hexMeasurement, 'x', '--time', '-1').status).toBe(2);
    expect(cli('release', logDir, skey, 'sev-snp').status).toBe(2);
  });
});
