// `npm run bench`: cross-check every implementation, time the cases side by side in rounds,
// then write bench/results/*.json, report.md, report.svg and the README's bench section.
// BENCH_GROUP=<id>[,<id>…] (hash, aead, dh, signatures, hpke, ohttp, oprf, credentials, tlog, attestation, session) builds, checks and times only those
// groups' cases, and BENCH_FILTER=<text> only the cases whose id contains it; with either set,
// nothing is written.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartSvg } from './chart.js';
import { checkAeads } from './check-aead.js';
import { checkHpke } from './check-hpke.js';
import { checkOprf } from './check-oprf.js';
import { crossCheck } from './check.js';
import { CT_RESULTS, README, RESULTS_DIR, runSettings } from './config.js';
import { readCt } from './ct/report.js';
import { GROUPS } from './groups.js';
import { bestOf, measureRound } from './measure.js';
import { loadHashWasm } from './peers/hash-wasm.js';
import { loadSodium, loadSodiumSumo } from './peers/libsodium.js';
import { updateBlock } from './readme.js';
import { measureBundles } from './bundle/sizes.js';
import { readmeBlock, reportMarkdown, table } from './report.js';
import { writeResults } from './results.js';
import { targetsTable } from './targets.js';
import { runInfo } from './run-info.js';
import { aeadSuite } from './suites/aead.js';
import { attestationCases } from './suites/attestation.js';
import { credentialCases } from './suites/credentials.js';
import { dhCases } from './suites/dh.js';
import { ed25519Cases } from './suites/ed25519.js';
import { ecdsaCases } from './suites/ecdsa.js';
import { hashCases } from './suites/hash.js';
import { hpkeSuite } from './suites/hpke.js';
import { ohttpCases } from './suites/ohttp.js';
import { macCases } from './suites/mac.js';
import { oprfSuite } from './suites/oprf.js';
import { sessionCases } from './suites/session.js';
import { tlogCases } from './suites/tlog.js';
import type { GroupId } from './types.js';

/** The groups BENCH_GROUP names (comma-separated), or undefined for all of them. */
function selectedGroups(env = process.env): ReadonlySet<GroupId> | undefined {
  const raw = env['BENCH_GROUP'];
  if (raw === undefined || raw === '') return undefined;
  const ids = raw.split(',').map((id) => id.trim());
  const known = GROUPS.map((g) => g.id as string);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new RangeError(`BENCH_GROUP expected ids among ${known.join(', ')}, got "${unknown.join(', ')}"`);
  return new Set(ids as GroupId[]);
}

async function main(): Promise<number> {
  const settings = runSettings();
  const filter = process.env['BENCH_FILTER'] || undefined;
  const groups = selectedGroups();
  const wants = (group: GroupId) => !groups || groups.has(group);
  const [hashWasm, sodium, sumo] = await Promise.all([loadHashWasm(), loadSodium(), loadSodiumSumo()]);
  const aead = wants('aead') ? await aeadSuite(sodium) : { cases: [], checks: [] };
  const hpke = wants('hpke') ? await hpkeSuite() : { cases: [], checks: [] };
  const oprf = wants('oprf') ? await oprfSuite(sumo) : { cases: [], checks: [] };
  const all = [
    ...(wants('hash') ? [...hashCases(hashWasm), ...(await macCases(hashWasm))] : []),
    ...aead.cases,
    ...(wants('dh') ? await dhCases(sodium) : []),
    ...(wants('signatures') ? ed25519Cases(sodium) : []),
    ...(wants('signatures') ? await ecdsaCases() : []),
    ...hpke.cases,
    ...(wants('ohttp') ? ohttpCases() : []),
    ...oprf.cases,
    ...(wants('credentials') ? credentialCases() : []),
    ...(wants('tlog') ? tlogCases() : []),
    ...(wants('attestation') ? attestationCases() : []),
    ...(wants('session') ? await sessionCases() : []),
  ];
  const cases = filter ? all.filter((c) => c.id.includes(filter)) : all;
  const partial = filter !== undefined || groups !== undefined;

  const problems = [
    ...(await crossCheck(cases)),
    ...(await checkAeads(aead.checks)),
    ...(await checkHpke(hpke.checks)),
    ...(await checkOprf(oprf.checks)),
  ];
  if (problems.length > 0) {
    console.error('cross-check failed; nothing was timed:\n' + problems.join('\n'));
    return 1;
  }
  console.log(
    `cross-check: all ${cases.length} cases agree with node:crypto (or the case's expected output) on every implementation ` +
      '(HPKE: open gives the plaintext, seal a fresh message per call; OPRF Blind a fresh element per call); every AEAD ' +
      'opens its own output and rejects a forged tag; every HPKE implementation opens every other’s sealed messages and ' +
      'refuses a flipped ciphertext bit; every OPRF implementation derives the same keys, reproduces voprf-ts’s blinded ' +
      'elements from its blinds, finalizes every other’s evaluations to the same outputs and refuses a flipped proof bit',
  );

  // Rounds go over all cases, so a burst of load hits one round of a case, not all of them.
  const info = runInfo(settings);
  const started = performance.now();
  const rounds = cases.map(() => [] as Awaited<ReturnType<typeof measureRound>>[]);
  for (let round = 0; round < settings.rounds; round++) {
    for (const [i, bench] of cases.entries()) {
      console.log(`\n${bench.title} — round ${round + 1}/${settings.rounds}`);
      rounds[i]!.push(await measureRound(bench, settings.caseOptions, round));
    }
  }
  const results = cases.map((bench, i) => bestOf(bench, rounds[i]!));
  console.log(`\ntimed in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  if (partial) {
    for (const group of GROUPS) {
      if (!results.some((r) => r.bench.group === group.id)) continue;
      console.log(['', ...table(results, group), '', ...targetsTable(results, group.id)].join('\n'));
    }
    console.log(`\n${filter !== undefined ? 'BENCH_FILTER' : 'BENCH_GROUP'} is set: nothing written`);
    return 0;
  }
  const ct = readCt(CT_RESULTS);
  const bundles = await measureBundles();
  writeResults(RESULTS_DIR, results, info);
  writeFileSync(join(RESULTS_DIR, 'report.md'), reportMarkdown(results, info, ct, bundles));
  writeFileSync(join(RESULTS_DIR, 'report.svg'), chartSvg(results, info));
  const inReadme = updateBlock(README, readmeBlock(results, info, ct));
  console.log(`\nwrote ${RESULTS_DIR}/{*.json,report.md,report.svg}${inReadme ? ' and the README bench section' : ''}`);
  return 0;
}

process.exitCode = await main();
