import { context, propagation } from '@opentelemetry/api';
import { runAsService } from '../runtime/running-service.ts';
import { defaultServiceName, onWorldReset } from './runtime.ts';
import { drawLatency, sleep, type Latency } from './time.ts';

/** A message as a consumer receives it. */
export interface Message<T = unknown> {
  /** `m1`, `m2`, … in publish order, unless the publisher chose one (`PublishOptions.id`). */
  id: string;
  topic: string;
  body: T;
  /** Carries `traceparent` (and `tracestate`, `baggage`) from the publisher. */
  headers: Record<string, string>;
  /** Virtual unix time in milliseconds when it was published. */
  publishedAt: number;
}

/** Options of one publish. */
export interface PublishOptions {
  /** Headers to send; the active context is injected unless they carry a `traceparent` already. */
  headers?: Record<string, string>;
  /** The message's id, chosen by the application (as AMQP's `message-id`); default `m1`, `m2`, … in publish order. */
  id?: string;
}

/** One message of a batch send: its body and, as for `publish`, its options. */
export interface OutgoingMessage<T = unknown> extends PublishOptions {
  body: T;
}

/** Options of a pull (`receive`). */
export interface ReceiveOptions {
  /** Most messages taken at once (default 10). */
  maxMessages?: number;
  /** The round trip to the broker (default 2 ms). */
  latency?: Latency;
}

/** Options of a subscription. */
export interface SubscribeOptions {
  /** The service that consumes (its `service.name`); defaults to the run's default service. */
  service?: string;
}

/** Options of a batch subscription. */
export interface BatchOptions extends SubscribeOptions {
  /** Most messages handed over at once (default 10). */
  maxMessages?: number;
  /** How long the first message of a batch waits for others (default 100 ms). */
  maxWaitMs?: number;
}

/** Options of a topic. */
export interface TopicOptions {
  /** Time from publish to delivery (default 5 ms). */
  deliveryDelay?: Latency;
}

type Consumer =
  | { kind: 'single'; service: string; handler: (message: Message) => unknown; busy: boolean; queue: Message[] }
  | {
      kind: 'batch';
      service: string;
      handler: (messages: Message[]) => unknown;
      maxMessages: number;
      maxWaitMs: number;
      pending: Message[];
      timer: ReturnType<typeof setTimeout> | undefined;
    };

const topics = new Map<string, Topic>();
/** The round trip of a send or a pull, unless the caller says otherwise. */
const ROUND_TRIP_MS = 2;
let published = 0;
onWorldReset(() => {
  topics.clear();
  published = 0;
});

/** A topic of the simulated message broker: publishers send, subscribers consume one by one or in batches. */
export class Topic {
  readonly name: string;
  #options: TopicOptions = {};
  readonly #consumers: Consumer[] = [];
  /** Delivered messages not yet taken by a pull consumer (`receive`). */
  readonly #waiting: Message[] = [];

  constructor(name: string) {
    this.name = name;
  }

  /** Changes the topic's delivery delay. */
  configure(options: TopicOptions): this {
    this.#options = { ...this.#options, ...options };
    return this;
  }

  /** Sends a message; resolves when the broker has accepted it, with the message as sent. */
  async publish<T>(body: T, options: PublishOptions = {}): Promise<Message<T>> {
    return Promise.resolve(this.#send(body, options));
  }

  /**
   * Sends several messages in one request, as a producer's batch API does; resolves after one round
   * trip with the messages as sent. Each message's headers are its own: the active context is
   * injected only into those that carry no `traceparent`.
   */
  async publishBatch<T>(messages: readonly OutgoingMessage<T>[]): Promise<Message<T>[]> {
    const sent = messages.map(({ body, ...options }) => this.#send(body, options));
    await sleep(ROUND_TRIP_MS);
    return sent;
  }

  /**
   * Asks the broker for waiting messages, as a pull consumer does (Kafka's `poll`, SQS's
   * `ReceiveMessage`): resolves after the round trip with up to `maxMessages` of the messages
   * delivered to this topic and not yet taken by a pull, oldest first — none if nothing waits. Push
   * subscribers get every message as well, as separate subscriptions would.
   */
  async receive<T = unknown>(options: ReceiveOptions = {}): Promise<Message<T>[]> {
    await sleep(drawLatency(options.latency ?? ROUND_TRIP_MS));
    return this.#waiting.splice(0, options.maxMessages ?? 10) as Message<T>[];
  }

  #send<T>(body: T, options: PublishOptions): Message<T> {
    const headers: Record<string, string> = { ...options.headers };
    if (!('traceparent' in headers)) propagation.inject(context.active(), headers);
    published += 1;
    const id = options.id ?? `m${published}`;
    const message: Message<T> = { id, topic: this.name, body, headers, publishedAt: Date.now() };
    const delay = drawLatency(this.#options.deliveryDelay ?? 5);
    setTimeout(() => this.#deliver(message as Message), delay);
    return message;
  }

  /** Hands each message to `handler`, one at a time, in a fresh context of the consuming service. */
  subscribe<T = unknown>(handler: (message: Message<T>) => unknown, options: SubscribeOptions = {}): void {
    this.#consumers.push({
      kind: 'single',
      service: options.service ?? defaultServiceName(),
      handler: handler as (message: Message) => unknown,
      busy: false,
      queue: [],
    });
  }

  /** Hands messages to `handler` in batches of up to `maxMessages`, waiting up to `maxWaitMs` to fill one. */
  subscribeBatch<T = unknown>(handler: (messages: Message<T>[]) => unknown, options: BatchOptions = {}): void {
    this.#consumers.push({
      kind: 'batch',
      service: options.service ?? defaultServiceName(),
      handler: handler as (messages: Message[]) => unknown,
      maxMessages: options.maxMessages ?? 10,
      maxWaitMs: options.maxWaitMs ?? 100,
      pending: [],
      timer: undefined,
    });
  }

  #deliver(message: Message): void {
    this.#waiting.push(message);
    for (const consumer of this.#consumers) {
      if (consumer.kind === 'single') {
        consumer.queue.push(message);
        void this.#drainSingle(consumer);
      } else {
        consumer.pending.push(message);
        if (consumer.pending.length >= consumer.maxMessages) this.#flushBatch(consumer);
        else consumer.timer ??= setTimeout(() => this.#flushBatch(consumer), consumer.maxWaitMs);
      }
    }
  }

  async #drainSingle(consumer: Extract<Consumer, { kind: 'single' }>): Promise<void> {
    if (consumer.busy) return;
    consumer.busy = true;
    try {
      for (let message = consumer.queue.shift(); message; message = consumer.queue.shift()) {
        const current = message;
        await runAsService(consumer.service, () => consumer.handler(current));
      }
    } finally {
      consumer.busy = false;
    }
  }

  #flushBatch(consumer: Extract<Consumer, { kind: 'batch' }>): void {
    if (consumer.timer !== undefined) clearTimeout(consumer.timer);
    consumer.timer = undefined;
    const batch = consumer.pending.splice(0, consumer.maxMessages);
    if (batch.length === 0) return;
    void runAsService(consumer.service, () => consumer.handler(batch));
    if (consumer.pending.length > 0) consumer.timer = setTimeout(() => this.#flushBatch(consumer), consumer.maxWaitMs);
  }
}

/** The simulated message broker. */
export const broker = {
  /** The topic of that name (created on first use). */
  topic(name: string, options?: TopicOptions): Topic {
    let found = topics.get(name);
    if (!found) {
      found = new Topic(name);
      topics.set(name, found);
    }
    if (options) found.configure(options);
    return found;
  },
};
