// What the browser walks share: Chromium through playwright-core (from web/node_modules), a context
// that refuses every request leaving the server, steps printed as JSON lines, axe-core audits,
// screenshots, and waits for the explorer's views to render.

import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
const require = createRequire(path.join(ROOT, 'web', 'package.json'));
const { chromium } = require('playwright-core');
const AXE = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
export const BASE = (args.base || process.env.POLICYKG_BASE_URL || 'http://127.0.0.1:8000').replace(/\/$/, '');
export const OUT = path.resolve(args.out || process.env.POLICYKG_SCREENSHOTS || path.join(ROOT, 'artifacts', 'screenshots'));
const CHROMIUM = args.chromium || process.env.POLICYKG_CHROMIUM || '/usr/bin/chromium';

export const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const started = Date.now();
const steps = [];
export const problems = [];
const screenshots = [];

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export async function step(name, fn) {
  const t = Date.now();
  try {
    const detail = (await fn()) || {};
    steps.push({ step: name, ok: true, ms: Date.now() - t, ...detail });
    console.log(JSON.stringify(steps.at(-1)));
    return detail;
  } catch (e) {
    steps.push({ step: name, ok: false, ms: Date.now() - t, error: String(e && e.stack ? e.stack : e) });
    console.log(JSON.stringify(steps.at(-1)));
    throw e;
  }
}

export async function shoot(page, name, options = {}) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  screenshots.push(file);
  return file;
}

// axe-core's WCAG 2.1 A/AA and best-practice rules: serious or critical violations fail the run.
export async function audit(page, label) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } }))
    .violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })), AXE_TAGS);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(!serious.length, `${label}: accessibility violations: ${JSON.stringify(serious)}`);
  return violations.map((v) => v.rule);
}

// Errors in the page and failed requests are problems; `expected` HTTP statuses (a refused token) are not.
export function watch(page, label, expected = []) {
  page.on('pageerror', (e) => problems.push(`${label}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.some((s) => m.text().includes(`status of ${s}`))) {
      problems.push(`${label}: console error: ${m.text()}`);
    }
  });
  page.on('requestfailed', (r) => {
    if (r.url().startsWith(BASE)) problems.push(`${label}: request failed: ${r.url()} ${r.failure() && r.failure().errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().startsWith(BASE) && !expected.includes(r.status())) {
      problems.push(`${label}: HTTP ${r.status()} for ${r.url()}`);
    }
  });
}

export async function launch() {
  mkdirSync(OUT, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export async function newContext(browser, options) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  // Offline by construction: anything not served by our server is refused and reported.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(BASE) || url.startsWith('data:')) return route.continue();
    problems.push(`request outside the server: ${url}`);
    return route.abort();
  });
  context.setDefaultTimeout(15000);
  return context;
}

// A page load has rendered its view.
export async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready && document.getElementById('main').getAttribute('aria-busy') === 'false');
}

// An in-page navigation (a hash change) has rendered the next view: the render counter moved on.
export async function navigate(page, action) {
  const before = await page.evaluate(() => document.body.dataset.ready || '');
  await action();
  await page.waitForFunction((b) => document.body.dataset.ready && document.body.dataset.ready !== b
    && document.getElementById('main').getAttribute('aria-busy') === 'false', before);
}

// Open a route: a fresh load the first time, a hash change (or a re-render of the same hash) after.
export async function open(page, hash) {
  if (!page.url().startsWith(BASE)) {
    await page.goto(`${BASE}/${hash}`);
    await ready(page);
    return;
  }
  await navigate(page, () => page.evaluate((h) => {
    if (window.location.hash === h) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else window.location.hash = h;
  }, hash));
}

export async function noSideways(page, label) {
  const { width } = page.viewportSize();
  const scroll = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  check(scroll <= width + 1, `${label}: the page scrolls sideways at ${width}px (content is ${scroll}px wide)`);
}

// Run `walk(browser)`, then print the final line and exit: 0 when every step passed and nothing went wrong.
export async function run(walk) {
  const browser = await launch();
  let ok = true;
  let result = {};
  try {
    result = (await walk(browser)) || {};
    check(!problems.length, `problems while browsing:\n${problems.join('\n')}`);
  } catch (e) {
    ok = false;
    if (!steps.length || steps.at(-1).ok) steps.push({ step: 'run', ok: false, error: String(e && e.stack ? e.stack : e) });
    for (const context of browser.contexts()) {
      for (const page of context.pages()) await shoot(page, 'failure', { fullPage: true }).catch(() => null);
    }
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify({ ok, ms: Date.now() - started, steps: steps.length, problems, screenshots, result }));
  process.exit(ok ? 0 : 1);
}
