/** The error a simulated HTTP call rejects with when the response is not 2xx. */
export class HttpError extends Error {
  /** The response's status code. */
  readonly status: number;
  /** The service that answered. */
  readonly service: string;

  constructor(service: string, request: string, status: number, callSite: string) {
    super(`${service} answered ${status} to ${request}`);
    this.name = 'HttpError';
    this.status = status;
    this.service = service;
    // Point at the scenario's call, not at the world's internals.
    this.stack = `${this.name}: ${this.message}\n${callSite.split('\n').slice(1).join('\n')}`;
  }
}
