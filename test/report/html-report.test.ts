/**
 * `--reporter html=FILE` end to end, read as text: self-contained, every claim present with its
 * status in words and its formula typeset, heatmaps for every failure that compared values, a
 * gradebook whose links land, and untrusted spec text escaped. The browser test looks at it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HtmlRun, htmlRun } from '../helpers/html-reports.js';
import { runCli } from '../helpers/run-cli.js';

/** The articles of a report, one per claim: its class list and its inner HTML. */
function articles(html: string): { status: string; body: string }[] {
  return [...html.matchAll(/<article class="claim (pass|fail|error)" id="[^"]+">([\s\S]*?)<\/article>/g)].map((m) => ({
    status: m[1]!,
    body: m[2]!,
  }));
}

describe('the HTML report of the bundled set', () => {
  let run: HtmlRun;
  beforeAll(() => {
    run = htmlRun('bundled');
  });

  it('is one file that fetches nothing: no URL outside the page, no external script, style or font', () => {
    expect(run.code).toBe(0);
    expect(run.html.startsWith('<!doctype html>')).toBe(true);
    // A namespace (MathML's, SVG's) is a name, not a fetch; nothing else may name a place on the network.
    const urls = run.html.replace(/xmlns="[^"]*"/g, '').match(/\b(https?:)?\/\/[\w.-]+\.\w+/g);
    expect(urls).toBeNull();
    expect(run.html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/);
    expect(run.html).not.toMatch(/url\((?!data:)/);
    expect(run.html).not.toContain('@import');
  });

  it('has every claim with its status in words and its formula typeset, with no TeX left raw', () => {
    const all = articles(run.html);
    expect(all).toHaveLength(run.json.results.length);
    for (const a of all) {
      expect(a.status).toBe('pass');
      expect(a.body).toContain('</span> passed</span>');
      expect(a.body).toContain('class="katex-display"');
    }
    expect(run.html).not.toContain('class="tex"');
    expect(run.html).not.toContain('katex-error');
  });

  it("shows each identity's title, source and the author's latex typeset", () => {
    const ids = new Set(run.json.results.map((r) => r.id));
    for (const id of ids) expect(run.html).toContain(`<code class="id">${id}</code>`);
    expect(run.html).toContain('Backpropagation through a linear layer');
    expect(run.html).toContain('source: hint sheet');
    expect(run.html.match(/<div class="author"/g)!.length).toBeGreaterThanOrEqual(ids.size - 2);
  });

  it('carries the summary: counts, seed, mode and the rerun command of the whole run', () => {
    expect(run.html).toContain(`<strong>${run.json.summary.passed}</strong> passed`);
    expect(run.html).toContain('seed 1 · full mode');
    expect(run.html).toContain('<code>mcheck all --seed 1</code>');
    expect(run.html).toContain('id="only-failures"');
  });

  it('inlines only the fonts its formulas use, and stays small', () => {
    const faces = run.html.match(/@font-face\{[^}]*\}/g)!;
    expect(faces.every((f) => f.includes('data:font/woff2;base64,'))).toBe(true);
    expect(faces.length).toBeGreaterThanOrEqual(4);
    expect(faces.length).toBeLessThan(12); // KaTeX has 20 faces
    expect(run.html.length).toBeLessThan(600_000);
  });
});

describe('the HTML report of the wrong fixtures', () => {
  let run: HtmlRun;
  beforeAll(() => {
    run = htmlRun('wrong');
  });

  it('shows every failure that compared values with heatmaps of both sides and their difference', () => {
    expect(run.code).toBe(1);
    const failed = articles(run.html).filter((a) => a.status === 'fail');
    expect(failed.length).toBe(run.json.summary.failed);
    // Values were compared, or found to be of different shapes; a differential that is not linear compares none.
    const compared = run.json.results.filter(
      (r) => r.status === 'fail' && (r.worst !== null || /^expect is \d+×\d+ but/.test(r.message!)),
    );
    const pictured = failed.filter((a) => a.body.includes('<div class="evidence">'));
    expect(pictured.length).toBe(compared.length);
    for (const a of pictured) {
      const maps = a.body.match(/<svg class="heatmap"/g)!.length;
      expect(maps === 3 || (maps === 2 && a.body.includes('the shapes differ'))).toBe(true);
      expect(a.body).toMatch(/<title>(\(1, 1\)|rows 1(–\d+)?, columns 1(–\d+)?): (expect|rhs) = (−?\d|NaN)/);
    }
  });

  it('summarises a layer-sized matrix in blocks and keeps its one bad entry outlined', () => {
    const big = articles(run.html).find((a) => a.body.includes('wrong-layer-sized-entry.yaml'))!;
    expect(big.body).toContain('30×26, summarised in blocks of 2×2');
    const difference = big.body.split('<svg class="heatmap"')[3]!;
    expect(difference.match(/class="out"/g)).toHaveLength(1);
    expect(difference).toContain('<title>rows 29–30, columns 7–8: expect − numeric = ');
  });

  it('gives the reason, the hint and a rerun command with a copy button for each failure', () => {
    for (const a of articles(run.html).filter((x) => x.status === 'fail')) {
      expect(a.body).toContain('<p class="message">');
      expect(a.body).toMatch(/<span class="what">rerun:<\/span> <code>mcheck check test\/fixtures\/wrong\//);
      expect(a.body).toContain('class="copy"');
    }
    expect(run.html).toContain('<p class="hint"><strong>hint:</strong>');
  });
});

describe('the HTML gradebook of a class', () => {
  let run: HtmlRun;
  beforeAll(() => {
    run = htmlRun('class');
  });

  it('has a row per submission with its score and a cell per claim that links to an existing detail', () => {
    const book = /<section class="gradebook">([\s\S]*?)<\/section>/.exec(run.html)![1]!;
    for (const s of run.json.scores.filter((x) => x.submission !== null)) {
      expect(book).toContain(`<tr data-name="${s.submission}" data-score="${s.points / s.maxPoints}">`);
      expect(book).toContain(`${s.submission}</a></th><td class="total">${s.points}/${s.maxPoints}</td>`);
    }
    const targets = [...book.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(run.json.scores.length);
    for (const id of targets) expect(run.html).toContain(`id="${id}"`);
  });

  it('hides the formula of a hidden claim', () => {
    const hidden = run.json.results.filter((r) => r.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    expect(run.html).toContain('hidden claim: only its name, status and points are shown');
  });
});

describe('untrusted spec text in the HTML report', () => {
  it('is escaped, and KaTeX makes no link of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcheck-html-xss-'));
    const spec = [
      'id: hostile',
      'title: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"',
      'source: "<b>bold</b>"',
      "latex: '\\href{javascript:alert(3)}{x} + \\url{https://example.com}'",
      'vars:',
      '  x: { shape: [2] }',
      'claims:',
      '  - { kind: gradient, f: "sum(x)", wrt: x, expect: "ones(2, 1) * 2" }',
    ].join('\n');
    writeFileSync(join(dir, 'hostile.yaml'), spec);
    const r = runCli(['check', 'hostile.yaml', '--reporter', 'html=out/report.html'], { cwd: dir });
    expect(r.code).toBe(1);
    const html = runCli(['check', 'hostile.yaml', '--reporter', 'html'], { cwd: dir }).stdout;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toMatch(/href="javascript/);
    expect(html).not.toMatch(/<a [^>]*example\.com/);
  });
});
