#!/usr/bin/env node
// oblivia-log: a tiled transparency log (c2sp.org/tlog-tiles) in a directory, from the shell.
//   oblivia-log keygen <name>                           a signer key (keep it secret) and its vkey
//   oblivia-log append <dir> <skey file> <file>...      appends each file as an entry and publishes
//   oblivia-log checkpoint <dir>                        the signed checkpoint
//   oblivia-log prove <dir> <index>                     a c2sp.org/tlog-proof of entry <index>
//   oblivia-log verify <vkey> <proof file> <entry file> [--witness <vkey>]... [--quorum <n>] [--max-age <s>]
// Exit status: 0 done, 1 refused (the TransparencyError code is printed), 2 bad usage.
import { readFileSync } from 'node:fs';
import { tlog } from '../tlog.js';
import { TransparencyError } from '../tlog/transparency-error.js';
import { directoryStorage } from '../tlog/directory-storage.js';

const USAGE = `usage: oblivia-log keygen <name>
       oblivia-log append <dir> <skey file> <file>...
       oblivia-log checkpoint <dir>
       oblivia-log prove <dir> <index>
       oblivia-log verify <vkey> <proof file> <entry file> [--witness <vkey>]... [--quorum <n>] [--max-age <seconds>]`;

class UsageError extends Error {}

const text = (path: string): string => readFileSync(path, 'utf8');

function checkpointOf(dir: string): string {
  const note = directoryStorage(dir).read('checkpoint');
  if (note === undefined) throw new UsageError(`no checkpoint in ${dir}`);
  return new TextDecoder().decode(note);
}

/** The flags after the positional arguments: repeated `--witness`, single `--quorum`, `--max-age`. */
function flags(args: readonly string[]): { witnesses: string[]; quorum?: number; maxAge?: number } {
  const witnesses: string[] = [];
  let quorum: number | undefined;
  let maxAge: number | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1];
    if (value === undefined) throw new UsageError(`${args[i]} needs a value`);
    if (args[i] === '--witness') witnesses.push(value);
    else if (args[i] === '--quorum') quorum = Number(value);
    else if (args[i] === '--max-age') maxAge = Number(value);
    else throw new UsageError(`unknown option ${args[i]}`);
  }
  return { witnesses, quorum, maxAge };
}

function run(command: string | undefined, args: readonly string[]): string {
  switch (command) {
    case 'keygen': {
      if (args.length !== 1) throw new UsageError(USAGE);
      const { signerKey, verifierKey } = tlog.generateKey(args[0]!);
      return `${signerKey}\n${verifierKey}`;
    }
    case 'append': {
      const [dir, skeyFile, ...files] = args;
      if (dir === undefined || skeyFile === undefined || files.length === 0) throw new UsageError(USAGE);
      const writer = tlog.logWriter({ storage: directoryStorage(dir), signer: text(skeyFile).trim() });
      for (const file of files) writer.append(readFileSync(file));
      return writer.publish().trimEnd();
    }
    case 'checkpoint':
      if (args.length !== 1) throw new UsageError(USAGE);
      return checkpointOf(args[0]!).trimEnd();
    case 'prove': {
      const [dir, index] = args;
      if (dir === undefined || !/^\d+$/.test(index ?? '')) throw new UsageError(USAGE);
      const checkpoint = checkpointOf(dir);
      const { size } = tlog.parseCheckpoint(tlog.parseNote(checkpoint).text);
      if (Number(index) >= size) throw new UsageError(`entry ${index} is not in the tree of ${size}`);
      const hashes = tlog.tileReader(directoryStorage(dir), size).inclusionProof(Number(index));
      return tlog.formatProof({ index: Number(index), hashes, checkpoint }).trimEnd();
    }
    case 'verify': {
      const [vkey, proofFile, entryFile, ...rest] = args;
      if (vkey === undefined || proofFile === undefined || entryFile === undefined) throw new UsageError(USAGE);
      const { witnesses, quorum, maxAge } = flags(rest);
      const policy = tlog.policy({ log: vkey, witnesses, quorum, maxAge });
      const now = Math.floor(Date.now() / 1000); // the caller's clock, given to the verifier
      const leaf = tlog.leafHash(readFileSync(entryFile));
      const { index, checkpoint } = policy.verifyProof(text(proofFile), leaf, { now });
      return `entry ${index} is included in ${checkpoint.origin} at size ${checkpoint.size}`;
    }
    default:
      throw new UsageError(USAGE);
  }
}

try {
  process.stdout.write(run(process.argv[2], process.argv.slice(3)) + '\n');
} catch (e) {
  process.stderr.write((e instanceof TransparencyError ? `refused: ${e.code}` : (e as Error).message) + '\n');
  process.exitCode = e instanceof TransparencyError ? 1 : 2;
}
