// Hostile front matter: it is data, never code. A page whose front matter is JavaScript/CoffeeScript that would set a
// global flag and write a marker file if evaluated is checked by the engine, by the CLI in-process and by the bundled
// CLI as a child process: nothing runs and the page gets a frontmatter-syntax finding. YAML tags that construct
// objects give plain values or a finding, an alias bomb is cut short, and large TOML is read without trouble.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import matter from 'gray-matter';
import { checkPages, checkText } from '../../src/core/engine';
import type { Finding } from '../../src/core/model';
import { parsePage } from '../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { runCliIn, tempWorkspace } from '../fuzz/lib/properties';
import { cliBundle } from './cli-fixtures/bundle';

const WEEK1 = 'content/1-Worklog/1.1-Week1/_index.md';
const TABLE = [
  '',
  '### Tasks to be carried out this week:',
  '',
  '| Day | Task | Start Date | Completion Date |',
  '| --- | --- | --- | --- |',
  '| Mon | Read the onboarding notes | 08/09/2025 | 08/09/2025 |',
  '',
].join('\n');

type Global = typeof globalThis & { __worklogPwned?: boolean };
const pwned = (): boolean => (globalThis as Global).__worklogPwned === true;

/** A marker file that only code from the page would create. */
function markerPath(): string {
  return path.join(os.tmpdir(), `worklog-pwned-${process.pid}-${Math.random().toString(36).slice(2)}`);
}

/** Front matter that, if evaluated, sets the flag and writes the marker; it also names a week so the page is checked. */
function payload(marker: string): string {
  return [
    '{',
    '  title: (function () {',
    '    globalThis.__worklogPwned = true;',
    `    try { (typeof require === 'function' ? require : process.getBuiltinModule)('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); } catch (e) {}`,
    '    return "Week 1 Worklog";',
    '  })(),',
    '  date: "2025-09-08",',
    '  weight: 1',
    '}',
  ].join('\n');
}

function codePage(language: string, marker: string): string {
  return `---${language}\n${payload(marker)}\n---\n${TABLE}`;
}

const CODE_LANGUAGES = ['js', 'javascript', 'JS', 'JavaScript', 'coffee', 'coffeescript', 'CoffeeScript', 'cson', 'json'];

function rules(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.rule);
}

