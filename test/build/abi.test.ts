// The bindings' type of the core's exports (build/exports.mjs, written by the build) is the
// module's real interface, and it catches drift: an export whose parameters change in
// assembly/index.ts makes the bindings that call it fail to type-check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import asc from 'assemblyscript/asc';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { EXPORTS_FILE, exportsModule } from '../../build/exports.mjs';

const INDEX = 'assembly/index.ts';
const CALLER = 'bindings/backend/wasm/wasm-backend.ts';

/** Function names with their parameter counts, and the other exports' names, of a declarations text. */
function declared(source: string): { functions: Map<string, number>; others: string[] } {
  const functions = new Map<string, number>();
  for (const [, name, params] of source.matchAll(/^ {2}export function (\w+)\(([^)]*)\)/gm)) {
    functions.set(name!, params!.trim() === '' ? 0 : params!.split(',').length);
  }
  const others = [...source.matchAll(/^ {2}export const (\w+):/gm)].map(([, name]) => name!);
  return { functions, others };
}

test.each(['oblivia.wasm', 'oblivia.scalar.wasm', 'oblivia.debug.wasm'])(
  '%s: the generated type declares every export with its arity',
  (file) => {
    const module = new WebAssembly.Module(readFileSync(`build/out/wasm/${file}`));
    const exports = new WebAssembly.Instance(module, {}).exports;
    const { functions, others } = declared(readFileSync(EXPORTS_FILE, 'utf8'));
    const actual = WebAssembly.Module.exports(module);
    const actualFunctions = actual.filter(({ kind }) => kind === 'function').map(({ name }) => name);
    expect(actualFunctions.sort()).toEqual([...functions.keys()].sort());
    for (const name of actualFunctions)
      expect([name, (exports[name] as (...args: unknown[]) => unknown).length]).toEqual([name, functions.get(name)]);
    expect(
      actual
        .filter(({ kind }) => kind !== 'function')
        .map(({ name }) => name)
        .sort(),
    ).toEqual(others.sort());
  },
);

/** asc's declarations of assembly/index.ts with `edit` applied to it, compiled in memory. */
async function declarationsOf(edit: (source: string) => string): Promise<string> {
  let dts: string | undefined;
  let log = '';
  const sink = { write: (text: string) => ((log += text), true) };
  const { error } = await asc.main(
    ['--config', 'asconfig.json', '--target', 'debug', '--bindings', 'raw', '--outFile', 'drift.wasm'],
    {
      stdout: sink,
      stderr: sink,
      readFile: (name: string, baseDir: string) => {
        try {
          const text = readFileSync(join(baseDir, name), 'utf8');
          return name === INDEX ? edit(text) : text;
        } catch {
          return null;
        }
      },
      writeFile: (name: string, contents: string) => {
        if (name.endsWith('.d.ts')) dts = contents;
      },
    } as never,
  );
  if (error || !dts) throw new Error(`asc: ${error?.message}\n${log}`);
  return dts;
}

/** tsc's errors in the bindings' wasm backend when the generated type is `generated`. */
function typeErrors(generated: string): ts.Diagnostic[] {
  const { config } = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, '.');
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const generatedPath = ts.sys.resolvePath(EXPORTS_FILE);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) =>
    ts.sys.resolvePath(name) === generatedPath
      ? ts.createSourceFile(name, generated, version)
      : getSourceFile.call(host, name, version, ...rest);
  const program = ts.createProgram([CALLER], { ...options, noEmit: true }, host);
  return [...ts.getPreEmitDiagnostics(program)];
}

test('an export whose parameters change fails the type check of the bindings that call it', async () => {
  const hash = 'export function hash(alg: i32, len: i32): Status {';
  const unchanged = exportsModule(await declarationsOf((source) => source));
  const changed = exportsModule(
    await declarationsOf((source) =>
      source.replace(hash, 'export function hash(alg: i32, len: i32, extra: i32): Status {'),
    ),
  );
  expect(changed).not.toBe(unchanged);
  expect(typeErrors(unchanged)).toEqual([]);
  const errors = typeErrors(changed).map((d) => [
    d.file?.fileName.endsWith(CALLER),
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  ]);
  expect(errors).toContainEqual([true, 'Expected 3 arguments, but got 2.']);
}, 120_000);
