// The Vietnamese localisation: the manifest strings (package.nls.vi.json), the runtime messages
// (l10n/bundle.l10n.vi.json, loaded by VS Code in a Vietnamese UI and by worklog-lint with --locale vi or a vi_* LANG),
// and worklog-lint end to end in Vietnamese.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, setTranslator } from '../../src/core/l10n';
import { makeWorkspace, removeWorkspace, runCli, weekPage, indexPage, type WeekRow } from './cli-fixtures/workspace';

const ROOT = path.resolve(__dirname, '..', '..');
const VI_BUNDLE = path.join(ROOT, 'l10n', 'bundle.l10n.vi.json');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function stringRecord(file: string): Record<string, string> {
  const value = readJson(file);
  assert.ok(value && typeof value === 'object' && !Array.isArray(value), `${file} is not a JSON object`);
  for (const [key, v] of Object.entries(value)) assert.equal(typeof v, 'string', `${path.basename(file)}: the value of ${JSON.stringify(key)} is not a string`);
  return value as Record<string, string>;
}

/**
 * The runtime messages, from the same extractor the bundles are written with (scripts/l10n-messages.mjs: the first
 * argument of t('…') / vscode.l10n.t('…') in src). It is an ES module: imported by URL, so the CJS test loads it as is.
 */
async function runtimeMessages(): Promise<string[]> {
  const url = pathToFileURL(path.join(ROOT, 'scripts', 'l10n-messages.mjs')).href;
  const mod = (await import(url)) as { messages(): string[] };
  return mod.messages();
}

function placeholders(message: string): string[] {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

/** Text a translation must carry over verbatim: quoted literals, date patterns, Markdown and front matter syntax, setting ids. */
function literals(message: string): string[] {
  return message.match(/"[^"]*"|YYYY-MM-DD|DD\/MM|MM\/DD|<br>|\+\+\+|---|worklog\.\w+/g) ?? [];
}

/** Every `%key%` value in the manifest (VS Code replaces only whole values). */
function manifestKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%]+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) manifestKeys(v, out);
  }
  return out;
}

