// The Wycheproof layout shared by every schema (testvectors_v1): a file of groups of tests.
import { readJsonVector } from '../helpers.js';

export interface WycheproofTest {
  tcId: number;
  comment: string;
  flags: string[];
  result: 'valid' | 'invalid' | 'acceptable';
}

export interface WycheproofFile<Group> {
  algorithm: string;
  schema: string;
  numberOfTests: number;
  testGroups: Group[];
}

export function readWycheproof<Group>(file: string): WycheproofFile<Group> {
  return readJsonVector<WycheproofFile<Group>>(`wycheproof/${file}`);
}