describe('security: front matter is data, never code', () => {
  const markers: string[] = [];
  const dirs: string[] = [];
  const marker = (): string => {
    const m = markerPath();
    markers.push(m);
    return m;
  };
  afterEach(() => {
    delete (globalThis as Global).__worklogPwned;
    for (const m of markers.splice(0)) fs.rmSync(m, { force: true });
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('the payload is live: gray-matter with its default engines evaluates it (so the tests below can fail)', () => {
    const m = marker();
    matter(codePage('js', m), {});
    assert.ok(pwned(), 'the flag is set by evaluated front matter');
    assert.ok(fs.existsSync(m), 'the marker file is written by evaluated front matter');
  });

  for (const language of CODE_LANGUAGES) {
    it(`checkText: "---${language}" is never run and is a frontmatter-syntax finding`, () => {
      const m = marker();
      const findings = checkText(WEEK1, codePage(language, m), DEFAULT_SETTINGS);
      assert.equal(pwned(), false);
      assert.equal(fs.existsSync(m), false);
      const syntax = findings.filter((f) => f.rule === 'frontmatter-syntax');
      assert.equal(syntax.length, 1, rules(findings).join(', '));
      assert.equal(syntax[0].severity, 'error');
      assert.match(syntax[0].message, new RegExp(`"${language}"`));
    });
  }

  it('checkPages: a worklog of code pages (a twin, the index too) runs nothing and reports each page', () => {
    const m = marker();
    const files = {
      [WEEK1]: codePage('js', m),
      'content/1-Worklog/1.1-Week1/_index.vi.md': codePage('coffee', m),
      'content/1-Worklog/1.2-Week2/_index.md': codePage('javascript', m).replace(/Week 1/g, 'Week 2'),
      'content/1-Worklog/_index.md': `---js\n${payload(m)}\n---\n\n[Week 1](1.1-week1/)\n`,
    };
    const { findings } = checkPages(Object.entries(files).map(([p, t]) => parsePage(p, t)), DEFAULT_SETTINGS);
    assert.equal(pwned(), false);
    assert.equal(fs.existsSync(m), false);
    for (const p of Object.keys(files)) assert.ok(rules(findings.get(p) ?? []).includes('frontmatter-syntax'), `${p}: ${rules(findings.get(p) ?? []).join(', ')}`);
  });

  it('the CLI in-process (run([path], io)): nothing runs, frontmatter-syntax in the JSON output', async () => {
    const m = marker();
    const dir = tempWorkspace([{ path: WEEK1, data: codePage('js', m) }, { path: 'content/1-Worklog/1.2-Week2/_index.md', data: codePage('coffee', m).replace(/Week 1/g, 'Week 2') }]);
    dirs.push(dir);
    const r = await runCliIn(dir, ['--format', 'json', 'content']);
    assert.equal(pwned(), false);
    assert.equal(fs.existsSync(m), false);
    assert.equal(r.code, 1);
    const items = JSON.parse(r.stdout) as { file: string; rule: string }[];
    assert.ok(items.some((i) => i.file === WEEK1 && i.rule === 'frontmatter-syntax'), r.stdout);
    assert.ok(items.some((i) => i.file === 'content/1-Worklog/1.2-Week2/_index.md' && i.rule === 'frontmatter-syntax'), r.stdout);
  });

  it('the bundled CLI as a child process (node dist/cli.js, built first when older than src): nothing runs', function () {
    this.timeout(120_000);
    const cli = cliBundle();
    const m = marker();
    const dir = tempWorkspace([{ path: WEEK1, data: codePage('js', m) }, { path: 'content/1-Worklog/1.2-Week2/_index.md', data: codePage('javascript', m).replace(/Week 1/g, 'Week 2') }]);
    dirs.push(dir);
    const child = spawnSync(process.execPath, [cli, '--format', 'json', WEEK1, 'content'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, LANG: 'C' } });
    assert.equal(child.error, undefined);
    assert.equal(fs.existsSync(m), false, 'the marker file was written: front matter code ran in the CLI');
    assert.equal(child.status, 1, child.stderr);
    const items = JSON.parse(child.stdout) as { file: string; rule: string; message: string }[];
    const syntax = items.filter((i) => i.rule === 'frontmatter-syntax');
    assert.deepEqual(syntax.map((i) => i.file).sort(), ['content/1-Worklog/1.2-Week2/_index.md', WEEK1].sort());
  });

  it('front matter languages named after Object.prototype members run nothing', () => {
    const m = marker();
    for (const language of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__', 'isPrototypeOf', 'eval', 'Function']) {
      assert.doesNotThrow(() => checkText(WEEK1, codePage(language, m), DEFAULT_SETTINGS), language);
    }
    assert.equal(pwned(), false);
    assert.equal(fs.existsSync(m), false);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

/** A value parsed from YAML that is only data: no function, class instance, RegExp, Date, Buffer… */
function plainData(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || ['string', 'number', 'boolean', 'undefined', 'bigint'].includes(typeof value)) return true;
  if (typeof value !== 'object' || seen.has(value)) return typeof value === 'object';
  seen.add(value);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  return Object.values(value as object).every((v) => plainData(v, seen));
}

describe('security: YAML tags, aliases, prototype keys; large TOML', () => {
  afterEach(() => delete (globalThis as Global).__worklogPwned);

  const TAGGED: Record<string, string> = {
    'js/function': 'title: !!js/function "function () { globalThis.__worklogPwned = true; return \'Week 1\' }"',
    'js/function (block)': 'title: !!js/function >\n  function () { globalThis.__worklogPwned = true }',
    'js/regexp': 'title: !!js/regexp /Week (\\d+)/g',
    'js/undefined': 'title: !!js/undefined ""',
    'python/object/apply': 'title: !!python/object/apply:os.system ["touch /tmp/worklog-pwned"]',
    'python/object': 'title: !!python/object:__main__.Week {number: 1}',
    'verbatim tag': 'title: !<tag:yaml.org,2002:js/function> "function () { globalThis.__worklogPwned = true }"',
    'custom local tag': 'title: !week 1\nextra: !include ../../../etc/passwd',
    'custom tag on a map': 'title: !!map {a: 1}\nextra: !thing {constructor: {prototype: {polluted: true}}}',
    'binary, set, omap, timestamp': 'title: !!binary V2VlayAx\nx: !!set {a, b}\ny: !!omap [a: 1]\nz: !!timestamp 2025-09-08',
    'merge key': 'base: &b {title: "Week 1"}\n<<: *b\nweight: 1',
    '__proto__ and constructor keys': '__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\ntitle: "Week 1"',
  };

  for (const [name, yaml] of Object.entries(TAGGED)) {
    // Open bug: the yaml library constructs the YAML 1.1 known tags (Date, Uint8Array, Set) — see
    // fuzz-regressions/yaml-timestamp-tag.json. Un-skip once parseYaml passes resolveKnownTags: false.
    const test = it;
    test(`${name}: no code, no pollution, plain values or a frontmatter-syntax finding`, () => {
      const text = `---\n${yaml}\ndate: 2025-09-08\n---\n${TABLE}`;
      let findings: Finding[] = [];
      assert.doesNotThrow(() => {
        findings = checkText(WEEK1, text, DEFAULT_SETTINGS);
      });
      assert.equal(pwned(), false);
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
      const page = parsePage(WEEK1, text);
      const notPlain = [...(page.frontMatter?.entries.values() ?? [])].filter((e) => !plainData(e.value));
      if (notPlain.length > 0) {
        assert.ok(rules(findings).includes('frontmatter-syntax'), `non-plain values ${notPlain.map((e) => e.key).join(', ')} and no frontmatter-syntax finding`);
      }
    });
  }

  it('an alias bomb ("billion laughs", 9 levels × 9 aliases) returns and is a frontmatter-syntax finding', function () {
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    const text = `---\ntitle: "Week 1 Worklog"\n${lines.join('\n')}\nweight: *a8\n---\n${TABLE}`;
    const started = Date.now();
    const findings = checkText(WEEK1, text, DEFAULT_SETTINGS);
    this.test!.title += ` (${Date.now() - started} ms)`;
    const syntax = findings.filter((f) => f.rule === 'frontmatter-syntax');
    assert.equal(syntax.length, 1, rules(findings).join(', '));
    assert.match(syntax[0].message, /alias/i);
  });

  it('an alias bomb in a TOML-looking page is just text; a YAML bomb inside a table cell is just text', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]';
    const findings = checkText(WEEK1, `+++\ntitle = "Week 1 Worklog"\ndate = 2025-09-08\nweight = 1\n+++\n${TABLE}\n${bomb}\n`, DEFAULT_SETTINGS);
    assert.deepEqual(rules(findings), []);
  });

  const toml = (body: string): string => `+++\ntitle = "Week 1 Worklog"\ndate = 2025-09-08\nweight = 1\n${body}\n+++\n${TABLE}`;
  const LARGE_TOML: Record<string, () => { body: string; valid: boolean }> = {
    'an array of 100,000 numbers': () => ({ body: `numbers = [${Array.from({ length: 100_000 }, (_, i) => i).join(', ')}]`, valid: true }),
    'an array of 20,000 inline tables': () => ({ body: `rows = [${Array.from({ length: 20_000 }, (_, i) => `{ day = ${i % 7}, task = "t${i}" }`).join(', ')}]`, valid: true }),
    'inline tables nested 2,000 deep': () => ({ body: `deep = ${'{ a = '.repeat(2000)}1${' }'.repeat(2000)}`, valid: false }),
    'arrays nested 5,000 deep': () => ({ body: `deep = ${'['.repeat(5000)}1${']'.repeat(5000)}`, valid: false }),
    '5,000 [tables] after the keys': () => ({ body: Array.from({ length: 5000 }, (_, i) => `[t${i}]\nx = ${i}`).join('\n'), valid: true }),
    'a 200,000-character string': () => ({ body: `long = "${'x'.repeat(200_000)}"`, valid: true }),
  };
  for (const [name, make] of Object.entries(LARGE_TOML)) {
    it(`TOML with ${name}: returns; the keys are read (or one frontmatter-syntax finding), no other front matter finding`, function () {
      const { body, valid } = make();
      const started = Date.now();
      const findings = checkText(WEEK1, toml(body), DEFAULT_SETTINGS);
      this.test!.title += ` (${Date.now() - started} ms)`;
      const fm = findings.filter((f) => f.rule.startsWith('frontmatter-'));
      assert.deepEqual(rules(fm), valid ? [] : ['frontmatter-syntax'], fm.map((f) => f.message).join(' | '));
      if (valid) assert.equal(parsePage(WEEK1, toml(body)).frontMatter?.entries.get('title')?.value, 'Week 1 Worklog');
    });
  }
});

describe('security: hostile workspace entries (the CLI)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) {
      spawnSync('chmod', ['-R', 'u+rwX', d]);
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
  const BAD = codeFreeWeek(1, '011/09/2025');
  const workspace = (files: { path: string; data: string }[]): string => {
    const dir = tempWorkspace(files);
    dirs.push(dir);
    fs.chmodSync(dir, 0o755);
    return dir;
  };
  /** The bundled CLI in a child process, as `user` when given (root reads everything: permissions need another user). */
  const runBundled = (cwd: string, args: readonly string[], options: { user?: string; timeout?: number } = {}): { code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } => {
    const cli = cliBundle();
    fs.chmodSync(path.dirname(cli), 0o755);
    const argv = options.user ? ['runuser', '-u', options.user, '--', process.execPath, cli, ...args] : [process.execPath, cli, ...args];
    const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', timeout: options.timeout ?? 60_000, env: { PATH: process.env.PATH, HOME: cwd, LANG: 'C' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
  };

  it('a folder without permission, a symbolic link loop and a missing path: exit 2, one line each, every other page checked', async function () {
    const dir = workspace([
      { path: WEEK1, data: BAD },
      { path: 'content/1-Worklog/1.3-Week3/_index.md', data: codeFreeWeek(3, '22/09/2025') },
    ]);
    fs.symlinkSync('loop.md', path.join(dir, 'loop.md'));
    fs.chmodSync(path.join(dir, 'content/1-Worklog/1.3-Week3'), 0o000);
    const args = ['--format', 'json', 'content/nowhere.md', 'loop.md', 'content'];
    let r: { code: number | null; stdout: string; stderr: string };
    if (process.getuid?.() === 0) {
      r = runBundled(dir, args, { user: 'nobody' });
      if (r.code === null || /runuser:/.test(r.stderr)) this.skip(); // no unprivileged user to run as
    } else {
      r = await runCliIn(dir, args);
    }
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(r.stderr.split('\n').filter((l) => l !== '').sort(), [
      'worklog-lint: cannot find content/nowhere.md: no such file or folder',
      'worklog-lint: cannot read content/1-Worklog/1.3-Week3: EACCES',
      'worklog-lint: cannot read loop.md: ELOOP',
    ]);
    const items = JSON.parse(r.stdout) as { file: string; rule: string }[];
    assert.ok(items.some((i) => i.file === WEEK1 && i.rule === 'date-invalid'), r.stdout);
  });

  it('a broken symbolic link and a FIFO named .md inside the tree: a note for the link, the FIFO is not read, the run ends', function () {
    const dir = workspace([{ path: WEEK1, data: BAD }]);
    fs.symlinkSync('nowhere.md', path.join(dir, 'content/1-Worklog/broken.md'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'content/1-Worklog/pipe.md')]);
    if (fifo.status !== 0) this.skip(); // no mkfifo here
    const r = runBundled(dir, ['--format', 'json'], { timeout: 60_000 });
    assert.equal(r.signal, null, 'the CLI hung on the FIFO and was killed');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, 'note: content/1-Worklog/broken.md skipped: broken symbolic link\n');
    assert.ok((JSON.parse(r.stdout) as { rule: string }[]).some((i) => i.rule === 'date-invalid'));
  });

  // Were bugs (fuzz-regressions/cli-named-fifo.json): a FIFO named on the command line hung the CLI forever, and a
  // named .md linking to /dev/zero was read until the process ran out of memory. Only regular files are read now.
  it('a FIFO named on the command line is reported (exit 2, one line), the other paths are checked, no hang', function () {
    const dir = workspace([{ path: WEEK1, data: BAD }]);
    if (spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status !== 0) this.skip();
    const r = runBundled(dir, ['--format', 'json', 'pipe.md', 'content'], { timeout: 30_000 });
    assert.equal(r.signal, null, 'the CLI hung reading the FIFO and was killed after 30 s');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^worklog-lint: .*pipe\.md.*\n$/);
  });

  it('a named .md that links to /dev/zero is not read without end', function () {
    const dir = workspace([{ path: WEEK1, data: BAD }]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    const r = runBundled(dir, ['--format', 'json', 'zero.md', 'content'], { timeout: 30_000 });
    assert.equal(r.signal, null, 'killed after 30 s');
    assert.equal(r.code, 2, r.stderr.slice(0, 500));
  });
});

/** A plain week page (no code) with one start date. */
function codeFreeWeek(week: number, start: string): string {
  return `---\ntitle: "Week ${week} Worklog"\ndate: 2025-09-08\nweight: ${week}\n---\n${TABLE.replace('08/09/2025 | 08/09/2025', `${start} | ${start}`)}`;
}
