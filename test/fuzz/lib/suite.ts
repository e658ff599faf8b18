// The fuzz suite, shared by `npm test` (a few hundred cases, fixed seed) and `npm run fuzz` (10,000+ cases, random
// seed): arbitrary strings, mutated realistic pages, multi-week workspaces, and the CLI's JSON output on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkText } from '../../../src/core/engine';
import { DEFAULT_SETTINGS, type WorklogSettings } from '../../../src/core/settings';
import { KNOWN_ISSUES, knownHits, withKnownIssues, withKnownIssuesAsync } from './known';
import { hostilePageArb, INVALID_UTF8, mutatedPageArb, settingsArb, workspaceArb } from './pages';
import {
  checkCliJson, checkPageProperties, checkWorkspaceProperties, counts, installReportProbe, runAsyncProperty, runProperty, tempWorkspace,
  totalCases, uninstallReportProbe, runCliIn,
} from './properties';

export interface SuiteRuns {
  readonly strings: number;
  readonly pages: number;
  readonly workspaces: number;
  readonly cli: number;
  readonly utf8: number;
}

export interface SuiteOptions {
  readonly title: string;
  readonly seed: number;
  readonly runs: SuiteRuns;
  /** Printed after the suite (the long run prints its totals). */
  readonly verbose?: boolean;
  /** fast-check's counterexample path, to replay one failing case. */
  readonly path?: string;
}

/** A workspace of pages as files (texts written as UTF-8: a lone surrogate becomes U+FFFD on disk, as an editor would write it). */
const cliCaseArb = fc.tuple(workspaceArb, fc.array(hostilePageArb, { maxLength: 2 })).map(([pages, extra]) => [
  ...pages.map((p) => ({ path: p.path, data: p.text })),
  ...extra.map((p, i) => ({ path: p.path.replace(/\.md$/, `-x${i}.md`), data: p.text })),
]);

/** Pages with invalid UTF-8 byte sequences spliced in. */
const invalidUtf8Arb = fc.record({
  pages: workspaceArb,
  which: fc.nat(),
  cuts: fc.array(fc.tuple(fc.nat(), fc.nat({ max: INVALID_UTF8.length - 1 })), { minLength: 1, maxLength: 3 }),
}).map(({ pages, which, cuts }) => {
  const files = pages.map((p) => ({ path: p.path, data: Buffer.from(p.text) as Buffer }));
  const target = files[which % files.length];
  let bytes = target.data;
  for (const [at, k] of cuts) {
    const i = at % (bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, i), INVALID_UTF8[k], bytes.subarray(i)]);
  }
  target.data = bytes;
  return { files, target: target.path };
});

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function textsOf(files: readonly { data: string | Buffer }[]): string[] {
  return files.map((f) => (typeof f.data === 'string' ? f.data : f.data.toString('utf8')));
}

