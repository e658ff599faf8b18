// The page cache of the extension's workspace index: a page revived from the cache must behave exactly like the page
// parsed from the same text (same findings, same ranges), and a cache of another build, language or size limit, or a
// corrupt one, must never be used.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkPages } from '../../src/core/engine';
import type { WorklogPage } from '../../src/core/model';
import { decodePage, encodePage, PageCache, type PageCacheKey } from '../../src/core/pageCache';
import { parsePage } from '../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { hostilePageArb, mutatedPageArb } from '../fuzz/lib/pages';

const KEY: PageCacheKey = { build: 'b1', locale: 'en', maxSize: DEFAULT_SETTINGS.maxFileSize };

/** Through the cache file and back, as the next session would see it. */
function revive(page: WorklogPage): WorklogPage | undefined {
  const cache = PageCache.empty(KEY);
  cache.set('id', 'hash', page);
  return PageCache.fromJSON(cache.toJSON(), KEY).get('id', 'hash', page.path, page.text);
}

function fixturePages(): { path: string; text: string }[][] {
  const root = path.join(__dirname, '..', 'fixtures');
  const workspaces: { path: string; text: string }[][] = [];
  for (const rule of fs.readdirSync(root)) {
    if (!fs.statSync(path.join(root, rule)).isDirectory()) continue;
    for (const c of fs.readdirSync(path.join(root, rule))) {
      const dir = path.join(root, rule, c);
      if (!fs.statSync(dir).isDirectory()) continue;
      const files: { path: string; text: string }[] = [];
      const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (/\.md$/.test(e.name)) files.push({ path: path.relative(dir, p).split(path.sep).join('/'), text: fs.readFileSync(p, 'utf8') });
        }
      };
      walk(dir);
      if (files.length > 0) workspaces.push(files);
    }
  }
  return workspaces;
}

function sameFindings(files: readonly { path: string; text: string }[]): void {
  const parsed = files.map((f) => parsePage(f.path, f.text));
  const revived = parsed.map((p) => {
    // Skipped pages (binary, too large) are never cached: the index reads them again, which costs nothing.
    if (p.skipped !== undefined) return p;
    const r = revive(p);
    assert.ok(r, `${p.path} was not revived`);
    return r;
  });
  const a = checkPages(parsed, DEFAULT_SETTINGS).findings;
  const b = checkPages(revived, DEFAULT_SETTINGS).findings;
  assert.deepStrictEqual(b, a);
}

