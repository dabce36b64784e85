// The API reference's examples use the API as it is: every ```ts block of an `@example` in bindings/
// type-checks against the bindings (tsconfig.test.json, `oblivia` and `oblivia/*` mapped to the
// sources). Examples may be fragments: a name an example uses but does not declare (`token`,
// `bundle`, …) is declared `any` for it, so what is checked is every call and property of the API
// that the example's own values reach. The docs' examples run in test/docs; these are not run (many
// need a server, a TEE or a log).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

interface Example {
  readonly name: string;
  readonly code: string;
  readonly path: string;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The ```ts blocks after an `@example` tag, their ` * ` margins removed. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const block = /@example[ \t]*\n(?:[ \t]*\*.*\n)*?[ \t]*\*[ \t]*```ts\n((?:[ \t]*\*.*\n)*?)[ \t]*\*[ \t]*```/g;
  return [...text.matchAll(block)].map((match) => {
    const line = text.slice(0, match.index).split('\n').length;
    const name = `${file}:${line}`;
    const code = match[1]!
      .split('\n')
      .map((l) => l.replace(/^[ \t]*\* ?/, ''))
      .join('\n');
    return { name, code, path: resolve(`test/build/.examples/${name.replace(/[/.:]/g, '-')}.ts`) };
  });
}

/** Diagnostics of each example, with `declarations` prepended to it. */
function check(
  examples: readonly Example[],
  declarations: (example: Example) => string,
  old?: ts.Program,
): { program: ts.Program; diagnostics: Map<Example, readonly ts.Diagnostic[]> } {
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.test.json',
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.test.json');
  const options = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const texts = new Map(examples.map((e) => [e.path, `${declarations(e)}${e.code}\nexport {};\n`]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, fresh) => {
    const text = texts.get(resolve(fileName));
    return text === undefined
      ? getSourceFile(fileName, language, onError, fresh)
      : ts.createSourceFile(fileName, text, language);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => texts.has(resolve(fileName)) || fileExists(fileName);
  const program = ts.createProgram([...texts.keys()], options, host, old);
  const diagnostics = new Map(
    examples.map((e) => {
      const source = program.getSourceFile(e.path)!;
      return [e, [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]] as const;
    }),
  );
  return { program, diagnostics };
}

/** "Cannot find name 'x'" (and its variants: a misspelling, a shorthand property, a test global). */
const UNDECLARED = new Set([2304, 2552, 2582, 2593, 18004]);

test('every @example in bindings/ type-checks against the API', () => {
  const examples = sourcesUnder('bindings').flatMap(examplesOf);
  expect(examples.length).toBeGreaterThan(100);
  const first = check(examples, () => '');
  const free = new Map(
    examples.map((e) => [
      e,
      new Set(
        first.diagnostics
          .get(e)!
          .filter((d) => UNDECLARED.has(d.code))
          .map((d) => /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, ' '))?.[1] ?? ''),
      ),
    ]),
  );
  const second = check(
    examples,
    (e) => [...free.get(e)!].map((name) => `declare const ${name}: any;\n`).join(''),
    first.program,
  );
  const problems = [...second.diagnostics].flatMap(([e, diagnostics]) =>
    diagnostics
      // A callback's parameter given to a value of type `any` has no contextual type.
      .filter((d) => d.code !== 7006)
      .map((d) => `${e.name}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
  );
  expect(problems).toEqual([]);
}, 120_000);