export function defineFuzzSuite(options: SuiteOptions): void {
  const { seed, runs } = options;
  // A property with no runs is left out (FUZZ_ONLY picks one).
  const maybe = (n: number) => (title: string, fn: () => void | Promise<void>): Mocha.Test => (n > 0 ? it(title, fn) : it.skip(title));
  const p = options.path;
  describe(options.title, function () {
    this.timeout(0);
    before(() => installReportProbe());
    after(() => {
      uninstallReportProbe();
      if (options.verbose || knownHits.size > 0) {
        const lines = [...counts].map(([k, v]) => `${k}: ${v}`);
        console.log(`      fuzz seed ${seed}: ${totalCases()} cases (${lines.join(', ')})`);
        if (knownHits.size > 0) console.log(`      cases explained by open issues: ${[...knownHits].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
      }
    });

    maybe(runs.strings)(`arbitrary strings (unicode, full code points, NUL/BOM/CR, lone surrogates): ${runs.strings} cases`, () => {
      runProperty('strings', fc.tuple(hostilePageArb, settingsArb), ([p, s]) => {
        withKnownIssues([p.text], () => checkPageProperties(p.path, p.text, s));
      }, { seed, numRuns: runs.strings, path: p, baseSeed: seed });
    });

    maybe(runs.pages)(`mutated realistic pages (cells, pipes, dashes, dates, front matter, BOM/CRLF/NUL, rows): ${runs.pages} cases`, () => {
      runProperty('pages', fc.tuple(mutatedPageArb, settingsArb), ([p, s]) => {
        withKnownIssues([p.text], () => checkPageProperties(p.path, p.text, s));
      }, { seed: seed + 1, numRuns: runs.pages, path: p, baseSeed: seed });
    });

    maybe(runs.workspaces)(`workspaces of 2–4 weeks with twins through checkPages and fix-all: ${runs.workspaces} cases`, () => {
      runProperty('workspaces', fc.tuple(workspaceArb, settingsArb), ([w, s]) => {
        withKnownIssues(w.map((p) => p.text), () => checkWorkspaceProperties(w, s));
      }, { seed: seed + 2, numRuns: runs.workspaces, path: p, baseSeed: seed });
    });

    maybe(runs.cli)(`worklog-lint --format json on temp workspaces: valid JSON, documented fields, the engine's findings: ${runs.cli} cases`, async () => {
      await runAsyncProperty('cli', cliCaseArb, async (files) => {
        await withKnownIssuesAsync(textsOf(files), () => checkCliJson(files, DEFAULT_SETTINGS));
      }, { seed: seed + 3, numRuns: runs.cli, path: p, baseSeed: seed });
    });

    maybe(runs.utf8)(`worklog-lint reads invalid UTF-8 from disk: valid JSON, and --fix never rewrites such a page: ${runs.utf8} cases`, async () => {
      await runAsyncProperty('utf8', invalidUtf8Arb, async ({ files, target }) => {
        await withKnownIssuesAsync(textsOf(files), () => checkCliJson(files, DEFAULT_SETTINGS));
        const dir = tempWorkspace(files);
        try {
          const before = fs.readFileSync(path.join(dir, target));
          const r = await runCliIn(dir, ['--fix', '--format', 'json']);
          JSON.parse(r.stdout);
          // Two invalid sequences spliced side by side can make a valid character (F0 9F 80 + 98): such a page is
          // valid UTF-8 and may be fixed like any other.
          if (!isValidUtf8(before)) assert.ok(before.equals(fs.readFileSync(path.join(dir, target))), `${target} (invalid UTF-8) was rewritten by --fix`);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }, { seed: seed + 4, numRuns: runs.utf8, path: p, baseSeed: seed });
    });
  });
}

// -----------------------------------------------------------------------------------------------------------------
// Regression fixtures: the minimal inputs of bugs the fuzzer found (test/unit/fuzz-regressions/*.json).

export interface RegressionFixture {
  readonly id: string;
  /** Open: the bug is not fixed yet; its test is skipped (and must still fail: see the guard test). */
  readonly open: boolean;
  /**
   * page: checked here; slow: a super-linear input, checked in test/unit/limits.test.ts under a time guard; cli: a CLI
   * problem, checked in test/unit/security.test.ts.
   */
  readonly kind: 'page' | 'slow' | 'cli';
  readonly property: string;
  readonly summary: string;
  readonly diagnosis: string;
  readonly path: string;
  readonly text: string;
  readonly settings?: Partial<WorklogSettings>;
  /** Rules that must not report on this page. */
  readonly absentRules?: readonly string[];
  /** Rules that must report on this page. */
  readonly requireRules?: readonly string[];
  /** Checking the page must not emit a process warning (printed on stderr by Node). */
  readonly noProcessWarnings?: boolean;
}

export const REGRESSIONS_DIR = path.resolve(__dirname, '..', '..', 'unit', 'fuzz-regressions');

export function loadRegressions(): RegressionFixture[] {
  return fs.readdirSync(REGRESSIONS_DIR).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(REGRESSIONS_DIR, f), 'utf8')) as RegressionFixture);
}

/** Runs every check a fixture names; throws when one fails. */
export function checkRegression(fx: RegressionFixture): void {
  const settings = { ...DEFAULT_SETTINGS, ...fx.settings };
  const warnings: string[] = [];
  const emit = process.emitWarning;
  if (fx.noProcessWarnings) process.emitWarning = ((w: string | Error) => void warnings.push(String(w))) as typeof process.emitWarning;
  try {
    checkPageProperties(fx.path, fx.text, settings);
  } finally {
    process.emitWarning = emit;
  }
  assert.deepEqual(warnings, [], 'process warnings emitted while checking the page');
  const findings = checkText(fx.path, fx.text, settings);
  for (const rule of fx.absentRules ?? []) {
    const found = findings.filter((f) => f.rule === rule);
    assert.deepEqual(found.map((f) => f.message), [], `${rule} must not report on this page`);
  }
  for (const rule of fx.requireRules ?? []) {
    assert.ok(findings.some((f) => f.rule === rule), `${rule} must report on this page; findings: ${findings.map((f) => `${f.rule}: ${f.message}`).join(' | ')}`);
  }
}

export function defineRegressionTests(): void {
  describe('fuzz regressions (test/unit/fuzz-regressions)', () => {
    before(() => installReportProbe());
    after(() => uninstallReportProbe());
    const fixtures = loadRegressions();
    const pages = fixtures.filter((f) => f.kind === 'page');
    for (const fx of pages) {
      // An open issue: reported to the core owner, fails until fixed (see the fixture's diagnosis).
      const test = fx.open ? it.skip : it;
      test(`${fx.id}: ${fx.summary}`, () => checkRegression(fx));
    }
    it('every open fixture still fails, and has an entry in known.ts or a skipped test (delete both once fixed)', () => {
      const fixedMeanwhile: string[] = [];
      for (const fx of pages.filter((f) => f.open)) {
        try {
          checkRegression(fx);
          fixedMeanwhile.push(fx.id);
        } catch {
          // Still failing, as documented.
        }
      }
      assert.deepEqual(fixedMeanwhile, [], 'these open issues pass now: set "open": false in their fixture and remove them from test/fuzz/lib/known.ts');
      const ids = new Set(fixtures.map((f) => `${f.id}.json`));
      for (const k of KNOWN_ISSUES) assert.ok(ids.has(k.fixture), `known issue ${k.id} points at a missing fixture ${k.fixture}`);
    });
  });
}
