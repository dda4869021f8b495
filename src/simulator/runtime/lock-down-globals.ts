/** Takes away what a scenario must not reach — the network, storage, the page — leaving a hint in its place. */

const NETWORK = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'importScripts',
  'BroadcastChannel',
];
// Storage a worker still has; libraries never feature-detect these, so a throwing getter is safe.
const STORAGE = ['indexedDB', 'caches', 'cookieStore'];
// Globals of a page that a worker (or Node) simply lacks; reaching for one gets a hint added.
const PAGE = ['window', 'document', 'parent', 'top', 'opener', 'frames', 'localStorage', 'sessionStorage', ...STORAGE];

const networkHint = (name: string): string =>
  `${name} is not available in a Span Lab scenario: scenarios have no network. Simulate calls with service(name).call() from '@spanlab/world'.`;
const pageHint = (name: string): string =>
  `${name} is not available in a Span Lab scenario: it runs in a sandboxed worker, apart from the page and its storage.`;

/** Replaces network functions with ones that throw a hint, and storage with getters that do. */
export function lockDownGlobals(global: object = globalThis): void {
  for (const name of NETWORK) {
    const blocked = function (): never {
      throw new TypeError(networkHint(name));
    };
    // On the global and on every prototype that holds one (a browser keeps `fetch` on
    // WorkerGlobalScope.prototype, reachable around an own property).
    for (const target of prototypeChain(global)) {
      if (target === global || Object.prototype.hasOwnProperty.call(target, name)) {
        // Deleted first: redefining Node's lazily loaded WebSocket would load it (tens of ms).
        Reflect.deleteProperty(target, name);
        Object.defineProperty(target, name, { configurable: true, writable: false, value: blocked });
      }
    }
  }
  for (const name of STORAGE) {
    Object.defineProperty(global, name, {
      configurable: true,
      get(): never {
        throw new ReferenceError(pageHint(name));
      },
    });
  }
}

/** A ReferenceError's message with the hint for a page global, when it names one. */
export function withSandboxHint(message: string): string {
  const name = /^(\w+) is not defined$/.exec(message)?.[1];
  return name && PAGE.includes(name) ? pageHint(name) : message;
}

/** An object and the prototypes above it, up to (not including) Object.prototype. */
export function prototypeChain(global: object): object[] {
  const targets: object[] = [];
  for (
    let target: object | null = global;
    target && target !== Object.prototype;
    target = Object.getPrototypeOf(target) as object | null
  ) {
    targets.push(target);
  }
  return targets;
}
