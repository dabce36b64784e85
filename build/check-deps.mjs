// The import graph of bindings/ and assembly/ has no cycle and no upward arrow. Imports are read by
// TypeScript (ts.preProcessFile: import, import type, export … from, import()) and resolved as a
// bundler would; cycles are the strongly connected components of the graph (Tarjan).
// Usage: node build/check-deps.mjs (exit 1 and one line a problem if there is any).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** What may not import what, by path from the root. */
export const RULES = [
  {
    name: 'the backend imports no protocol',
    from: /^bindings\/backend\//,
    to: /^bindings\/(hpke|oprf|bhttp|ohttp|http|credentials|privacypass|hpke-js|tlog|attestation)(\/|\.ts$)/,
  },
  {
    name: 'the wasm backend imports no js backend file',
    from: /^bindings\/backend\/wasm\//,
    to: /^bindings\/backend\/js\//,
  },
  { name: 'the messages import no role', from: /^bindings\/(hpke|oprf|bhttp|ohttp)\//, to: /^bindings\/http\// },
  {
    name: 'tlog imports only primitives, utils and itself',
    from: /^bindings\/tlog\//,
    to: /^bindings\/(backend|hpke|oprf|bhttp|ohttp|http|credentials|privacypass|hpke-js|attestation|session)(\/|\.ts$)/,
  },
  {
    name: 'attestation imports only primitives, utils and itself',
    from: /^bindings\/attestation\//,
    to: /^bindings\/(backend|hpke|oprf|bhttp|ohttp|http|credentials|privacypass|hpke-js|tlog|session)(\/|\.ts$)/,
  },
  {
    name: 'the verifiers import no simulator',
    from: /^bindings\/attestation(\.ts$|\/(?!sev-snp-sim|x509-builder))/,
    to: /^bindings\/(attestation-simulator\.ts$|attestation\/(sev-snp-sim|x509-builder))/,
  },
  {
    name: 'session imports no backend, OPRF, credential or hpke-js code',
    from: /^bindings\/session(\/|\.ts$)/,
    to: /^bindings\/(backend|oprf|credentials|privacypass|hpke-js)(\/|\.ts$)/,
  },
  {
    name: 'session imports no simulator',
    from: /^bindings\/session(\/|\.ts$)/,
    to: /^bindings\/(attestation-simulator\.ts$|attestation\/(sev-snp-sim|x509-builder))/,
  },
  {
    name: 'the root imports no attestation nor session (their X.509 layer stays out of the root)',
    from: /^bindings\/index\.ts$/,
    to: /^bindings\/(attestation|session)/,
  },
  {
    name: 'only the oblivia/redis entry imports the Redis stores (the root and the families stay free of them)',
    from: /^bindings\/(?!redis(\/|\.ts$))/,
    to: /^bindings\/redis(\/|\.ts$)/,
  },
  {
    name: 'the Redis stores import only credentials, the replay store interface, utils and themselves',
    from: /^bindings\/redis(\/|\.ts$)/,
    to: /^bindings\/(?!(redis|credentials|utils)(\/|\.ts$)|http\/replay\.ts$)/,
  },
  { name: 'utils import only utils', from: /^bindings\/utils\//, to: /^(?!bindings\/utils\/)/ },
  { name: 'the core imports no binding', from: /^assembly\//, to: /^bindings\// },
];

/** Known problems that other work removes; that work deletes its entry (an entry that matches no
 *  problem is itself one). */
export const ALLOWED = [];

const OPTIONS = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: false };

function sources(root, dir) {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(dir, file).split(sep).join('/'));
}

/** Each file under `dirs` (relative to `root`, '/'-separated) → the files under `dirs` it imports. */
export function moduleGraph(root, dirs) {
  const files = new Set(dirs.flatMap((dir) => sources(root, dir)));
  const graph = new Map();
  for (const file of files) {
    const path = join(root, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName, path, OPTIONS, ts.sys).resolvedModule?.resolvedFileName)
      .filter((target) => target !== undefined)
      .map((target) => relative(root, target).split(sep).join('/'));
    graph.set(file, new Set(targets.filter((target) => files.has(target))));
  }
  return graph;
}

/** The cycles: every strongly connected component of more than one file, or a file importing itself. */
export function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (file) => {
    index.set(file, index.size);
    low.set(file, index.get(file));
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file), index.get(next)));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.has(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

/** Every problem of the graph under `rules`, one line each. */
export function problems(graph, rules = RULES) {
  const out = cycles(graph).map((component) => `cycle: ${component.join(', ')}`);
  for (const [file, targets] of graph) {
    for (const target of targets) {
      for (const rule of rules)
        if (rule.from.test(file) && rule.to.test(target)) out.push(`${rule.name}: ${file} -> ${target}`);
    }
  }
  return out.sort();
}

/** The problems not allowed, and the allowed entries that match none (stale). */
export function check(root, dirs = ['bindings', 'assembly'], rules = RULES, allowed = ALLOWED) {
  const found = problems(moduleGraph(root, dirs), rules);
  return [
    ...found.filter((problem) => !allowed.includes(problem)),
    ...allowed
      .filter((entry) => !found.includes(entry))
      .map((entry) => `allowed, but no longer found (delete it from ALLOWED): ${entry}`),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (const entry of ALLOWED) console.log(`check-deps: allowed for now: ${entry}`);
  const failures = check(root);
  for (const failure of failures) console.error(`check-deps: ${failure}`);
  process.exit(failures.length === 0 ? 0 : 1);
}
