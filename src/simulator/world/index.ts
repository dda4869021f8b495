/**
 * The simulated world scenarios import as `@spanlab/world`: services that call each other over
 * HTTP, a message broker, a database (and a callback-style driver for it), a cache, a scheduler and
 * a Node-style event emitter, all on the run's virtual clock.
 */
export { broker, Topic } from './broker.ts';
export type {
  BatchOptions,
  Message,
  OutgoingMessage,
  PublishOptions,
  ReceiveOptions,
  SubscribeOptions,
  TopicOptions,
} from './broker.ts';
export { cache } from './cache.ts';
export { db } from './db.ts';
export type { Row, Where } from './db.ts';
export { driver } from './driver.ts';
export type { DriverOptions, QueryCallback, QueryResult } from './driver.ts';
export { EventEmitter } from './EventEmitter.ts';
export { HttpError } from './HttpError.ts';
export { scheduler } from './scheduler.ts';
export type { JobOptions } from './scheduler.ts';
export { service, Service } from './Service.ts';
export type { CallOptions, HttpRequest, ServiceOptions } from './Service.ts';
export { sleep } from './time.ts';
export type { Latency } from './time.ts';
