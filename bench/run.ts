// `npm run bench`: cross-check every implementation, time the cases side by side in rounds,
// then write bench/results/*.json, report.md, report.svg and the README's bench section.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartSvg } from './chart.js';
import { crossCheck } from './check.js';
import { README, RESULTS_DIR, runSettings } from './config.js';
import { bestOf, measureRound } from './measure.js';
import { loadHashWasm } from './peers/hash-wasm.js';
import { updateReadme } from './readme.js';
import { readmeBlock, reportMarkdown } from './report.js';
import { writeResults } from './results.js';
import { runInfo } from './run-info.js';
import { hashCases } from './suites/hash.js';
import { macCases } from './suites/mac.js';

async function main(): Promise<number> {
  const settings = runSettings();
  const hashWasm = await loadHashWasm();
  const cases = [...hashCases(hashWasm), ...(await macCases(hashWasm))];

  const problems = crossCheck(cases);
  if (problems.length > 0) {
    console.error('cross-check failed; nothing was timed:\n' + problems.join('\n'));
    return 1;
  }
  console.log(`cross-check: all ${cases.length} cases agree with node:crypto on every implementation`);

  // Rounds go over all cases, so a burst of load hits one round of a case, not all of them.
  const info = runInfo(settings);
  const rounds = cases.map(() => [] as Awaited<ReturnType<typeof measureRound>>[]);
  for (let round = 0; round < settings.rounds; round++) {
    for (const [i, bench] of cases.entries()) {
      console.log(`\n${bench.title} — round ${round + 1}/${settings.rounds}`);
      rounds[i]!.push(await measureRound(bench, settings.caseOptions, round));
    }
  }
  const results = cases.map((bench, i) => bestOf(bench, rounds[i]!));

  writeResults(RESULTS_DIR, results, info);
  writeFileSync(join(RESULTS_DIR, 'report.md'), reportMarkdown(results, info));
  writeFileSync(join(RESULTS_DIR, 'report.svg'), chartSvg(results, info));
  const inReadme = updateReadme(README, readmeBlock(results, info));
  console.log(`\nwrote ${RESULTS_DIR}/{*.json,report.md,report.svg}${inReadme ? ' and the README bench section' : ''}`);
  return 0;
}

process.exitCode = await main();
