/**
 * The TypeScript code blocks of the lessons, and a type check of each against the project's real
 * `@opentelemetry/api` and `@spanlab/world` types, with the project's own compiler options.
 * Node only: the lesson code-block test runs it.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root: where tsconfig.json and node_modules are. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One fenced ```ts or ```typescript block of a lesson. */
export interface CodeBlock {
  /** The lesson file, as the caller named it. */
  file: string;
  /** The 1-based line of the block's first code line in that file. */
  line: number;
  /** The code, its fence's indentation removed. */
  code: string;
  /** Why the block is not type-checked: the text after `nocheck` in the fence's meta, or undefined. */
  nocheck?: string | undefined;
}

/** One type error in a block, where a reader finds it: `file:line:column message`. */
export interface CodeProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/;

/** The ```ts / ```typescript blocks of a Markdown or MDX text, with the line each starts on. */
export function extractCodeBlocks(file: string, text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', lang = '', meta = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim().startsWith(fence[0]!.repeat(fence.length)) && line.trim().replace(/[`~]/g, '') === '') break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    if (lang === 'ts' || lang === 'typescript') {
      const nocheck = /(?:^|\s)nocheck(?:\s+(.*))?$/.exec(meta);
      blocks.push({
        file,
        line: i + 2,
        code: body.join('\n'),
        nocheck: nocheck ? (nocheck[1] ?? '').trim() : undefined,
      });
    }
    i = j;
  }
  return blocks;
}

/** The project's compiler options (tsconfig.json), for snippets. */
function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return {
    ...parsed.options,
    noEmit: true,
    // Every block is a module of its own, even one without import or export.
    moduleDetection: ts.ModuleDetectionKind.Force,
    // A snippet may declare something to show it without using it.
    noUnusedLocals: false,
    noUnusedParameters: false,
  };
}

/** Type-checks each block (those without `nocheck`) as a module of its own; returns every error. */
export function typeCheckBlocks(blocks: readonly CodeBlock[]): CodeProblem[] {
  const checked = blocks.filter((block) => block.nocheck === undefined);
  const byPath = new Map(checked.map((block, n) => [join(ROOT, 'src/.lesson-blocks', `block-${String(n)}.ts`), block]));
  const options = compilerOptions();
  const base = ts.createCompilerHost(options, true);
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (path) => byPath.has(path) || base.fileExists(path),
    readFile: (path) => byPath.get(path)?.code ?? base.readFile(path),
    getSourceFile: (path, language, onError, shouldCreate) => {
      const block = byPath.get(path);
      return block
        ? ts.createSourceFile(path, block.code, language, true)
        : base.getSourceFile(path, language, onError, shouldCreate);
    },
  };
  const program = ts.createProgram([...byPath.keys()], options, host);
  const problems: CodeProblem[] = [];
  for (const [path, block] of byPath) {
    const source = program.getSourceFile(path)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    for (const diagnostic of diagnostics) {
      const at = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      problems.push({
        file: block.file,
        line: block.line + at.line,
        column: at.character + 1,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      });
    }
  }
  return problems;
}

/** A problem as `file:line:column message`. */
export function formatProblem(problem: CodeProblem): string {
  return `${problem.file}:${String(problem.line)}:${String(problem.column)} ${problem.message}`;
}
