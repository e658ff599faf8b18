// Which files worklog-lint reads: symbolic links stay inside the given paths, missing and unreadable paths are
// reported without stopping the run, binary and oversized pages are skipped with a note.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Minimatch } from 'minimatch';
import { selectsPath, type ResolvedConfig } from '../../src/cli/config';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readPage } from '../../src/cli/textFile';
import { SECTION_FILE } from '../../src/cli/run';
import { worklogKey } from '../../src/core/weeks';
import { makeWorkspace, removeWorkspace, runCli, WEEK1_BAD, WEEK1_ROWS, weekPage, worklogFiles, writeFiles } from './cli-fixtures/workspace';

const WEEK3 = 'content/1-Worklog/1.3-Week3';

describe('worklog-lint: files and folders', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) {
      // A test may have taken permissions away.
      for (const p of [d, ...fs.readdirSync(d, { recursive: true }).map((r) => path.join(d, String(r)))]) {
        try {
          if (!fs.lstatSync(p).isSymbolicLink()) fs.chmodSync(p, 0o755);
        } catch {
          // Already gone.
        }
      }
      removeWorkspace(d);
    }
  });
  const workspace = (files: Record<string, string | Buffer>): string => {
    const d = makeWorkspace(files);
    dirs.push(d);
    return d;
  };

  it('skips a symbolic link that leads outside the given folders, with a note', async () => {
    const outside = workspace({ 'week3/_index.md': WEEK1_BAD.replace(/Week 1/g, 'Week 3'), 'loose.md': WEEK1_BAD });
    const dir = workspace(worklogFiles());
    fs.symlinkSync(path.join(outside, 'week3'), path.join(dir, WEEK3));
    fs.symlinkSync(path.join(outside, 'loose.md'), path.join(dir, 'content/1-Worklog/1.4-Week4.md'));
    const r = await runCli(dir, ['--format', 'json']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
    assert.equal(r.stats.filesRead, 3);
    assert.match(r.stderr, new RegExp(`note: ${WEEK3} skipped: symbolic link to outside the given paths`));
    assert.match(r.stderr, /note: content\/1-Worklog\/1\.4-Week4\.md skipped: symbolic link to outside the given paths/);
  });

  it('shows paths from the current folder, also when the folder given holds it', async () => {
    const dir = workspace({ ...worklogFiles('content/1-Worklog', WEEK1_BAD), 'content/2-Notes/1.1-Week1/_index.md': WEEK1_BAD });
    const paths = async (cwd: string, args: string[]): Promise<string[]> => {
      const r = await runCli(cwd, ['--format', 'json', ...args]);
      return [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file))].sort();
    };
    const inside = path.join(dir, 'content', '1-Worklog');
    assert.deepEqual(await paths(inside, ['../..']), ['../2-Notes/1.1-Week1/_index.md', '1.1-Week1/_index.md']);
    assert.deepEqual(await paths(inside, ['..']), ['../2-Notes/1.1-Week1/_index.md', '1.1-Week1/_index.md']);
    assert.deepEqual(await paths(dir, ['content']), ['content/1-Worklog/1.1-Week1/_index.md', 'content/2-Notes/1.1-Week1/_index.md']);
    assert.deepEqual(await paths(inside, ['.']), ['1.1-Week1/_index.md']);
  });

  it('follows a link that stays inside the given folders, and reads each real file once', async () => {
    const dir = workspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
    fs.symlinkSync(path.join(dir, 'content/1-Worklog'), path.join(dir, 'content/worklog-link'));
    const r = await runCli(dir, ['--format', 'json']);
    assert.equal(r.stats.filesRead, 3);
    assert.equal(JSON.parse(r.stdout).length, 1);
  });

  it('a link cycle does not loop', async () => {
    const dir = workspace(worklogFiles());
    fs.symlinkSync('..', path.join(dir, 'content/1-Worklog/up'));
    const r = await runCli(dir, []);
    assert.equal(r.code, 0);
    assert.equal(r.stats.filesRead, 3);
  });

  it('a missing path is exit 2 with one line on stderr; the other paths are still checked', async () => {
    const dir = workspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
    const r = await runCli(dir, ['--format', 'json', 'content/nowhere.md', 'content']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'worklog-lint: cannot find content/nowhere.md: no such file or folder\n');
    assert.equal(JSON.parse(r.stdout)[0].rule, 'date-invalid');
  });

  it('an unreadable page is exit 2 with one line on stderr; the other pages are still checked', async function () {
    const dir = workspace({ ...worklogFiles('content/1-Worklog', WEEK1_BAD), [`${WEEK3}/_index.md`]: WEEK1_BAD });
    fs.chmodSync(path.join(dir, WEEK3, '_index.md'), 0o000);
    let r: { code: number; stdout: string; stderr: string };
    if (process.getuid?.() === 0) {
      // Root reads anything: run the CLI as an unprivileged user, when the system has one.
      fs.chmodSync(dir, 0o755);
      const repo = path.resolve(__dirname, '..', '..');
      const child = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '--require', require.resolve('tsx/cjs'), path.join(repo, 'src/cli/main.ts'), '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/tmp' } });
      if (child.error || child.status === null || /runuser:/.test(child.stderr)) this.skip();
      r = { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
    } else {
      r = await runCli(dir, ['--format', 'json']);
    }
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `worklog-lint: cannot read ${WEEK3}/_index.md: EACCES\n`);
    assert.equal(JSON.parse(r.stdout)[0].rule, 'date-invalid');
  });

  it('skips a binary .md with a note; the exit code is not affected', async () => {
    const dir = workspace({ ...worklogFiles(), [`${WEEK3}/_index.md`]: Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0xff]) });
    const r = await runCli(dir, []);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, `note: ${WEEK3}/_index.md skipped: binary (contains NUL bytes)\n`);
    assert.equal(r.stats.filesRead, 3);
  });

  it('skips a page larger than maxFileSize bytes with a note', async () => {
    const dir = workspace({ ...worklogFiles('content/1-Worklog', WEEK1_BAD), '.worklogrc.json': JSON.stringify({ maxFileSize: 600 }) });
    const r = await runCli(dir, []);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^note: content\/1-Worklog\/1\.1-Week1\/_index\.md skipped: larger than 600 bytes$/m);
  });

  it('checks a file named on the command line, and reports it relative to the current folder', async () => {
    const dir = workspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
    const r = await runCli(path.join(dir, 'content'), ['--format', 'json', '1-Worklog/1.1-Week1/_index.md']);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout)[0].file, '1-Worklog/1.1-Week1/_index.md');
  });

  it('notes a named file that is not Markdown, and a folder without pages', async () => {
    const dir = workspace({ ...worklogFiles(), 'hugo.toml': 'title = "x"\n', 'static/.keep': '' });
    const r = await runCli(dir, ['hugo.toml', 'static', 'content']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /note: hugo\.toml skipped: not a Markdown file/);
    assert.match(r.stderr, /note: no Markdown files to check in static/);
  });

  it('checks .markdown files when the include globs name them', async () => {
    const dir = workspace({ ...worklogFiles(), '.worklogrc.json': JSON.stringify({ include: ['**/*.md', '**/*.markdown'] }) });
    writeFiles(dir, { [`${WEEK3}/_index.markdown`]: WEEK1_BAD.replace(/Week 1/g, 'Week 3') });
    const r = await runCli(dir, ['--format', 'json']);
    assert.equal(r.stats.filesRead, 4);
    assert.ok(JSON.parse(r.stdout).some((f: { file: string }) => f.file === `${WEEK3}/_index.markdown`));
  });

  describe('a file named alone is checked inside its worklog', () => {
    /** Week 2 holds a copy of week 1's table (week-overlap); week 1 has a bad date. */
    const files = (): Record<string, string> => ({
      ...worklogFiles('content/1-Worklog', WEEK1_BAD),
      'content/1-Worklog/1.2-Week2/_index.md': weekPage(2, '2025-09-15', ['Learn virtual networks'], WEEK1_ROWS),
    });
    const rules = (stdout: string): string[] => JSON.parse(stdout).map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`);

    it('reports cross-week findings of the named page only', async () => {
      const dir = workspace(files());
      const r = await runCli(dir, ['--format', 'json', 'content/1-Worklog/1.2-Week2/_index.md']);
      assert.deepEqual([...new Set(rules(r.stdout))], ['content/1-Worklog/1.2-Week2/_index.md week-overlap']);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '');
    });

    it('an index page named alone still finds its weeks (no false index-link-missing)', async () => {
      const dir = workspace(files());
      const r = await runCli(dir, ['content/1-Worklog/_index.md']);
      assert.equal(r.stdout, '✔ 0 problems (1 file checked)\n');
    });

    it('--fix writes the named page only', async () => {
      const dir = workspace(files());
      fs.writeFileSync(path.join(dir, 'content/1-Worklog/1.2-Week2/_index.md'), WEEK1_BAD.replace(/Week 1/g, 'Week 2').replace(/\b1\.1\./, '1.2.'));
      const before = fs.readFileSync(path.join(dir, 'content/1-Worklog/1.1-Week1/_index.md'), 'utf8');
      const r = await runCli(dir, ['--fix', '--format', 'json', 'content/1-Worklog/1.2-Week2/_index.md']);
      assert.equal(r.stats.filesWritten, 1);
      assert.equal(fs.readFileSync(path.join(dir, 'content/1-Worklog/1.1-Week1/_index.md'), 'utf8'), before);
      assert.ok(!fs.readFileSync(path.join(dir, 'content/1-Worklog/1.2-Week2/_index.md'), 'utf8').includes('011/09/2025'));
    });
  });
});

describe('worklog-lint: include and exclude globs', () => {
  // The walk skips minimatch when a path lacks a literal segment every expanded pattern needs: it must answer exactly
  // as minimatch's match() (the documented meaning of the settings' globs) on every pattern and path.
  const config = (glob: string): ResolvedConfig => ({ file: undefined, base: '/', hash: glob, settings: { ...DEFAULT_SETTINGS, include: [glob], exclude: [] } });
  const segment = fc.constantFrom('a', 'b', 'node_modules', '.git', 'public', 'week-1', 'Week1', '_index.md', 'x.md', 'x.markdown', 'content', 'c:', 'C:', '..', '.', '');
  const globPart = fc.oneof(segment, fc.constantFrom('*', '**', '?', '*.md', '{a,b}', '{node_modules,public}', '[ab]', 'week-*', '*week*', '\\*', '@(a|b)', '!(a)', '+(a)'));
  const globArb = fc.oneof(
    fc.tuple(fc.constantFrom('', '', '!', '#', './', '/'), fc.array(globPart, { minLength: 0, maxLength: 5 }), fc.constantFrom('', '', '/'))
      .map(([head, parts, tail]) => head + parts.join('/') + tail),
    fc.constantFrom('**/*.md', '**/*.{md,markdown}', '**/_index*.md', '**/.*', '**/*', '**/x.md', '**/[ab]', '**/*.md/', '**/?', '**/**/*.md', '**/{a,*.md}'),
  );
  const pathArb = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '', '/')).map(([parts, tail]) => parts.join('/') + tail);

  it('select exactly the paths minimatch matches', () => {
    let skipped = 0;
    let runs = 0;
    fc.assert(fc.property(globArb, fc.array(pathArb, { minLength: 1, maxLength: 8 }), (glob, paths) => {
      const m = new Minimatch(glob, { dot: true });
      const c = config(glob);
      for (const p of paths) {
        runs++;
        assert.equal(selectsPath(c, p), m.match(p), `${glob} on ${p}`);
        if (!m.match(p)) skipped++;
      }
    }), { seed: Number(process.env.GLOB_SEED ?? 5), numRuns: Number(process.env.GLOB_RUNS ?? 4000) });
    assert.ok(skipped > runs / 4, `only ${skipped} of ${runs} paths were not matched`);
  });

  it('with the default settings, leave out what is under node_modules, .git, public and resources, and only that', () => {
    const d: ResolvedConfig = { file: undefined, base: '/', hash: 'default', settings: DEFAULT_SETTINGS };
    assert.equal(selectsPath(d, 'content/1-Worklog/1.3-Week3/_index.md'), true);
    assert.equal(selectsPath(d, 'content/node_modules_notes/_index.md'), true);
    assert.equal(selectsPath(d, 'content/public-notes.md'), true);
    for (const folder of ['node_modules', '.git', 'public', 'resources']) {
      assert.equal(selectsPath(d, `content/${folder}/_index.md`), false, folder);
      assert.equal(selectsPath(d, `${folder}/x.md`), false, folder);
    }
  });
});

describe('worklog-lint: reading a page', () => {
  let dir: string;
  afterEach(() => removeWorkspace(dir));

  it('reads the whole file, and skips one over the size limit', () => {
    const text = '---\ntitle: "Week 1"\n---\n' + 'x'.repeat(300_000) + '\nend\n';
    dir = makeWorkspace({ 'a.md': text });
    const r = readPage(path.join(dir, 'a.md'), 1_000_000);
    assert.equal(r.kind, 'text');
    assert.equal(r.kind === 'text' && r.text, text);
    assert.equal(r.kind === 'text' && r.bytes.length, Buffer.byteLength(text));
    assert.deepEqual(readPage(path.join(dir, 'a.md'), text.length - 1), { kind: 'skipped', reason: `larger than ${text.length - 1} bytes` });
    assert.equal(readPage(path.join(dir, 'a.md'), text.length).kind, 'text');
  });

  it('reads on past the size a file reports (as /proc files report none)', function () {
    if (process.platform !== 'linux') this.skip();
    dir = makeWorkspace({});
    const r = readPage('/proc/self/status', 1_000_000);
    assert.equal(r.kind, 'text');
    assert.match(r.kind === 'text' ? r.text : '', /^Name:/);
  });
});

describe('worklog-lint: grouping pages into worklogs', () => {
  // The CLI works out a section page's worklog once per folder: the core must give every section page of a folder
  // the same worklog.
  it("a section page's worklog follows from its folder alone", () => {
    const segment = fc.constantFrom('content', 'vi', 'en', '1-Worklog', 'worklog', 'nhat-ky', '1.5-Week5', 'week-05', 'Tuan-3', '1.5.1-Day1', 'day-2', 'posts', '3.1-Blog1', '12', 'x');
    const name = fc.constantFrom('_index.md', '_index.vi.md', '_index.en.md', 'index.md', 'INDEX.MD', '_Index.VI.markdown', 'index.vi.markdown');
    fc.assert(fc.property(fc.array(segment, { maxLength: 6 }), name, (dirs, file) => {
      assert.ok(SECTION_FILE.test(file));
      const folder = dirs.map((d) => `${d}/`).join('');
      assert.equal(worklogKey(folder + file), worklogKey(`${folder}_index.md`));
    }), { seed: 3, numRuns: 3000 });
    for (const other of ['week-5.md', '_index.fr.md', 'indexes.md', 'my_index.md']) assert.ok(!SECTION_FILE.test(other), other);
  });
});