describe('l10n', () => {
  describe('manifest strings (package.nls.json, package.nls.vi.json)', () => {
    const en = stringRecord(path.join(ROOT, 'package.nls.json'));
    const vi = stringRecord(path.join(ROOT, 'package.nls.vi.json'));

    it('every English key has a Vietnamese string and vice versa', () => {
      assert.deepEqual(Object.keys(en).filter((k) => !(k in vi)), [], 'in package.nls.json but not in package.nls.vi.json');
      assert.deepEqual(Object.keys(vi).filter((k) => !(k in en)), [], 'in package.nls.vi.json but not in package.nls.json');
    });

    it('no string is empty', () => {
      assert.deepEqual(Object.keys(en).filter((k) => en[k].trim() === ''), [], 'empty in package.nls.json');
      assert.deepEqual(Object.keys(vi).filter((k) => vi[k].trim() === ''), [], 'empty in package.nls.vi.json');
    });

    it('the Vietnamese strings keep the code spans and link targets of the English ones', () => {
      const lost = Object.keys(en).flatMap((k) => (en[k].match(/`[^`]*`|\((?:command|https?):[^)]*\)/g) ?? [])
        .filter((l) => k in vi && !vi[k].includes(l)).map((l) => `${k}: ${l}`));
      assert.deepEqual(lost, []);
    });

    it('every %key% used in package.json exists in package.nls.json, and every key there is used', () => {
      const used = manifestKeys(readJson(path.join(ROOT, 'package.json')));
      assert.ok(used.size > 0, 'package.json uses no %key%');
      assert.deepEqual([...used].filter((k) => !(k in en)), [], 'used in package.json but missing from package.nls.json');
      assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), [], 'in package.nls.json but used nowhere in package.json');
    });

    it('the package ships the Vietnamese files (the .vscodeignore allow-list names them)', () => {
      const allowed = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/).map((l) => l.trim());
      for (const file of ['package.nls.json', 'package.nls.vi.json', 'l10n/bundle.l10n.vi.json']) {
        assert.ok(allowed.includes(`!${file}`), `.vscodeignore leaves ${file} out of the .vsix`);
      }
    });
  });

  describe('runtime messages (l10n/bundle.l10n.vi.json)', () => {
    let messages: string[];
    let vi: Record<string, string>;

    before(async function () {
      // Loads the TypeScript compiler and parses every source file: slow on a busy machine.
      this.timeout(60000);
      messages = await runtimeMessages();
      vi = stringRecord(VI_BUNDLE);
    });

    it('the extractor finds the messages of the core, the CLI and the adapters', () => {
      // Guards the checks below against an extractor that silently finds nothing.
      assert.ok(messages.length > 100, `only ${messages.length} messages found`);
      assert.ok(messages.includes('"{0}" is not a date: a day or month has more than two digits.'), 'a rule message (src/core)');
      assert.ok(messages.includes('Worklog: the cursor is not in a table.'), 'an adapter message (vscode.l10n.t)');
    });

    it('every message has a Vietnamese translation', () => {
      assert.deepEqual(messages.filter((m) => !Object.hasOwn(vi, m)), [], 'messages without a translation (node scripts/l10n-messages.mjs --missing)');
    });

    it('no translation is empty', () => {
      assert.deepEqual(Object.keys(vi).filter((k) => vi[k].trim() === ''), []);
    });

    it('every translation has exactly the placeholders of its message', () => {
      const wrong = messages.filter((m) => Object.hasOwn(vi, m) && placeholders(m).join() !== placeholders(vi[m]).join())
        .map((m) => `${JSON.stringify(m)}: ${placeholders(m).join() || 'none'} → ${JSON.stringify(vi[m])}: ${placeholders(vi[m]).join() || 'none'}`);
      assert.deepEqual(wrong, []);
    });

    it('every translation keeps the quoted literals, date patterns and syntax of its message', () => {
      const lost = messages.filter((m) => Object.hasOwn(vi, m))
        .flatMap((m) => literals(m).filter((l) => !vi[m].includes(l)).map((l) => `${l} in ${JSON.stringify(vi[m])}`));
      assert.deepEqual(lost, []);
    });

    it('has no stale keys: every key is still a message in the source', () => {
      const known = new Set(messages);
      assert.deepEqual(Object.keys(vi).filter((k) => !known.has(k)), [], 'keys of bundle.l10n.vi.json no longer used by t() / vscode.l10n.t()');
    });

    it('is UTF-8 without a BOM, with its keys sorted like the extractor sorts them', () => {
      const bytes = fs.readFileSync(VI_BUNDLE);
      assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a BOM');
      assert.doesNotThrow(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'not valid UTF-8');
      const keys = Object.keys(vi);
      assert.deepEqual(keys, [...keys].sort());
    });
  });

  describe('worklog-lint in Vietnamese', () => {
    const PAGE = 'content/1-Worklog/1.5-Week5/_index.md';
    const IMPOSSIBLE = '31/04/2025';
    const ROWS: readonly WeekRow[] = [
      { day: '2', task: 'Read the networking notes', start: '28/04/2025', end: '28/04/2025' },
      { day: '3', task: 'Draw the subnets', start: '29/04/2025', end: IMPOSSIBLE },
      { day: '4', task: 'Launch an instance', start: '30/04/2025', end: '30/04/2025' },
    ];
    const EN_BASE = '"{0}" is not a date: there is no such day (read as {1}, like the rest of the page).';
    let dir: string;
    let vi: Record<string, string>;

    before(() => {
      vi = stringRecord(VI_BUNDLE);
      dir = makeWorkspace({
        'content/1-Worklog/_index.md': indexPage([5]),
        [PAGE]: weekPage(5, '2025-04-28', ['Learn virtual networks'], ROWS),
      });
    });

    after(() => {
      removeWorkspace(dir);
      // The CLI installs its translator in the core: leave the English one for the suites that follow.
      setTranslator(undefined);
    });

    async function dateInvalid(argv: readonly string[], env: Record<string, string | undefined> = {}): Promise<string> {
      const r = await runCli(dir, ['--format', 'json', ...argv], { env, bundlePath: VI_BUNDLE });
      assert.equal(r.stderr, '');
      const findings = JSON.parse(r.stdout) as { file: string; rule: string; message: string }[];
      const found = findings.filter((f) => f.rule === 'date-invalid');
      assert.equal(found.length, 1, `one date-invalid finding expected, got ${JSON.stringify(findings)}`);
      assert.equal(found[0].file, PAGE);
      return found[0].message;
    }

    it('reports the impossible date in English by default', async () => {
      assert.equal(await dateInvalid([]), format(EN_BASE, [IMPOSSIBLE, 'day/month/year']));
    });

    it('--locale vi: the message is the Vietnamese translation from the bundle, arguments filled in', async () => {
      const expected = format(vi[EN_BASE], [IMPOSSIBLE, vi['day/month/year']]);
      assert.equal(expected, '"31/04/2025" không phải ngày: không có ngày này (đọc theo ngày/tháng/năm, như các ngày khác trong trang).');
      assert.equal(await dateInvalid(['--locale', 'vi']), expected);
    });

    it('LANG=vi_VN.UTF-8 gives the same Vietnamese message; --locale en overrides it', async () => {
      const expected = format(vi[EN_BASE], [IMPOSSIBLE, vi['day/month/year']]);
      assert.equal(await dateInvalid([], { LANG: 'vi_VN.UTF-8' }), expected);
      assert.equal(await dateInvalid(['--locale', 'en'], { LANG: 'vi_VN.UTF-8' }), format(EN_BASE, [IMPOSSIBLE, 'day/month/year']));
    });
  });
});
