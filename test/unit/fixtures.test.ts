// Fixture harness (markdownlint-style): every folder test/fixtures/<rule-id>/<case>/ is a small workspace of worklog
// pages with its expected findings written next to it in expected.txt. The harness checks the whole workspace with
// every rule (so an empty expected.txt proves silence), compares findings exactly (ranges included), then applies
// the preferred fixes until they converge and checks what the user would see after "Fix all".
//
// expected.txt: one finding a line, `<path>:<line>:<col>-<endLine>:<endCol> <severity> <rule-id>` (1-based, end
// exclusive, as VS Code shows ranges), optionally followed by ` | <text the message must contain>`. Blank lines and
// lines starting with # are ignored.
// <page>.fixed: the exact text of <page> after all preferred fixes. settings.json: settings for the case.
// ignored.txt: pages (one a line) that are not worklog pages and must not be checked as such.
// test/fixtures/pending.txt: `<rule-id>/<case>  <why>` for cases that fail because of a known engine bug. A pending
// case is still run: it shows as pending while it fails, and fails (asking to be un-pended) once it passes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPages, compatibleFixes } from '../../src/core/engine';
import type { Finding } from '../../src/core/model';
import { parsePage } from '../../src/core/parse';
import { RULE_IDS, RULES } from '../../src/core/rules';
import { coerceSettings, type WorklogSettings } from '../../src/core/settings';
import { applyEdits, LineIndex } from '../../src/core/text';

const ROOT = path.resolve(__dirname, '..', 'fixtures');
const MAX_PASSES = 8;

interface Expectation {
  readonly key: string;
  readonly contains?: string;
  readonly source: string;
}

interface Case {
  readonly name: string;
  readonly rule: string;
  readonly dir: string;
  readonly expected: readonly Expectation[];
  readonly pending?: string;
}

const LINE = /^(.+?):(\d+):(\d+)-(\d+):(\d+) (error|warning|info) ([a-z][a-z-]*)(?: \| (.+))?$/;

function parseExpected(file: string): Expectation[] {
  const out: Expectation[] = [];
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`${file}: cannot read "${line}"`);
    if (!RULE_IDS.includes(m[7])) throw new Error(`${file}: unknown rule id "${m[7]}"`);
    out.push({ key: `${m[1]}:${m[2]}:${m[3]}-${m[4]}:${m[5]} ${m[6]} ${m[7]}`, contains: m[8], source: line });
  }
  return out;
}

function readPending(): Map<string, string> {
  const file = path.join(ROOT, 'pending.txt');
  const out = new Map<string, string>();
  if (!fs.existsSync(file)) return out;
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+)\s+(.*)$/.exec(line);
    out.set(m ? m[1] : line, m ? m[2] : '');
  }
  return out;
}