describe('page cache', () => {
  it('gives every fixture workspace the same findings, ranges and fixes as parsing', () => {
    const workspaces = fixturePages();
    assert.ok(workspaces.length >= 100, `only ${workspaces.length} fixture workspaces`);
    for (const files of workspaces) sameFindings(files);
  });

  it('gives mutated and hostile pages the same findings as parsing (fixed seed)', () => {
    fc.assert(fc.property(mutatedPageArb, (p) => sameFindings([{ path: p.path, text: p.text }])), { seed: 20251128, numRuns: 150 });
    fc.assert(fc.property(hostilePageArb, (p) => sameFindings([p])), { seed: 20251128, numRuns: 150 });
  });

  it('keeps numbers JSON cannot hold, such as a YAML .nan weight', () => {
    const page = parsePage('content/1-Worklog/1.1-Week1/_index.md', '---\ntitle: "Week 1"\nweight: .nan\ndate: 2025-09-08\n---\n');
    assert.ok(Number.isNaN(page.frontMatter?.entries.get('weight')?.value));
    const back = revive(page);
    assert.ok(Number.isNaN(back?.frontMatter?.entries.get('weight')?.value));
    assert.deepStrictEqual(checkPages([back!], DEFAULT_SETTINGS).findings, checkPages([page], DEFAULT_SETTINGS).findings);
  });

  it('keeps strings that look like its own compact spans, and front-matter values shaped like positions', () => {
    const text = '---\ntitle: "\u0001S1:2-3:4"\npos: { line: 1, character: 2 }\n---\n\n| Day | Task | Start Date |\n| --- | --- | --- |\n| \u0001P1:2 | \u0001\u0001x | 08/09/2025 |\n';
    const page = parsePage('content/1-Worklog/1.1-Week1/_index.md', text);
    const back = revive(page)!;
    assert.equal(back.frontMatter?.entries.get('title')?.value, '\u0001S1:2-3:4');
    assert.deepStrictEqual(back.frontMatter?.entries.get('pos')?.value, { line: 1, character: 2 });
    assert.equal(JSON.stringify(back.tables), JSON.stringify(page.tables));
    assert.equal(back.tables[0].rows[0].cells[1].raw.startsWith('\u0001\u0001x'), true);
  });

  it('rebuilds the text and its lines from the text given, CRLF and BOM included', () => {
    const text = '\uFEFF---\r\ntitle: "Week 2 Worklog"\r\n---\r\n\r\n| Day | Task | Start Date |\r\n| --- | --- | --- |\r\n| Mon | a | 08/09/2025 |\r\n';
    const page = parsePage('content/1-Worklog/1.2-Week2/_index.md', text);
    const back = revive(page)!;
    assert.equal(back.text, text);
    assert.deepStrictEqual(back.lineIndex.starts, page.lineIndex.starts);
    assert.equal(back.eol, '\r\n');
    assert.equal(back.bom, true);
  });

  it('does not hand out a page for another hash, another text shape, or another path', () => {
    const text = '---\ntitle: "Week 3 Worklog"\n---\n\nbody\n';
    const page = parsePage('w/week-3.md', text);
    const cache = PageCache.empty(KEY);
    cache.set('file:///w/week-3.md', 'h1', page);
    assert.equal(cache.get('file:///w/week-3.md', 'h2', 'w/week-3.md', text), undefined);
    assert.equal(cache.get('file:///w/week-3.md', 'h1', 'w/week-3.md', text + 'one more line\n'), undefined);
    assert.equal(cache.get('file:///w/week-3.md', 'h1', 'w/other.md', text), undefined);
    assert.ok(cache.get('file:///w/week-3.md', 'h1', 'w/week-3.md', text));
  });

  it('ignores a cache of another build, language, size limit or format, and a corrupt one', () => {
    const page = parsePage('w/week-3.md', '---\ntitle: "Week 3 Worklog"\n---\n');
    const cache = PageCache.empty(KEY);
    cache.set('id', 'h', page);
    const json = cache.toJSON();
    for (const other of [{ ...KEY, build: 'b2' }, { ...KEY, locale: 'vi' }, { ...KEY, maxSize: 10 }]) {
      assert.equal(PageCache.fromJSON(json, other).size, 0, JSON.stringify(other));
    }
    assert.equal(PageCache.fromJSON(json.replace('"format":1', '"format":0'), KEY).size, 0);
    for (const bad of ['', '{', 'null', '[]', '{"format":1}', json.slice(0, json.length / 2)]) assert.equal(PageCache.fromJSON(bad, KEY).size, 0, bad);
    assert.equal(PageCache.fromJSON(json, KEY).size, 1);
  });

  it('drops an entry whose data is not a page instead of failing', () => {
    const json = JSON.stringify({ format: 1, key: KEY, pages: { a: [{ h: 'h', p: JSON.stringify({ path: 'x.md', lineCount: 'many' }) }], b: [{ h: 'h', p: 42 }], c: { h: 'h' }, d: [null, 7], e: [{ h: 'h', p: '{not json' }] } });
    const cache = PageCache.fromJSON(json, KEY);
    assert.equal(cache.get('a', 'h', 'x.md', ''), undefined);
    assert.equal(cache.get('b', 'h', 'x.md', ''), undefined);
    assert.equal(cache.get('e', 'h', 'x.md', ''), undefined);
    assert.equal(decodePage(null, 'x.md', ''), undefined);
  });

  it('tracks changes: set, delete and retain mark it dirty, writing it clears that', () => {
    const page = parsePage('w/week-3.md', '---\ntitle: "Week 3 Worklog"\n---\n');
    const cache = PageCache.empty(KEY);
    assert.equal(cache.dirty, false);
    cache.set('a', 'h', page);
    cache.set('b', 'h', page);
    assert.equal(cache.dirty, true);
    cache.toJSON();
    assert.equal(cache.dirty, false);
    cache.retain(new Set(['a']));
    assert.equal(cache.dirty, true);
    assert.equal(cache.size, 1);
    cache.delete('a');
    assert.equal(cache.size, 0);
    assert.ok(encodePage(page));
  });

  it('keeps the last three texts of a page, newest first, so switching back to one of them hits', () => {
    const texts = [1, 2, 3, 4].map((n) => `---\ntitle: "Week ${n} Worklog"\n---\n${'\n'.repeat(n)}`);
    const cache = PageCache.empty(KEY);
    texts.forEach((t, i) => cache.set('id', `h${i}`, parsePage('w/week-1.md', t)));
    const again = PageCache.fromJSON(cache.toJSON(), KEY);
    assert.equal(again.get('id', 'h0', 'w/week-1.md', texts[0]), undefined, 'the oldest text is gone');
    for (const i of [1, 2, 3]) assert.equal(again.get('id', `h${i}`, 'w/week-1.md', texts[i])?.frontMatter?.entries.get('title')?.value, `Week ${i + 1} Worklog`);
    // Setting a known text again moves it to the front instead of keeping it twice.
    again.set('id', 'h1', parsePage('w/week-1.md', texts[1]));
    again.set('id', 'h4', parsePage('w/week-1.md', texts[0]));
    assert.ok(again.get('id', 'h1', 'w/week-1.md', texts[1]));
    assert.equal(again.get('id', 'h2', 'w/week-1.md', texts[2]), undefined);
  });

  it('never caches a skipped page (binary or too large)', () => {
    const cache = PageCache.empty(KEY);
    cache.set('bin', 'h', parsePage('w/week-1.md', 'a\u0000b'));
    cache.set('big', 'h', parsePage('w/week-2.md', 'x'.repeat(100), { maxSize: 10 }));
    assert.equal(cache.size, 0);
  });
});
