/**
 * Issue 13: the playground opens the trace files real tools write — Jaeger's own JSON through Open
 * trace, Zipkin v2 JSON dropped on the page — says which format it read, and lists the linter's
 * findings on them in Problems.
 */
import { readFileSync } from 'node:fs';
import { canonicalOtlpSpans } from '@spanlab/engine/testing';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, switchColorScheme, test } from '../fixtures.ts';
import { openPlayground, showTab, spanNames } from './helpers.ts';

const JAEGER = new URL('../../fixtures/traces/jaeger-ui_01.json', import.meta.url).pathname;
const TEMPO = new URL('../../fixtures/traces/perses-tempo-v2-trace.json', import.meta.url).pathname;
const OTLP_PROTO = new URL('../../fixtures/traces/otel-proto-trace.json', import.meta.url).pathname;

// A Kafka consumer traced with Zipkin (Brave): its span starts a trace of its own, leading nowhere back.
const ZIPKIN = JSON.stringify([
  {
    traceId: '5af7183fb1d4cf5f',
    id: '6b221d5bc9e6496c',
    kind: 'CONSUMER',
    name: 'poll',
    timestamp: 1700000000100000,
    duration: 1200,
    localEndpoint: { serviceName: 'shipping' },
    remoteEndpoint: { serviceName: 'kafka' },
    tags: { 'kafka.topic': 'orders' },
  },
  {
    traceId: '5af7183fb1d4cf5f',
    parentId: '6b221d5bc9e6496c',
    id: '7c3a2e6cd0f7507d',
    name: 'reserve parcel',
    timestamp: 1700000000101000,
    duration: 15000,
    localEndpoint: { serviceName: 'shipping' },
  },
]);

test.describe.configure({ timeout: 120_000 });

const statusOf = (page: Page) => page.locator('[data-pg="status"]');
const problems = (page: Page) => page.locator('trace-views [role="tabpanel"]:visible');

/** Saves the page in the light theme and then the dark one, as `<name>-light` and `<name>-dark`. */
async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  await switchColorScheme(page, 'light');
  await saveScreenshot(page, `${name}-light`);
  await switchColorScheme(page, 'dark');
  await saveScreenshot(page, `${name}-dark`);
}

/** Opens a file through the Open trace button's file chooser. */
async function openTraceFile(page: Page, name: string, text: Buffer): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open trace' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: text });
}

test("Open trace reads Jaeger's own JSON, says so, and lists its findings in Problems", async ({ page }) => {
  await openPlayground(page);
  await openTraceFile(page, 'jaeger-trace.json', readFileSync(JAEGER));
  await expect(statusOf(page)).toHaveText(
    /^Opened jaeger-trace\.json: 4 spans\. Read as Jaeger's own JSON \(Jaeger UI's Download Results or Trace JSON\)\. 1 span appeared more than once/,
  );
  await showTab(page, 'Problems');
  await expect(problems(page).getByText('link-to-ancestor')).toBeVisible();
  await expect(
    problems(page).getByText(/`reference-test` links to its own parent `test-general-conversion`/),
  ).toBeVisible();
  await screenshotBothThemes(page, 'playground-jaeger-problems');
});

test('a Zipkin file dropped on the playground opens, says so, and its findings are in Problems', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'zipkin-trace.json', { type: 'application/json' }));
    const target = document.querySelector('scenario-editor') ?? document.querySelector('span-lab-playground');
    target?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, ZIPKIN);
  await expect(statusOf(page)).toHaveText(/^Opened zipkin-trace\.json: 2 spans\. Read as Zipkin v2 JSON\.$/);
  await showTab(page, 'Spans');
  await expect(problems(page).getByText('reserve parcel')).toBeVisible();
  await showTab(page, 'Problems');
  await expect(problems(page).getByText('consumer-without-origin')).toBeVisible();
  await expect(problems(page).getByText(/`poll` is a consumer with neither a parent nor links/)).toBeVisible();
  await screenshotBothThemes(page, 'playground-zipkin-problems');
});

test("Open trace reads Tempo's /api/v2/traces answer and says so", async ({ page }) => {
  await openPlayground(page);
  await openTraceFile(page, 'tempo-trace.json', readFileSync(TEMPO));
  await expect(statusOf(page)).toHaveText(/^Opened tempo-trace\.json: 10 spans\. Read as Tempo's API JSON\.$/);
  expect(await spanNames(page)).toContain('article-to-cart');
});

test('Download trace gives back an opened OTLP file field by field, nanoseconds included, named after it', async ({
  page,
}) => {
  await openPlayground(page);
  const text = readFileSync(OTLP_PROTO, 'utf8');
  await openTraceFile(page, 'proto-example.json', Buffer.from(text));
  await expect(statusOf(page)).toHaveText(/^Opened proto-example\.json: 1 span\. Read as OTLP JSON\.$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download trace' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('proto-example.otlp.json');
  const downloaded = JSON.parse(readFileSync(await download.path(), 'utf8')) as unknown;
  const output = canonicalOtlpSpans([downloaded]);
  expect(output).toHaveLength(1);
  expect(output).toEqual(canonicalOtlpSpans([JSON.parse(text)]));
});
