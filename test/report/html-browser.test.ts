/**
 * The HTML report in a real browser (headless Debian Chromium through playwright-core): no console
 * errors, every formula typeset in fonts the page carries, a heatmap for every failure, the
 * failures-only filter with and without scripts, the gradebook's links and sorting, the keyboard.
 * Screenshots go to test-output/. Skipped without a browser, except under CI, where that fails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, GET_CHROMIUM, UNDER_CI, launch } from '../helpers/browser.js';
import { type HtmlRun, htmlRun } from '../helpers/html-reports.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const SHOTS = join(REPO_ROOT, 'test-output');

if (CHROMIUM === null && !UNDER_CI) console.warn(`skipping the browser tests of the HTML report: ${GET_CHROMIUM}`);

describe.runIf(CHROMIUM === null && UNDER_CI)('the browser tests under CI', () => {
  it('have a browser to run in', () => {
    expect.fail(GET_CHROMIUM);
  });
});

/** A report opened as a person opens a downloaded artifact: from a file, with what went wrong on its console. */
async function open(browser: Browser, run: HtmlRun, options: { dark?: boolean; script?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    colorScheme: options.dark === true ? 'dark' : 'light',
    javaScriptEnabled: options.script !== false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(m.text()) : 0));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => void (r.url().startsWith('file:') ? 0 : problems.push(`fetched ${r.url()}`)));
  await page.goto(`file://${run.file}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, problems, close: () => context.close() };
}

/** Faces the typeset text asks for that the page does not carry: `family style weight`, deduplicated. */
function missingFaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const carried = new Set([...document.fonts].map((f) => `${f.family.replaceAll('"', '')} ${f.style} ${f.weight}`));
    const missing = new Set<string>();
    for (const el of document.querySelectorAll('.katex-html *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own) continue;
      const style = getComputedStyle(el);
      const family = style.fontFamily.split(',')[0]!.replaceAll('"', '').trim();
      const face = `${family} ${style.fontStyle} ${style.fontWeight === '700' ? 'bold' : style.fontWeight === '400' ? 'normal' : style.fontWeight}`;
      const asCarried = face.replace(/ bold$/, ' 700').replace(/ normal$/, ' 400');
      if (!carried.has(face) && !carried.has(asCarried)) missing.add(face);
    }
    return [...missing];
  });
}

/** How many claims are displayed, by status. */
function shown(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const count: Record<string, number> = { pass: 0, fail: 0, error: 0 };
    for (const el of document.querySelectorAll<HTMLElement>('.claim'))
      if (el.offsetParent !== null)
        for (const s of ['pass', 'fail', 'error']) if (el.classList.contains(s)) count[s]! += 1;
    return count;
  });
}

describe.runIf(CHROMIUM !== null)('the HTML report in Chromium', () => {
  let browser: Browser;
  const runs: Record<string, HtmlRun> = {};
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const name of ['bundled', 'wrong', 'class']) runs[name] = htmlRun(name);
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no console error and no request, every formula typeset in fonts the page carries', async () => {
    for (const run of Object.values(runs)) {
      const { page, problems, close } = await open(browser, run);
      expect(problems, run.name).toEqual([]);
      const formulas = await page.locator('.formula:not(.none)').count();
      expect(await page.locator('.formula .katex').count(), run.name).toBe(formulas);
      expect(await page.locator('.author .katex').count(), run.name).toBe(await page.locator('.author').count());
      expect(await page.locator('.katex-error, code.tex').count(), run.name).toBe(0);
      expect(await page.evaluate(() => document.body.innerText), run.name).not.toMatch(/\\(frac|mathbf|partial|left)/);
      expect(await missingFaces(page), run.name).toEqual([]);
      await close();
    }
  });

  it('shows the bundled set in light and dark, with the filter hiding every pass', async () => {
    for (const dark of [false, true]) {
      const { page, close } = await open(browser, runs.bundled!, { dark });
      await page.screenshot({ path: join(SHOTS, `report-bundled-${dark ? 'dark' : 'light'}.png`) });
      expect(await shown(page)).toEqual({ pass: runs.bundled!.json.summary.passed, fail: 0, error: 0 });
      await page.check('#only-failures');
      expect(await shown(page)).toEqual({ pass: 0, fail: 0, error: 0 });
      await close();
    }
  });

  it('draws three heatmaps with values for every failure that compared values', async () => {
    const { page, close } = await open(browser, runs.wrong!);
    const cards = page.locator('.claim.fail:has(.evidence)');
    const count = await cards.count();
    expect(count).toBeGreaterThan(40);
    for (let k = 0; k < count; k++) {
      const maps = cards.nth(k).locator('svg.heatmap');
      const n = await maps.count();
      expect(n === 3 || (n === 2 && (await cards.nth(k).innerText()).includes('the shapes differ'))).toBe(true);
      for (let m = 0; m < n; m++) {
        const box = await maps.nth(m).boundingBox();
        expect(box!.width).toBeGreaterThan(4);
        expect(await maps.nth(m).locator('path > title').first().textContent()).toMatch(/ = (−?\d|NaN)/);
      }
    }
    const big = page.locator('.claim.fail', { hasText: 'wrong-layer-sized-entry.yaml' });
    await big.screenshot({ path: join(SHOTS, 'report-layer-sized-failure.png') });
    await page
      .locator('.claim.fail')
      .first()
      .screenshot({ path: join(SHOTS, 'report-failure.png') });
    await page.check('#only-failures');
    expect((await shown(page)).fail).toBe(runs.wrong!.json.summary.failed);
    await close();
  });

  it('works without scripts: formulas and the filter stay, the copy buttons stay hidden', async () => {
    const { page, problems, close } = await open(browser, runs.wrong!, { script: false });
    expect(problems).toEqual([]);
    expect(await page.locator('.formula .katex').count()).toBeGreaterThan(40);
    expect(await page.locator('button.copy:visible').count()).toBe(0);
    await page.check('#only-failures');
    expect((await shown(page)).fail).toBe(runs.wrong!.json.summary.failed);
    await close();
  });

  it('is usable with a keyboard: Tab reaches the copy button and the filter, Space toggles it', async () => {
    const { page, close } = await open(browser, runs.bundled!);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('copy');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('only-failures');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#only-failures')).toBe(true);
    await close();
  });

  it("links each gradebook cell to that submission's claim and sorts the class by score", async () => {
    const { page, problems, close } = await open(browser, runs.class!);
    await page.locator('.gradebook').screenshot({ path: join(SHOTS, 'report-gradebook.png') });
    const link = page.locator('.gradebook tbody tr').nth(1).locator('td a').first();
    const target = (await link.getAttribute('href'))!;
    await link.click();
    expect(await page.evaluate(() => location.hash)).toBe(target);
    const top = await page.locator(target).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(5);
    const scores = () =>
      page
        .locator('.gradebook tbody tr')
        .evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.score)));
    await page.locator('button.sort[data-key="score"]').click();
    const down = await scores();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(new Set(down).size).toBeGreaterThan(1);
    await page.locator('button.sort[data-key="score"]').click();
    const up = await scores();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(problems).toEqual([]);
    await close();
  });
});
