// The API reference's rule (issue 18), checked on the sources with the TypeScript compiler (fast;
// `npm run docs` builds the reference itself with TypeDoc, which also fails on a missing comment):
// - every name an entry of package.json "exports" exports has a doc comment;
// - a callable export, or a callable member of a namespace object (`hpke.suite`, `tlog.parseNote`,
//   `ristretto255.scalar.add`, …), has an `@example`, and a `@throws` when it takes arguments
//   (every such function checks them: TypeError, RangeError, or a family's coded error);
// - a class has an `@example`;
// - a type, an interface or a constant needs a description only, and so does a method of an
//   exported interface or class.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { expect, test } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
// The root last: a name it re-exports is reported under its family's entry.
const entries = Object.keys(pkg.exports)
  .filter((key) => !key.endsWith('.wasm') && key !== './package.json')
  .map((key) => (key === '.' ? 'index' : key.slice(2)))
  .sort((a, b) => Number(a === 'index') - Number(b === 'index'));

interface Problem {
  name: string;
  missing: string;
  /** Where to add it: file:line. */
  at: string;
}

function apiProblems(): Problem[] {
  const files = entries.map((entry) => `bindings/${entry}.ts`);
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.json',
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json');
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const problems: Problem[] = [];
  const seen = new Set<ts.Symbol>();

  const tagsOf = (node: ts.Node): string[] =>
    ts
      .getJSDocCommentsAndTags(node)
      .flatMap((doc) => (ts.isJSDoc(doc) ? (doc.tags ?? []).map((t) => t.tagName.text) : [doc.tagName.text]));
  const hasDescription = (node: ts.Node): boolean =>
    ts.getJSDocCommentsAndTags(node).some((doc) => ts.isJSDoc(doc) && ts.getTextOfJSDocComment(doc.comment)?.trim());
  function require(name: string, node: ts.Node, callable: { params: boolean } | undefined, example: boolean): void {
    const source = node.getSourceFile();
    const at = `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const missing = (what: string) => problems.push({ name, missing: what, at });
    if (!hasDescription(node)) missing('description');
    const tags = tagsOf(node);
    if ((callable || example) && !tags.includes('example')) missing('@example');
    if (callable?.params && !tags.includes('throws')) missing('@throws');
  }

  const callableOf = (type: ts.Type): { params: boolean } | undefined => {
    const signatures = type.getCallSignatures();
    return signatures.length > 0 ? { params: signatures.some((s) => s.parameters.length > 0) } : undefined;
  };

  /** The object literal of `Object.freeze({ … })` or `{ … }`, if that is the initializer. */
  function objectLiteral(init: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
    if (!init) return undefined;
    if (ts.isObjectLiteralExpression(init)) return init;
    if (
      ts.isCallExpression(init) &&
      ts.isPropertyAccessExpression(init.expression) &&
      init.expression.getText() === 'Object.freeze' &&
      init.arguments[0]
    ) {
      return objectLiteral(init.arguments[0]);
    }
    return undefined;
  }

  /** A namespace object has a callable member; other object literals are constants (a description). */
  const isNamespace = (literal: ts.ObjectLiteralExpression): boolean =>
    literal.properties.some((property) => {
      if (ts.isPropertyAssignment(property) && objectLiteral(property.initializer)) {
        return isNamespace(objectLiteral(property.initializer)!);
      }
      return !!property.name && callableOf(checker.getTypeAtLocation(property.name)) !== undefined;
    });

  function namespaceMembers(prefix: string, literal: ts.ObjectLiteralExpression): void {
    for (const property of literal.properties) {
      if (!property.name || ts.isSpreadAssignment(property)) continue;
      const name = `${prefix}.${property.name.getText()}`;
      const type = checker.getTypeAtLocation(property.name);
      const literal = ts.isPropertyAssignment(property) ? objectLiteral(property.initializer) : undefined;
      const nested = literal && isNamespace(literal) ? literal : undefined;
      require(name, property, nested ? undefined : callableOf(type), false);
      if (nested) namespaceMembers(name, nested);
    }
  }

  function interfaceMembers(prefix: string, decl: ts.InterfaceDeclaration | ts.ClassDeclaration): void {
    for (const member of decl.members) {
      const isMethod = ts.isMethodSignature(member) || ts.isMethodDeclaration(member);
      const isPrivate = ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Private;
      if (!isMethod || isPrivate || !member.name || ts.isPrivateIdentifier(member.name)) continue;
      require(`${prefix}.${member.name.getText()}`, member, undefined, false);
    }
  }

  for (const entry of entries) {
    const source = program.getSourceFile(`bindings/${entry}.ts`);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`no module for bindings/${entry}.ts`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (seen.has(symbol)) continue;
      seen.add(symbol);
      const name = `${entry}:${exported.name}`;
      for (const decl of symbol.declarations ?? []) {
        if (ts.isVariableDeclaration(decl)) {
          const initializer = objectLiteral(decl.initializer);
          const literal = initializer && isNamespace(initializer) ? initializer : undefined;
          const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
          require(name, decl, literal ? undefined : callableOf(type), false);
          if (literal) namespaceMembers(name, literal);
        } else if (ts.isFunctionDeclaration(decl)) {
          if (!decl.body && decl !== symbol.declarations?.[0]) continue; // overloads: the first one
          require(name, decl, { params: decl.parameters.length > 0 }, true);
        } else if (ts.isClassDeclaration(decl)) {
          require(name, decl, undefined, true);
          interfaceMembers(name, decl);
        } else if (ts.isInterfaceDeclaration(decl)) {
          require(name, decl, undefined, false);
          interfaceMembers(name, decl);
        } else {
          require(name, decl, undefined, false);
        }
      }
    }
  }
  return problems;
}

const problems = apiProblems();

test('every exported name is documented; every function has an @example, and a @throws if it takes arguments', () => {
  expect(problems.map((p) => `${p.name}: ${p.missing} (${p.at})`)).toEqual([]);
});

test("typedoc.json documents exactly package.json's entries, the root last", () => {
  // typedoc.json may hold comments (TypeDoc reads it as JSON with comments).
  const config = ts.parseConfigFileTextToJson('typedoc.json', readFileSync('typedoc.json', 'utf8'));
  const entryPoints = (config.config as { entryPoints: string[] }).entryPoints;
  expect([...entryPoints].sort()).toEqual(entries.map((entry) => `bindings/${entry}.ts`).sort());
  // Last, so that each family's page holds its own declarations and the root's only refers to them.
  expect(entryPoints.at(-1)).toBe('bindings/index.ts');
});
