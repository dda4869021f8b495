import { describe, expect, it } from 'vitest';
import { describeExpectation } from './describe-expectation.ts';
import type { Expectation } from './expectation-schema.ts';

describe('describeExpectation', () => {
  it.each<[Expectation, string]>([
    [
      {
        span: 'process-message-batch',
        root: true,
        kind: 'consumer',
        links: { count: 3, into: 'separate-traces', attributes: ['messaging.message.id'] },
      },
      '`process-message-batch` is a root, has kind consumer and has 3 links into 3 different traces, each carrying `messaging.message.id`',
    ],
    [
      { span: 'process-message *', parent: 'process-message-batch' },
      'every `process-message *` is a child of `process-message-batch`',
    ],
    [
      { span: 'charge-attempt', count: 3, traces: 'separate' },
      '3 spans match `charge-attempt`, each in a trace of its own',
    ],
    [{ span: 'charge-attempt', traces: 'separate' }, 'the `charge-attempt` spans are each in a trace of its own'],
    [{ span: '*', traces: 'same' }, 'all spans are in one trace'],
    [{ span: 'retry', count: 0 }, 'no span matches `retry`'],
    [{ span: 'order', count: 1, ended: true, status: 'ok' }, '1 span matches `order`; it was ended and has status ok'],
    [
      {
        span: { name: 'charge-attempt', where: { 'retry.attempt': 2 } },
        links: { count: 1, to: 'charge-attempt', attributes: { 'link.type': 'retry-of' } },
      },
      '`charge-attempt` with `retry.attempt` = 2 has 1 link to `charge-attempt`, with `link.type` = "retry-of"',
    ],
    [
      { span: { name: 'process orders', service: 'analytics' }, root: false },
      '`process orders` in `analytics` has a parent',
    ],
    [{ span: 'cleanup', links: { count: 0 }, attributes: ['job.id'] }, '`cleanup` carries `job.id` and has no links'],
    [{ span: 'x' }, 'at least one span matches `x`'],
    [
      { span: 'aggregate', links: { count: 2, to: ['call a', { name: 'call b', service: 'b' }] } },
      '`aggregate` has 2 links to `call a` and `call b` in `b` (in that order)',
    ],
    [
      { span: 'send-digest', links: { count: 3, attributes: ['order.id'], atStart: true } },
      '`send-digest` has 3 links, each carrying `order.id`, all given when it started',
    ],
  ])('%j', (expectation, words) => {
    expect(describeExpectation(expectation)).toBe(words);
  });
});