function discoverCases(): Case[] {
  const pending = readPending();
  const cases: Case[] = [];
  for (const rule of fs.readdirSync(ROOT).sort()) {
    const ruleDir = path.join(ROOT, rule);
    if (!fs.statSync(ruleDir).isDirectory()) continue;
    for (const name of fs.readdirSync(ruleDir).sort()) {
      const dir = path.join(ruleDir, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      const expectedFile = path.join(dir, 'expected.txt');
      if (!fs.existsSync(expectedFile)) throw new Error(`${dir}: no expected.txt`);
      const id = `${rule}/${name}`;
      cases.push({ name: id, rule, dir, expected: parseExpected(expectedFile), pending: pending.get(id) });
    }
  }
  for (const id of pending.keys()) {
    if (!cases.some((c) => c.name === id)) throw new Error(`pending.txt names ${id}, which is not a fixture`);
  }
  return cases;
}

function listPages(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listPages(dir, p));
    else if (entry.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

function loadSettings(dir: string): WorklogSettings {
  const file = path.join(dir, 'settings.json');
  if (!fs.existsSync(file)) return coerceSettings({}).settings;
  const { settings, problems } = coerceSettings(JSON.parse(fs.readFileSync(file, 'utf8')));
  assert.deepEqual(problems, [], `${file} has invalid settings`);
  return settings;
}

function check(texts: ReadonlyMap<string, string>, settings: WorklogSettings): Map<string, Finding[]> {
  const pages = [...texts].map(([p, text]) => parsePage(p, text));
  const { findings } = checkPages(pages, settings);
  return findings;
}

function keyOf(pagePath: string, f: Finding): string {
  const s = f.span;
  return `${pagePath}:${s.start.line + 1}:${s.start.character + 1}-${s.end.line + 1}:${s.end.character + 1} ${f.severity} ${f.rule}`;
}

function describe1(pagePath: string, f: Finding): string {
  const fixes = f.fixes.map((x) => `${x.preferred ? '*' : ''}${x.title}`).join('; ');
  return `${keyOf(pagePath, f)} | ${f.message}${fixes ? `   [fixes: ${fixes}]` : ''}`;
}

/** Compares actual findings with expected.txt: the same multiset of keys, and each message containing its text. */
function compareFindings(c: Case, findings: Map<string, Finding[]>): void {
  const actual = [...findings].flatMap(([p, list]) => list.map((f) => ({ key: keyOf(p, f), message: f.message, text: describe1(p, f) })));
  const unmatched = [...actual];
  const missing: string[] = [];
  const wrongMessage: string[] = [];
  // Expectations with a message text first, so that a bare expectation does not take the finding they name.
  const ordered = [...c.expected].sort((a, b) => Number(b.contains !== undefined) - Number(a.contains !== undefined));
  for (const e of ordered) {
    let i = unmatched.findIndex((a) => a.key === e.key && (e.contains === undefined || a.message.includes(e.contains)));
    if (i < 0) {
      i = unmatched.findIndex((a) => a.key === e.key);
      if (i >= 0) wrongMessage.push(`${e.source}\n      got: ${unmatched[i].message}`);
      else missing.push(e.source);
    }
    if (i >= 0) unmatched.splice(i, 1);
  }
  const problems = [
    ...missing.map((m) => `  missing:    ${m}`),
    ...unmatched.map((u) => `  unexpected: ${u.text}`),
    ...wrongMessage.map((w) => `  message:    ${w}`),
  ];
  if (problems.length > 0) {
    const all = actual.map((a) => `    ${a.text}`).join('\n') || '    (none)';
    assert.fail(`${c.name}: findings differ from expected.txt\n${problems.join('\n')}\n  all findings:\n${all}`);
  }
}

/** Where an offset of the text before `edits` lands after them (text inserted at the offset goes before it). */
function mapOffset(offset: number, edits: readonly { start: number; end: number; newText: string }[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.start === e.end && e.start === offset) delta += e.newText.length;
    else if (e.end <= offset) delta += e.newText.length - (e.end - e.start);
    else if (e.start <= offset) return e.start + delta;
  }
  return offset + delta;
}

/** Every finding lies inside its page's text and every one of its fixes applies cleanly and changes the text. */
function assertWellFormed(c: Case, texts: ReadonlyMap<string, string>, findings: Map<string, Finding[]>, when: string): void {
  for (const [p, list] of findings) {
    const text = texts.get(p);
    assert.ok(text !== undefined, `${c.name}: findings for ${p}, which is not a page of the case`);
    const index = new LineIndex(text);
    const inside = (pos: { line: number; character: number }): boolean =>
      pos.line >= 0 && pos.line < index.lineCount && pos.character >= 0 && index.starts[pos.line] + pos.character <= index.lineEnd(pos.line);
    for (const f of list) {
      const where = `${c.name} (${when}): ${describe1(p, f)}`;
      assert.ok(inside(f.span.start) && inside(f.span.end), `${where}: range outside the text`);
      for (const fix of f.fixes) {
        assert.ok(fix.edits.length > 0, `${where}: fix "${fix.title}" has no edits`);
        for (const e of fix.edits) assert.ok(inside(e.span.start) && inside(e.span.end), `${where}: fix "${fix.title}" edits outside the text`);
        let after = text;
        assert.doesNotThrow(() => {
          after = applyEdits(text, fix.edits);
        }, `${where}: fix "${fix.title}" does not apply`);
        assert.notEqual(after, text, `${where}: fix "${fix.title}" changes nothing`);
      }
    }
  }
}

interface Tracked {
  readonly path: string;
  readonly rule: string;
  readonly severity: Finding['severity'];
  readonly preferred: boolean;
  offset: number;
}

function lineOf(text: string, offset: number): number {
  return new LineIndex(text).positionAt(offset).line;
}

/** Applies the preferred fixes of every page until nothing changes, then checks what is left. */
function fixAndVerify(c: Case, original: ReadonlyMap<string, string>, settings: WorklogSettings, first: Map<string, Finding[]>): void {
  const texts = new Map(original);
  const tracked: Tracked[] = [...first].flatMap(([p, list]) => {
    const index = new LineIndex(original.get(p)!);
    return list.map((f) => ({ path: p, rule: f.rule, severity: f.severity, preferred: f.fixes.some((x) => x.preferred), offset: index.offsetAt(f.span.start) }));
  });
  let findings = first;
  let passes = 0;
  for (; passes < MAX_PASSES; passes++) {
    let changed = false;
    for (const [p, text] of texts) {
      const fixes = compatibleFixes(findings.get(p) ?? []);
      if (fixes.length === 0) continue;
      const index = new LineIndex(text);
      const edits = fixes.flatMap((f) => f.edits);
      const next = applyEdits(text, edits);
      if (next === text) continue;
      const resolved = edits.map((e) => ({ start: index.offsetAt(e.span.start), end: index.offsetAt(e.span.end), newText: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
      for (const t of tracked) if (t.path === p) t.offset = mapOffset(t.offset, resolved);
      texts.set(p, next);
      changed = true;
    }
    if (!changed) break;
    findings = check(texts, settings);
    assertWellFormed(c, texts, findings, `after fix pass ${passes + 1}`);
  }

  // (d) Fixing converged: one more round changes nothing.
  for (const [p, text] of texts) {
    const fixes = compatibleFixes(findings.get(p) ?? []);
    const again = fixes.length > 0 ? applyEdits(text, fixes.flatMap((f) => f.edits)) : text;
    assert.equal(again, text, `${c.name}: fixing ${p} does not converge within ${MAX_PASSES} passes; still offered: ${fixes.map((f) => f.title).join('; ')}`);
  }

  // (a) Every finding that had a preferred fix is gone (by rule id and line, lines followed through the edits), and
  // (b) no error appears that was not there before.
  const count = (m: Map<string, number>, k: string): number => m.get(k) ?? 0;
  const unfixable = new Map<string, number>();
  const errorsBefore = new Map<string, number>();
  for (const t of tracked) {
    const k = `${t.path}:${lineOf(texts.get(t.path)!, t.offset) + 1} ${t.rule}`;
    if (!t.preferred) unfixable.set(k, count(unfixable, k) + 1);
    if (t.severity === 'error') errorsBefore.set(k, count(errorsBefore, k) + 1);
  }
  const left = new Map<string, Finding[]>();
  for (const [p, list] of findings) {
    for (const f of list) {
      const k = `${p}:${f.span.start.line + 1} ${f.rule}`;
      left.set(k, [...(left.get(k) ?? []), f]);
    }
  }
  for (const t of tracked) {
    if (!t.preferred) continue;
    const k = `${t.path}:${lineOf(texts.get(t.path)!, t.offset) + 1} ${t.rule}`;
    const still = left.get(k) ?? [];
    assert.ok(still.length <= count(unfixable, k), `${c.name}: a ${t.rule} finding with a preferred fix is still there after fixing:\n    ${still.map((f) => describe1(t.path, f)).join('\n    ')}\n  fixed text:\n${texts.get(t.path)}`);
  }
  for (const [k, list] of left) {
    const errors = list.filter((f) => f.severity === 'error');
    assert.ok(errors.length <= count(errorsBefore, k), `${c.name}: fixing introduced an error: ${k}: ${errors.map((f) => f.message).join(' / ')}`);
  }

  // (c) The .fixed files give the exact text after fixing.
  for (const [p, text] of texts) {
    const fixedFile = path.join(c.dir, `${p}.fixed`);
    if (fs.existsSync(fixedFile)) assert.equal(text, fs.readFileSync(fixedFile, 'utf8'), `${c.name}: ${p} after fixing differs from ${p}.fixed`);
  }
}

function runCase(c: Case): void {
  const pages = listPages(c.dir);
  assert.ok(pages.length > 0, `${c.name}: no pages`);
  for (const p of fs.readdirSync(c.dir, { recursive: true }) as string[]) {
    if (!p.endsWith('.fixed')) continue;
    const page = p.split(path.sep).join('/').replace(/\.fixed$/, '');
    assert.ok(pages.includes(page), `${c.name}: ${p} has no page ${page} next to it`);
  }
  const texts = new Map(pages.map((p) => [p, fs.readFileSync(path.join(c.dir, p), 'utf8')]));
  const settings = loadSettings(c.dir);
  const findings = check(texts, settings);
  // Every page of a fixture is a worklog page (a page the engine skips would make a negative case prove nothing),
  // except the pages ignored.txt lists: those must not be taken for worklog pages at all.
  const ignoredFile = path.join(c.dir, 'ignored.txt');
  const ignored = fs.existsSync(ignoredFile) ? fs.readFileSync(ignoredFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) : [];
  for (const p of ignored) assert.ok(pages.includes(p), `${c.name}: ignored.txt names ${p}, which is not a page of the case`);
  for (const p of pages) {
    if (ignored.includes(p)) assert.ok(!findings.has(p), `${c.name}: ${p} is checked as a worklog page (findings: ${(findings.get(p) ?? []).map((f) => f.rule).join(', ') || 'none'})`);
    else assert.ok(findings.has(p), `${c.name}: ${p} is not checked as a worklog page`);
  }
  assertWellFormed(c, texts, findings, 'as written');
  compareFindings(c, findings);
  fixAndVerify(c, texts, settings, findings);
}

const CASES = discoverCases();

describe('fixtures', () => {
  it('the rule ids the CLI checks arguments against are the registry\'s, in its order', () => {
    assert.deepStrictEqual([...RULE_IDS], RULES.map((r) => r.id));
  });

  it('cover every rule with a positive and a negative case', () => {
    const folders = new Set(CASES.map((c) => c.rule));
    for (const f of folders) assert.ok(RULE_IDS.includes(f), `test/fixtures/${f} is not a rule id`);
    for (const id of RULE_IDS) {
      const own = CASES.filter((c) => c.rule === id);
      assert.ok(own.some((c) => c.expected.some((e) => e.key.endsWith(` ${id}`))), `no positive fixture for ${id}`);
      assert.ok(own.some((c) => c.expected.length === 0), `no negative fixture (empty expected.txt) for ${id}`);
    }
  });

  for (const c of CASES) {
    it(c.name, function () {
      if (!c.pending) {
        runCase(c);
        return;
      }
      try {
        runCase(c);
      } catch (error) {
        if (process.env.FIXTURES_VERBOSE) console.log(`${c.name} (pending: ${c.pending}):`, (error as Error).message);
        this.test!.title += ` (pending: ${c.pending})`;
        this.skip();
      }
      assert.fail(`${c.name} passes now: remove it from test/fixtures/pending.txt`);
    });
  }
});
