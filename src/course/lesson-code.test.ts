import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCodeBlocks, formatProblem, typeCheckBlocks } from './lesson-code.ts';

const LESSONS = new URL('../content/docs/lessons/', import.meta.url);
const lessonFiles = readdirSync(LESSONS).filter((name) => name.endsWith('.mdx') || name.endsWith('.md'));
const blocks = lessonFiles.flatMap((name) =>
  extractCodeBlocks(`src/content/docs/lessons/${name}`, readFileSync(new URL(name, LESSONS), 'utf8')),
);

describe('the lessons’ TypeScript code blocks', () => {
  it('are found in every lesson that has code', () => {
    expect(lessonFiles.length).toBeGreaterThanOrEqual(8);
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it('compile against the real @opentelemetry/api and @spanlab/world types', () => {
    const problems = typeCheckBlocks(blocks).map(formatProblem);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 60_000);

  it('skip a check only with a reason', () => {
    const unexplained = blocks.filter((b) => b.nocheck === '').map((b) => `${b.file}:${String(b.line)}`);
    expect(unexplained).toEqual([]);
  });
});

describe('the code block checker', () => {
  const sample = [
    '# A lesson',
    '',
    '```ts',
    "import { trace } from '@opentelemetry/api';",
    "const span = trace.getTracer('t').startSpan('a');",
    'span.addLink([]);',
    '```',
    '',
    '- a list',
    '  ```typescript nocheck shows a sketch',
    '  broken(',
    '  ```',
    '',
    '```sql',
    'SELECT 1',
    '```',
  ].join('\n');

  it('finds ts and typescript blocks with their first code line and a nocheck reason', () => {
    const found = extractCodeBlocks('sample.mdx', sample);
    expect(found.map((b) => [b.line, b.nocheck])).toEqual([
      [4, undefined],
      [11, 'shows a sketch'],
    ]);
    expect(found[1]!.code).toBe('broken(');
  });

  it('reports a type error at the lesson’s line and column', () => {
    const problems = typeCheckBlocks(extractCodeBlocks('sample.mdx', sample));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'sample.mdx', line: 6, column: 14 });
    expect(problems[0]!.message).toMatch(/not assignable to parameter of type 'Link'/);
  }, 60_000);

  it('resolves @spanlab/world and rejects what it does not export', () => {
    const code = "import { broker, sleep } from '@spanlab/world';\nbroker.topic('t');\nvoid sleep(1);\n";
    expect(typeCheckBlocks([{ file: 'ok.mdx', line: 1, code }])).toEqual([]);
    const bad = typeCheckBlocks([{ file: 'bad.mdx', line: 10, code: "import { kafka } from '@spanlab/world';\n" }]);
    expect(bad.map((p) => [p.line, p.message])).toEqual([[10, expect.stringMatching(/no exported member 'kafka'/)]]);
  }, 60_000);
});
