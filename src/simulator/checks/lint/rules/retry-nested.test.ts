import { beforeAll, describe, expect, it } from 'vitest';
import { lintWith, PRELUDE, runCases, type Cases } from '../run-cases.ts';
import { retryNested as rule } from './retry-nested.ts';

const source = `${PRELUDE}
const fail = (span, error) => {
  span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR });
};

// Bad: the next attempt starts inside the catch block of the one that failed.
async function nested(attempt) {
  return tracer.startActiveSpan('charge-attempt', { attributes: { 'retry.attempt': attempt } }, async (span) => {
    try {
      return await service('bad-gateway').call('POST /charge');
    } catch (error) {
      fail(span, error);
      await sleep(1000);
      return await nested(attempt + 1);
    } finally {
      span.end();
    }
  });
}

// Good: attempts are siblings under the caller, each linking to the first.
async function siblings() {
  await tracer.startActiveSpan('charge', async (charge) => {
    let first;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const links = first ? [{ context: first, attributes: { 'link.type': 'retry-of' } }] : [];
      const span = tracer.startSpan('charge-attempt', { links, attributes: { 'retry.attempt': attempt } });
      first ??= span.spanContext();
      try {
        await context.with(trace.setSpan(context.active(), span), () => service('good-gateway').call('POST /charge'));
        span.end();
        break;
      } catch (error) {
        fail(span, error);
        span.end();
        await sleep(1000);
      }
    }
    charge.end();
  });
}

// Good too: a recursive walk whose parent fails only because its child failed first.
async function walk(depth) {
  await tracer.startActiveSpan('walk', async (span) => {
    try {
      if (depth === 2) throw new Error('cycle');
      await walk(depth + 1);
    } catch (error) {
      fail(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

service('bad-gateway', { failFirst: 2 });
service('good-gateway', { failFirst: 2 });

export default async function main() {
  await service('bad').run(() => nested(1));
  await service('good').run(async () => {
    await siblings();
    await walk(1).catch(() => {});
  });
}
`;

let cases: Cases;
beforeAll(async () => {
  cases = await runCases(source);
});

describe('retry-nested', () => {
  it('fires on each attempt nested under the attempt that failed before it', () => {
    const finding = (attempt: number) => ({
      rule: 'retry-nested',
      severity: 'error',
      message: `\`charge-attempt\` attempt ${attempt} is nested under the attempt that failed before it (\`charge-attempt\` attempt ${attempt - 1}): start each attempt on its own — a new trace, or a sibling under the caller — and link it to the first`,
      spans: ['charge-attempt', 'charge-attempt'],
    });
    expect(lintWith(rule, cases('bad'))).toEqual([finding(2), finding(3)]);
  });

  it('does not fire on sibling attempts, nor on a recursion whose parents fail after their children', () => {
    const good = cases('good');
    expect(good.filter((s) => s.name === 'walk' && s.status.code === 'error')).toHaveLength(2);
    expect(lintWith(rule, good)).toEqual([]);
  });
});

// HTTP resends as the HTTP conventions record them: CLIENT spans with http.request.resend_count.
// Bad: each resend is made inside the request that got a 503. Good: siblings under the caller.
const resends = `${PRELUDE}
const request = (resend) => ({
  kind: SpanKind.CLIENT,
  attributes: { 'http.request.method': 'GET', 'url.full': 'https://inventory.internal/items/42', ...(resend > 0 ? { 'http.request.resend_count': resend } : {}) },
});
async function nestedGet(resend) {
  await tracer.startActiveSpan('GET', request(resend), async (span) => {
    await sleep(30);
    const status = resend < 2 ? 503 : 200;
    span.setAttribute('http.response.status_code', status);
    if (status === 503) await nestedGet(resend + 1);
    span.end();
  });
}
async function siblingGets() {
  await tracer.startActiveSpan('load item', async (caller) => {
    for (let resend = 0; resend < 3; resend++) {
      const span = tracer.startSpan('GET', request(resend));
      await sleep(30);
      span.setAttribute('http.response.status_code', resend < 2 ? 503 : 200);
      span.end();
    }
    caller.end();
  });
}
export default async function main() {
  await service('bad').run(() => nestedGet(0));
  await service('good').run(() => siblingGets());
}
`;

describe('retry-nested on HTTP resends', () => {
  let http: Cases;
  beforeAll(async () => {
    http = await runCases(resends);
  });

  it('fires on each resend nested under the request that got a 503', () => {
    const finding = (resend: number) => ({
      rule: 'retry-nested',
      severity: 'error',
      message: `\`GET\` (resend ${resend}) is nested under the request before it, which got 503 (\`GET\`): make each resend a sibling under the caller, as the HTTP conventions' retry examples do`,
      spans: ['GET', 'GET'],
    });
    expect(lintWith(rule, http('bad'))).toEqual([finding(1), finding(2)]);
  });

  it('does not fire on resends that are siblings under the caller', () => {
    expect(lintWith(rule, http('good'))).toEqual([]);
  });
});
