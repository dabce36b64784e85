#!/usr/bin/env node
// oblivia-log: a tiled transparency log (c2sp.org/tlog-tiles) in a directory, from the shell.
//   oblivia-log keygen <name>                           a signer key (keep it secret) and its vkey
//   oblivia-log append <dir> <skey file> <file>...      appends each file as an entry and publishes
//   oblivia-log checkpoint <dir>                        the signed checkpoint
//   oblivia-log prove <dir> <index>                     a c2sp.org/tlog-proof of entry <index>
//   oblivia-log release <dir> <skey file> <platform> <measurement hex> <name> [--time <s>] [--out <file>]
//                                                       appends a release statement and publishes
//   oblivia-log verify <vkey> <proof file> <entry file> [--witness <vkey>]... [--quorum <n>] [--max-age <s>]
// Exit status: 0 done, 1 refused (the TransparencyError code is printed), 2 bad usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { releaseStatement } from '../session/release-statement.js';
import { platformArgument } from '../session/platform.js';
import { tlog } from '../tlog.js';
import { TransparencyError } from '../tlog/transparency-error.js';
import { directoryStorage } from '../tlog/directory-storage.js';

const USAGE = `usage: oblivia-log keygen <name>
       oblivia-log append <dir> <skey file> <file>...
       oblivia-log checkpoint <dir>
       oblivia-log prove <dir> <index>
       oblivia-log release <dir> <skey file> <platform> <measurement hex> <name> [--time <POSIX seconds>] [--out <statement file>]
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
    case 'release': {
      const [dir, skeyFile, platform, measurement, name, ...rest] = args;
      if (dir === undefined || skeyFile === undefined || platform === undefined || name === undefined)
        throw new UsageError(USAGE);
      if (!/^([0-9a-f]{2})*$/.test(measurement!)) throw new UsageError('the measurement is lowercase hex');
      const options = new Map<string, string>();
      for (let i = 0; i < rest.length; i += 2) {
        const value = rest[i + 1];
        if ((rest[i] !== '--time' && rest[i] !== '--out') || value === undefined || options.has(rest[i]!))
          throw new UsageError(USAGE);
        options.set(rest[i]!, value);
      }
      const time = options.get('--time') ?? String(Math.floor(Date.now() / 1000));
      if (!/^(0|[1-9][0-9]{0,11})$/.test(time)) throw new UsageError('--time is POSIX seconds');
      let statement: Uint8Array;
      try {
        statement = releaseStatement({
          platform: platformArgument(platform, 'platform'),
          measurement: Uint8Array.from(measurement!.match(/../g) ?? [], (h) => parseInt(h, 16)),
          name,
          time: new Date(Number(time) * 1000),
        });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const writer = tlog.logWriter({ storage: directoryStorage(dir), signer: text(skeyFile).trim() });
      const index = writer.append(statement);
      const checkpoint = writer.publish().trimEnd();
      const out = options.get('--out');
      if (out !== undefined) writeFileSync(out, statement);
      return `index ${index}\n${new TextDecoder().decode(statement)}\n${checkpoint}`;
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
