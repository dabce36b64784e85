// Times cases with benny: one suite per case per round, then each implementation keeps its
// fastest round (load from other processes only ever slows a round down).
import { add, configure, cycle, suite } from 'benny';
import { activate, wrongBackend } from './check.js';
import type { BenchCase, CaseResult, Impl, ImplName, ImplResult } from './types.js';

type Options = { readonly minSamples: number; readonly maxTime: number; readonly minTime: number };
type Round = Omit<ImplResult, 'rounds'>;

/** benchmark.js options for `impl`: its oblivia backend is made active when its timing starts. */
function implOptions(impl: Impl, options: Options): Options {
  // benny passes the options through to benchmark.js, which registers `on*` keys as listeners.
  const withHook: Options & { onStart: () => void } = { ...options, onStart: () => activate(impl) };
  return withHook;
}

/** Round `round` (from 0): one benny suite, the implementations rotated so none always goes first. */
export async function measureRound(bench: BenchCase, caseOptions: Options, round: number): Promise<Round[]> {
  const options = { ...caseOptions, maxTime: caseOptions.maxTime * (bench.timeScale ?? 1) };
  const n = bench.impls.length;
  const order = bench.impls.map((_, i) => bench.impls[(i + round) % n]!);
  const byName = new Map<string, Impl>(order.map((impl) => [impl.name, impl]));
  const wrongEnd: string[] = [];
  const summary = await suite(
    `${bench.id} round ${round + 1}`,
    configure({ minDisplayPrecision: 2 }),
    // A run that returns a Promise (WebCrypto) is timed by benny as an async case.
    ...order.map((impl) => add(impl.name, impl.run, implOptions(impl, options))),
    cycle((result) => {
      // The backend (and wasm build) set at the start must still be the active one when the timing ends.
      const impl = byName.get(result.name);
      const wrong = impl && wrongBackend(impl);
      if (wrong) wrongEnd.push(`${bench.id} / ${result.name} ended with ${wrong}`);
      const ops = result.ops.toFixed(2).padStart(14);
      console.log(`  ${result.name.padEnd(19)} ${ops} ops/s ±${result.margin.toFixed(2)}% (${result.samples} samples)`);
    }),
  );
  if (wrongEnd.length > 0) throw new Error(wrongEnd.join('\n'));
  return summary.results.map((r) => {
    if (!(r.ops > 0)) throw new Error(`${bench.id} / ${r.name}: no measurement`);
    return { name: r.name as ImplName, ops: r.ops, margin: r.margin, samples: r.samples };
  });
}

/** Each implementation's fastest round, with every round's ops/s kept as evidence. */
export function bestOf(bench: BenchCase, rounds: readonly (readonly Round[])[]): CaseResult {
  const results = bench.impls.map((impl): ImplResult => {
    const mine = rounds.flatMap((round) => round.filter((r) => r.name === impl.name));
    const best = mine.reduce((a, b) => (b.ops > a.ops ? b : a));
    return { ...best, rounds: mine.map((r) => r.ops) };
  });
  return { bench, results };
}
