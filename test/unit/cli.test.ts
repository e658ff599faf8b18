// worklog-lint end to end, in-process: output formats, exit codes, rule levels and settings files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeData, escapeProperty } from '../../src/cli/formatters';
import { VERSION } from '../../src/cli/run';
import { makeWorkspace, removeWorkspace, runCli, WEEK1_BAD, worklogFiles, writeFiles } from './cli-fixtures/workspace';

const BAD_FILE = 'content/1-Worklog/1.1-Week1/_index.md';
const BAD_MESSAGE = '"011/09/2025" is not a date: a day or month has more than two digits. Probably: 11/09/2025';

describe('worklog-lint', () => {
  let dir: string;
  afterEach(() => removeWorkspace(dir));

  describe('output formats', () => {
    it('stylish: file:line:col severity message rule, then a summary; exit 1 on an error', async () => {
      dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const r = await runCli(dir, []);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, [
        `${BAD_FILE}:21:51  error    ${BAD_MESSAGE}  date-invalid`,
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 info)',
        '  1 of them can be fixed with --fix',
        '',
      ].join('\n'));
    });

    it('stylish: only a clean summary when there is nothing to report; exit 0', async () => {
      dir = makeWorkspace(worklogFiles());
      const r = await runCli(dir, []);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '✔ 0 problems (3 files checked)\n');
      assert.equal(r.stderr, '');
    });

    it('json: 1-based positions, severity, rule and fixable', async () => {
      dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const r = await runCli(dir, ['--format', 'json']);
      assert.equal(r.code, 1);
      assert.deepEqual(JSON.parse(r.stdout), [{
        file: BAD_FILE, line: 21, column: 51, endLine: 21, endColumn: 62, severity: 'error', rule: 'date-invalid', message: BAD_MESSAGE, fixable: true,
      }]);
    });

    it('json: an empty array when clean, and valid JSON even when a path is missing', async () => {
      dir = makeWorkspace(worklogFiles());
      const clean = await runCli(dir, ['--format', 'json']);
      assert.deepEqual(JSON.parse(clean.stdout), []);
      const missing = await runCli(dir, ['--format', 'json', 'content', 'nowhere']);
      assert.equal(missing.code, 2);
      assert.deepEqual(JSON.parse(missing.stdout), []);
    });

    it('github: workflow commands with the rule as title', async () => {
      dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const r = await runCli(dir, ['--format', 'github', '--rule', 'date-invalid=info']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `::notice file=${BAD_FILE},line=21,col=51,endLine=21,endColumn=62,title=worklog(date-invalid)::${BAD_MESSAGE}\n`);
    });

    it('github: escapes % CR LF in the message, and also , : in properties', () => {
      assert.equal(escapeData('50% done\r\nnext: a,b'), '50%25 done%0D%0Anext: a,b');
      assert.equal(escapeProperty('C:\\a,b%\n'), 'C%3A\\a%2Cb%25%0A');
    });

    it('colours only on a terminal without NO_COLOR, or when asked', async () => {
      dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const esc = '\u001b[';
      assert.ok(!(await runCli(dir, [])).stdout.includes(esc));
      assert.ok((await runCli(dir, [], { tty: true })).stdout.includes(esc));
      assert.ok(!(await runCli(dir, [], { tty: true, env: { NO_COLOR: '1' } })).stdout.includes(esc));
      assert.ok(!(await runCli(dir, ['--no-color'], { tty: true })).stdout.includes(esc));
      assert.ok((await runCli(dir, ['--color'])).stdout.includes(esc));
    });
  });

  describe('rule levels and exit codes', () => {
    it('--rule id=off silences a rule', async () => {
      dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const r = await runCli(dir, ['--rule', 'date-invalid=off']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '✔ 0 problems (3 files checked)\n');
    });

    it('a warning exits 0, unless there are more than --max-warnings', async () => {
      dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const warn = await runCli(dir, ['--rule', 'date-invalid=warning']);
      assert.equal(warn.code, 0);
      assert.match(warn.stdout, /:21:51 {2}warning {2}/);
      assert.equal((await runCli(dir, ['--rule', 'date-invalid=warning', '--max-warnings', '1'])).code, 0);
      const over = await runCli(dir, ['--rule', 'date-invalid=warning', '--max-warnings', '0']);
      assert.equal(over.code, 1);
      assert.match(over.stderr, /more than --max-warnings 0/);
    });

    it('--quiet shows errors only', async () => {
      dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const r = await runCli(dir, ['--quiet', '--format', 'json', '--rule', 'date-invalid=warning']);
      assert.deepEqual(JSON.parse(r.stdout), []);
      assert.equal(r.code, 0);
    });

    for (const argv of [['--rule', 'no-such-rule=off'], ['--rule', 'date-invalid=loud'], ['--rule', 'date-invalid'], ['--format', 'xml'], ['--bogus'], ['--max-warnings', 'many'], ['--locale', 'fr']]) {
      it(`usage error for ${argv.join(' ')}: exit 2 and one line on stderr`, async () => {
        dir = makeWorkspace(worklogFiles());
        const r = await runCli(dir, argv);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /^worklog-lint: .+\nTry 'worklog-lint --help'/);
      });
    }

    it('--help documents the settings precedence; --version prints the version', async () => {
      dir = makeWorkspace({});
      const help = await runCli(dir, ['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Settings \(later wins\)/);
      assert.match(help.stdout, /--rule options/);
      const version = await runCli(dir, ['--version']);
      assert.equal(version.code, 0);
      assert.equal(version.stdout, `${VERSION}\n`);
    });
  });

  describe('settings files', () => {
    it('finds .worklogrc.json upward from the page; --rule overrides it', async () => {
      dir = makeWorkspace({ ...worklogFiles('content/1-Worklog', WEEK1_BAD), '.worklogrc.json': JSON.stringify({ rules: { 'date-invalid': 'off' } }) });
      assert.equal((await runCli(dir, [])).code, 0);
      // Run from a sub-folder: the file above the current folder is found too.
      assert.equal((await runCli(path.join(dir, 'content'), [])).code, 0);
      const overridden = await runCli(dir, ['--rule', 'date-invalid=error', '--format', 'json']);
      assert.equal(overridden.code, 1);
      assert.equal(JSON.parse(overridden.stdout)[0].rule, 'date-invalid');
    });

    it('the nearest .worklogrc.json wins', async () => {
      dir = makeWorkspace({
        ...worklogFiles('content/1-Worklog', WEEK1_BAD),
        '.worklogrc.json': JSON.stringify({ rules: { 'date-invalid': 'off' } }),
        'content/1-Worklog/.worklogrc.json': JSON.stringify({ rules: { 'date-invalid': 'warning' } }),
      });
      const r = await runCli(dir, ['--format', 'json']);
      assert.equal(r.code, 0);
      assert.equal(JSON.parse(r.stdout)[0].severity, 'warning');
    });

    it('does not look above a folder that contains .git', async () => {
      dir = makeWorkspace({ '.worklogrc.json': JSON.stringify({ rules: { 'date-invalid': 'off' } }) }, false);
      writeFiles(path.join(dir, 'site'), worklogFiles('content/1-Worklog', WEEK1_BAD));
      fs.mkdirSync(path.join(dir, 'site', '.git'));
      assert.equal((await runCli(path.join(dir, 'site'), [])).code, 1);
    });

    it('prints the problems of a settings file as warnings and uses the defaults for them', async () => {
      dir = makeWorkspace({ ...worklogFiles(), '.worklogrc.json': JSON.stringify({ dayMonthOrder: 'ymd', rules: { 'not-a-rule': 'off' }, colour: true }) });
      const r = await runCli(dir, []);
      assert.equal(r.code, 0);
      assert.match(r.stderr, /worklog-lint: warning: \.worklogrc\.json: dayMonthOrder: "ymd" is not a valid value/);
      assert.match(r.stderr, /warning: \.worklogrc\.json: rules\.not-a-rule: unknown rule/);
      assert.match(r.stderr, /warning: \.worklogrc\.json: colour: unknown setting/);
    });

    it('a settings file that is not JSON is an error (exit 2), the pages are still checked', async () => {
      dir = makeWorkspace({ ...worklogFiles('content/1-Worklog', WEEK1_BAD), '.worklogrc.json': '{ rules: ' });
      const r = await runCli(dir, ['--format', 'json']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^worklog-lint: cannot read \.worklogrc\.json: invalid JSON/);
      assert.equal(JSON.parse(r.stdout).length, 1);
    });

    it('--config replaces the search; a missing --config file is exit 2', async () => {
      dir = makeWorkspace({
        ...worklogFiles('content/1-Worklog', WEEK1_BAD),
        '.worklogrc.json': JSON.stringify({ rules: { 'date-invalid': 'warning' } }),
        'ci/strict.json': JSON.stringify({ rules: { 'date-invalid': 'off' } }),
      });
      assert.equal((await runCli(dir, ['--config', 'ci/strict.json'])).code, 0);
      const missing = await runCli(dir, ['--config', 'ci/none.json']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read ci\/none\.json: ENOENT/);
    });

    it('honours exclude globs (relative to the settings file) and skips public/, resources/, node_modules/', async () => {
      dir = makeWorkspace({
        ...worklogFiles(),
        'drafts/content/1-Worklog/1.1-Week1/_index.md': WEEK1_BAD,
        'public/1-worklog/1.1-week1/index.md': WEEK1_BAD,
        'resources/_gen/1-Worklog/1.1-Week1/_index.md': WEEK1_BAD,
        'node_modules/theme/1-Worklog/1.1-Week1/_index.md': WEEK1_BAD,
        '.worklogrc.json': JSON.stringify({ exclude: ['drafts/**'] }),
      });
      const r = await runCli(dir, ['--format', 'json']);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout), []);
      assert.equal(r.stats.filesRead, 3);
    });

    it('include globs choose the Markdown files that are read', async () => {
      dir = makeWorkspace({ ...worklogFiles(), 'notes/1-Worklog/1.1-Week1/_index.md': WEEK1_BAD, '.worklogrc.json': JSON.stringify({ include: ['content/**/*.md'] }) });
      const r = await runCli(dir, []);
      assert.equal(r.code, 0);
      assert.equal(r.stats.filesRead, 3);
    });

    it('--config globs see paths relative to the current folder, also under a walk root above it', async () => {
      dir = makeWorkspace({ ...worklogFiles('site/content/1-Worklog', WEEK1_BAD), 'ci.json': JSON.stringify({ exclude: ['content/1-Worklog/1.1-*/**'] }) });
      const r = await runCli(path.join(dir, 'site'), ['--format', 'json', '--config', '../ci.json', '..']);
      assert.equal(r.code, 0, r.stdout);
      assert.equal(r.stats.filesRead, 2);
    });

    it('globs of a settings file below the walk root see paths relative to it, even a name that starts with ".."', async () => {
      dir = makeWorkspace({
        ...worklogFiles('site/content/1-Worklog'),
        'site/..scratch.md': WEEK1_BAD,
        'site/content/1-Worklog/1.1-Week1/..notes.md': WEEK1_BAD,
        'site/.worklogrc.json': JSON.stringify({ exclude: ['..scratch.md', 'content/**/..notes.md'] }),
      });
      const r = await runCli(dir, ['--format', 'json']);
      assert.equal(r.code, 0, r.stdout);
      assert.deepEqual(JSON.parse(r.stdout), []);
      assert.equal(r.stats.filesRead, 3);
    });
  });
});
