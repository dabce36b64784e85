// NIST CAVP SHAVS byte-oriented known answers (FIPS 180-4): SHA-256/384/512, ShortMsg and LongMsg.
// Every entry is checked one-shot and streamed in irregular pieces (subarray views at odd offsets).
import { describe, expect, test } from 'vitest';
import { sha256, sha384, sha512, type HashFunction } from 'oblivia';
import { hex, readVector } from '../helpers.js';
import { parseShavs, type ShavsEntry } from './rsp.js';

// Entry counts, counted once from the files (they match the README's 65/64/129/128/129/128), so a
// truncated or altered file fails instead of silently testing less.
const FILES: ReadonlyArray<{ file: string; hash: HashFunction; entries: number; maxLen: number }> = [
  { file: 'SHA256ShortMsg.rsp', hash: sha256, entries: 65, maxLen: 512 },
  { file: 'SHA256LongMsg.rsp', hash: sha256, entries: 64, maxLen: 51200 },
  { file: 'SHA384ShortMsg.rsp', hash: sha384, entries: 129, maxLen: 1024 },
  { file: 'SHA384LongMsg.rsp', hash: sha384, entries: 128, maxLen: 102400 },
  { file: 'SHA512ShortMsg.rsp', hash: sha512, entries: 129, maxLen: 1024 },
  { file: 'SHA512LongMsg.rsp', hash: sha512, entries: 128, maxLen: 102400 },
];

/** Deterministic PRNG (mulberry32), so a failing split can be reproduced from the entry. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Split points: 3 pseudo-random cuts (repeats give empty updates), sorted. */
function randomCuts(length: number, random: () => number): number[] {
  const cuts = [0, length];
  for (let i = 0; i < 3; i++) cuts.push(Math.floor(random() * (length + 1)));
  return cuts.sort((a, b) => a - b);
}

/** Consecutive pieces of pseudo-random size 1..2·blockLen+1, straddling block boundaries. */
function chunkCuts(length: number, blockLen: number, random: () => number): number[] {
  const cuts = [0];
  for (let at = 0; at < length;) {
    at = Math.min(length, at + 1 + Math.floor(random() * (2 * blockLen + 1)));
    cuts.push(at);
  }
  return cuts;
}

function streamed(hash: HashFunction, msg: Uint8Array, cuts: number[]): string {
  const h = hash.create();
  for (let i = 1; i < cuts.length; i++) h.update(msg.subarray(cuts[i - 1], cuts[i]));
  return hex(h.digest());
}

describe.each(FILES)('SHAVS $file', ({ file, hash, entries: expectedEntries, maxLen }) => {
  const entries: ShavsEntry[] = parseShavs(readVector(`nist/SHAVS/${file}`));
  const ran: boolean[] = [];

  test('has the expected entries', () => {
    expect(entries.length).toBe(expectedEntries);
    expect(entries.every((e) => e.md.length === hash.outputLen * 2)).toBe(true);
    expect(Math.max(...entries.map((e) => e.len))).toBe(maxLen);
    if (file.includes('ShortMsg')) {
      // ShortMsg is every byte length 0..blockLen: Len = 0, 8, 16, …
      expect(entries.map((e) => e.len)).toEqual(entries.map((_, i) => 8 * i));
    }
  });

  test.for(entries.map((e, index) => ({ ...e, index })))('Len = $len (line $line)', ({ msg, md, index, line }) => {
    const copy = msg.slice();
    expect(hex(hash(msg))).toBe(md);

    const random = prng(0x5eed ^ (line * 2654435761));
    const cuts = randomCuts(msg.length, random);
    expect(streamed(hash, msg, cuts), `cuts ${cuts.join(',')}`).toBe(md);
    const chunks = chunkCuts(msg.length, hash.blockLen, random);
    expect(streamed(hash, msg, chunks), `cuts ${chunks.join(',')}`).toBe(md);

    expect(hex(msg)).toBe(hex(copy)); // the input is not mutated
    ran[index] = true;
  });

  // Runs after the entries (tests in a file run in order): every one of them ran to the end.
  test('every entry ran, none skipped', () => {
    expect(ran.filter(Boolean).length).toBe(expectedEntries);
  });
});
