/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): it renders, requirements expand,
 * findings page and filter, nothing loads from the network, nothing logs an error, and script payloads in names,
 * statements and evidence URLs stay inert. Also the 100,000-finding report: under 10 MB, opens and expands.
 * Screenshots of the demo report land in $TMPDIR/ftr-html-report/ for a look by eye.
 */
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAssessment } from '../../src/cli/commands/demo.js';
import type { Assessment } from '../../src/core/index.js';
import { renderHtml, type HtmlOptions } from '../../src/reporters/html.js';
import { HTML_PAYLOADS, buildHostileHtmlAssessment } from '../fixtures/assessments/hostile-html.js';
import { buildLargeAssessment } from '../fixtures/assessments/large.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = join(tmpdir(), 'ftr-html-report');

/** The few page globals the tests read (this project's TypeScript has no DOM types). */
interface PageGlobals {
  __pwned?: unknown;
  document: {
    body: unknown;
    querySelectorAll(selector: string): ArrayLike<{ attributes: ArrayLike<{ name: string }> }>;
  };
  getComputedStyle(element: unknown): { display: string };
}

let browser: Browser;
let dir: string;

interface Opened {
  page: Page;
  /** Console errors, page errors, dialogs, and requests for anything but the report itself. */
  problems: { console: string[]; errors: string[]; dialogs: string[]; requests: string[] };
  loadMs: number;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the HTML report tests need Debian's chromium (apt-get install chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  dir = mkdtempSync(join(tmpdir(), 'ftr-html-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

function write(name: string, assessment: Assessment, options: HtmlOptions = {}): string {
  const path = join(dir, name);
  writeFileSync(path, renderHtml(assessment, options));
  return path;
}

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  const url = pathToFileURL(path).href;
  const problems: Opened['problems'] = { console: [], errors: [], dialogs: [], requests: [] };
  await page.route('**', async (route) => {
    if (route.request().url() === url) await route.continue();
    else {
      problems.requests.push(route.request().url());
      await route.abort();
    }
  });
  page.on('request', (request) => {
    if (request.url() !== url && !request.url().startsWith('data:')) problems.requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('dialog', async (dialog) => {
    problems.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  return { page, problems, loadMs: Date.now() - started };
}

function requirementButton(page: Page, id: string) {
  return page.locator('li.req').filter({ has: page.locator('.rid', { hasText: new RegExp(`^${id.replace('.', '\\.')}$`) }) }).locator('button.req-toggle');
}

function panelOf(page: Page, id: string) {
  return page.locator('li.req').filter({ has: page.locator('.rid', { hasText: new RegExp(`^${id.replace('.', '\\.')}$`) }) }).locator('.panel');
}

async function expectClean(opened: Opened): Promise<void> {
  expect(opened.problems.console, 'console errors').toEqual([]);
  expect(opened.problems.errors, 'page errors').toEqual([]);
  expect(opened.problems.dialogs, 'dialogs').toEqual([]);
  expect(opened.problems.requests, 'requests other than the report').toEqual([]);
}

describe('HTML report in Chromium: hostile names', () => {
  const hostile = buildHostileHtmlAssessment();
  let opened: Opened;

  beforeAll(async () => {
    opened = await open(write('hostile.html', hostile, { pageSize: 10 }));
  });

  it('renders the summary with the right counts', async () => {
    for (const [status, n] of Object.entries(hostile.summary)) await expect(opened.page.locator(`[data-summary="${status}"]`).textContent()).resolves.toBe(String(n));
    await expect(opened.page.locator('li.req').count()).resolves.toBe(hostile.requirements.length);
    await expect(opened.page.locator('h1').textContent()).resolves.toBe(`Acme ${HTML_PAYLOADS.img}`);
  });

  it('expands a requirement on click: aria-expanded, its panel and its first page of findings', async () => {
    const { page } = opened;
    const button = requirementButton(page, 'S3-001');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(panelOf(page, 'S3-001').isVisible()).resolves.toBe(false);
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(panelOf(page, 'S3-001').isVisible()).resolves.toBe(true);
    const findings = panelOf(page, 'S3-001').locator('li.finding');
    await expect(findings.count()).resolves.toBe(10);
    await expect(findings.first().isVisible()).resolves.toBe(true);
  });

  it('pages findings with "show more", and filters them by status and by text', async () => {
    const panel = panelOf(opened.page, 'S3-001');
    const findings = panel.locator('li.finding');
    const total = hostile.requirements.find((r) => r.id === 'S3-001')?.findings.length ?? 0;
    await panel.locator('button.more').click();
    await expect(findings.count()).resolves.toBe(20);
    await panel.locator('select').first().selectOption('fail');
    const failing = hostile.findings.filter((f) => f.requirementIds.includes('partner-hosted:S3-001') && f.status === 'fail').length;
    await expect(panel.locator('.fcount').textContent()).resolves.toContain(`of ${failing} matching (${total} in all)`);
    for (const label of await panel.locator('li.finding .out').allTextContents()) expect(label).toBe('Fail');
    await panel.locator('select').first().selectOption('');
    await panel.locator('input[type=search]').fill('onerror');
    await expect.poll(() => panel.locator('.fcount').textContent()).toContain('matching');
    const texts = await findings.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text.toLowerCase()).toContain('onerror');
    expect(texts.some((t) => t.includes(HTML_PAYLOADS.img))).toBe(true);
    expect(texts.some((t) => t.includes(HTML_PAYLOADS.scriptClose))).toBe(true);
  });

  it('works from the keyboard: Enter and Space toggle a focused requirement', async () => {
    const button = requirementButton(opened.page, 'HOST-001');
    await button.focus();
    await opened.page.keyboard.press('Enter');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await opened.page.keyboard.press('Space');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
  });

  it('opens a requirement from a plan link', async () => {
    const button = requirementButton(opened.page, 'IAM-001');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await opened.page.locator('#plan a[href^="#r-"]', { hasText: 'IAM-001' }).click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
  });

  it('shows a javascript: evidence URL as text, never as a link', async () => {
    const { page } = opened;
    await requirementButton(page, '1.1').click();
    await expect(panelOf(page, '1.1').textContent()).resolves.toContain(HTML_PAYLOADS.jsUrl);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#)/);
    await expect(page.locator('a[href="https://partnercentral.awspartner.com/home?a=1&b=%222%22"]').count()).resolves.toBe(1);
  });

  it('runs none of the payloads: no __pwned, no dialog, no injected element or handler, no request', async () => {
    const { page } = opened;
    await page.locator('[data-expand-all="open"]').click();
    await page.locator('button[aria-controls="all-findings"]').click();
    await page.mouse.move(400, 400);
    for (const element of (await page.locator('#all-findings li.finding').all()).slice(0, 20)) await element.hover();
    const state = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      const all = Array.from(g.document.querySelectorAll('*'));
      return {
        pwned: g.__pwned,
        handlers: all.filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
        injected: g.document.querySelectorAll('img, iframe, object, embed, link[rel="stylesheet"], svg[onload], form, base').length,
        scripts: g.document.querySelectorAll('script').length,
        styles: g.document.querySelectorAll('style').length,
        hidden: g.getComputedStyle(g.document.body).display,
      };
    });
    expect(state).toEqual({ pwned: undefined, handlers: 0, injected: 0, scripts: 2, styles: 1, hidden: 'block' });
    await expectClean(opened);
  });
});

describe('HTML report in Chromium: 100,000 findings', () => {
  let opened: Opened;
  let large: Assessment;

  beforeAll(async () => {
    large = buildLargeAssessment(100_000);
    const path = write('large.html', large);
    const bytes = statSync(path).size;
    console.log(`100,000-finding HTML report: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    opened = await open(path);
    console.log(`loaded in Chromium in ${opened.loadMs} ms`);
  });

  it('loads within a reasonable time and shows the summary', async () => {
    expect(opened.loadMs).toBeLessThan(60_000);
    await expect(opened.page.locator('[data-count="fail"]').textContent()).resolves.toBe(
      large.findings.filter((f) => f.status === 'fail').length.toLocaleString('en-US'),
    );
  });

  it('expands a requirement with tens of thousands of findings, pages and filters them', async () => {
    const { page } = opened;
    const s3 = large.requirements.find((r) => r.id === 'S3-001');
    const started = Date.now();
    await requirementButton(page, 'S3-001').click();
    const panel = panelOf(page, 'S3-001');
    await expect(panel.locator('li.finding').count()).resolves.toBe(50);
    console.log(`expanded S3-001 (${s3?.findings.length} findings) in ${Date.now() - started} ms`);
    await expect(panel.locator('.fcount').textContent()).resolves.toBe(`Showing 50 of ${(s3?.findings.length ?? 0).toLocaleString('en-US')}, worst first.`);
    await panel.locator('button.more').click();
    await expect(panel.locator('li.finding').count()).resolves.toBe(100);
    const deep = s3?.findings[Math.floor((s3?.findings.length ?? 0) * 0.7)];
    const name = large.findings.find((f) => f.id === deep)?.resource.name ?? '';
    expect(name).not.toBe('');
    await panel.locator('input[type=search]').fill(name);
    await expect.poll(() => panel.locator('.fcount').textContent()).toContain('matching');
    await expect(panel.locator('li.finding').count()).resolves.toBe(1);
    await expect(panel.locator('li.finding').textContent()).resolves.toContain(name);
  });

  it('browses all findings a page at a time', async () => {
    const { page } = opened;
    await page.locator('button[aria-controls="all-findings"]').click();
    await expect(page.locator('#all-findings li.finding').count()).resolves.toBe(50);
    await expect(page.locator('#all-findings .fcount').textContent()).resolves.toBe('Showing 50 of 100,000, worst first.');
    await expectClean(opened);
  });
});

describe('HTML report in Chromium: the demo', () => {
  it('renders cleanly in light and dark mode (screenshots for review)', async () => {
    const path = write('demo.html', demoAssessment());
    for (const scheme of ['light', 'dark'] as const) {
      const opened = await open(path, scheme);
      await opened.page.screenshot({ path: join(SHOTS, `demo-${scheme}.png`) });
      await requirementButton(opened.page, 'S3-001').click();
      await panelOf(opened.page, 'S3-001').locator('li.finding').first().waitFor();
      await requirementButton(opened.page, 'S3-001').scrollIntoViewIfNeeded();
      await opened.page.screenshot({ path: join(SHOTS, `demo-${scheme}-expanded.png`) });
      if (scheme === 'light') await opened.page.screenshot({ path: join(SHOTS, 'demo-full.png'), fullPage: true });
      await expectClean(opened);
    }
    console.log(`screenshots: ${SHOTS}/demo-{light,dark}{,-expanded}.png, demo-full.png`);
  });
});
