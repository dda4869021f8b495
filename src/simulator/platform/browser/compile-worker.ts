/** Module worker that keeps TypeScript loaded and compiles scenarios for the page. */
import { compileScenario, type CompileOutcome } from '../../compile/transpile.ts';

/** A request to compile one source. */
export interface CompileRequest {
  id: number;
  source: string;
  fileName: string;
}

/** The answer to a CompileRequest. */
export interface CompileResponse {
  id: number;
  outcome: CompileOutcome;
}

interface Scope {
  postMessage(message: CompileResponse): void;
  onmessage: ((event: { data: CompileRequest }) => void) | null;
}

const scope = globalThis as unknown as Scope;
scope.onmessage = ({ data }) => {
  scope.postMessage({ id: data.id, outcome: compileScenario(data.source, data.fileName) });
};
