/** Which simulated service is running: the world's way to the run's own async state, beside the OTel context. */
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { SandboxContextManager } from './SandboxContextManager.ts';

let manager: SandboxContextManager | undefined;

/** Makes the run's context manager the keeper of the running service (called once per run). */
export function bindRunningService(runManager: SandboxContextManager): void {
  manager = runManager;
}

/** Runs `fn` as the simulated service `service`, from an empty context — a request, a job, a consumer. */
export function runAsService<T>(service: string, fn: () => T): T {
  return manager ? manager.runAsService(service, fn) : context.with(ROOT_CONTEXT, fn);
}

/** The simulated service running now, if one is (otherwise the run's default service). */
export function runningService(): string | undefined {
  return manager?.service();
}
