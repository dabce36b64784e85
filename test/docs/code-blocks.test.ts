// Every code block of the README and the guides in docs/ runs, so none can rot: each ```ts block is
// written to a module of its own and imported (the `oblivia` imports resolve to the built package,
// as for every test); each ```sh block may only name npm scripts that package.json defines. A
// block that throws, or rejects, fails its test.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'test/docs/.blocks');
const FILES = [
  'README.md',
  'SECURITY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Block {
  readonly language: string;
  readonly line: number;
  readonly code: string;
}

/** The fenced code blocks of a markdown text, with the line each starts on. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (open === null) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    blocks.push({ language: open[1]!, line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const scripts = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);
mkdirSync(OUT, { recursive: true });
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe.each(FILES)('%s', (file) => {
  const blocks = blocksOf(readFileSync(join(ROOT, file), 'utf8'));

  test('has only ts, sh and text blocks', () => {
    expect(
      blocks.filter((b) => !['ts', 'sh', 'text'].includes(b.language)).map((b) => `${b.line}: ${b.language}`),
    ).toEqual([]);
  });

  const ts = blocks.filter((b) => b.language === 'ts');
  if (ts.length > 0) {
    test.each(ts.map((b) => [b.line, b] as const))('the ts block at line %i runs', async (line, block) => {
      const path = join(OUT, `${file.replace(/[/.]/g, '-')}-${line}.ts`);
      writeFileSync(path, `${block.code}\nexport {};\n`);
      await import(/* @vite-ignore */ path);
    });
  }

  const sh = blocks.filter((b) => b.language === 'sh');
  if (sh.length > 0) {
    test('its sh blocks name only npm commands that exist', () => {
      for (const block of sh) {
        for (const command of block.code
          .split('\n')
          .map((l) => l.replace(/#.*/, '').trim())
          .filter(Boolean)) {
          for (const part of command.split('&&').map((p) => p.trim())) {
            const words = part.split(/\s+/);
            expect(words[0], part).toMatch(/^(npm|[A-Z_]+=\S+)$/);
            const npm = words.indexOf('npm');
            const verb = words[npm + 1]!;
            if (verb === 'run') expect(scripts, part).toContain(words[npm + 2]);
            else expect(['install', 'ci', 'test', 'start'], part).toContain(verb);
          }
        }
      }
    });
  }
});
