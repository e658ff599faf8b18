// worklog-lint's argument parsing and locale plumbing, without touching files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCliArgs } from '../../src/cli/args';
import { loadTranslator, resolveLocale } from '../../src/cli/locale';
import { workerCount } from '../../src/cli/parallel';
import { t } from '../../src/core/l10n';
import { makeWorkspace, removeWorkspace, runCli, WEEK1_BAD, worklogFiles } from './cli-fixtures/workspace';

describe('worklog-lint arguments', () => {
  it('defaults: the current folder, stylish, nothing else', () => {
    const r = parseCliArgs([]);
    assert.ok(r.ok);
    assert.deepEqual(r.options.paths, ['.']);
    assert.equal(r.options.format, 'stylish');
    assert.equal(r.options.fix, false);
    assert.equal(r.options.color, undefined);
    assert.equal(r.options.cache, false);
  });

  it('repeatable --rule, a later one winning; --cache-location implies --cache', () => {
    const r = parseCliArgs(['--rule', 'date-invalid=off', '--rule', 'task-empty=error', '--rule', 'date-invalid=info', '--cache-location', 'x/', 'a', 'b']);
    assert.ok(r.ok);
    assert.deepEqual(r.options.rules, { 'date-invalid': 'info', 'task-empty': 'error' });
    assert.equal(r.options.cache, true);
    assert.deepEqual(r.options.paths, ['a', 'b']);
  });

  it('rejects what it does not know, with a message naming it', () => {
    const error = (argv: string[]): string => {
      const r = parseCliArgs(argv);
      assert.ok(!r.ok);
      return r.error;
    };
    assert.match(error(['--rule', 'dates=off']), /unknown rule "dates"/);
    assert.match(error(['--rule', 'date-invalid=fatal']), /unknown level "fatal"/);
    assert.match(error(['--max-warnings', '-1']), /--max-warnings/);
    assert.match(error(['--color', '--no-color']), /cannot be used together/);
    assert.match(error(['--format']), /format/);
  });
});

describe('worklog-lint locale', () => {
  let dir: string | undefined;
  afterEach(() => {
    loadTranslator('en');
    if (dir) removeWorkspace(dir);
    dir = undefined;
  });

  it('picks the flag, else LC_ALL, LC_MESSAGES, LANG; vi* is Vietnamese', () => {
    assert.equal(resolveLocale(undefined, {}), 'en');
    assert.equal(resolveLocale(undefined, { LANG: 'vi_VN.UTF-8' }), 'vi');
    assert.equal(resolveLocale(undefined, { LANG: 'vi_VN.UTF-8', LC_ALL: 'en_US.UTF-8' }), 'en');
    assert.equal(resolveLocale(undefined, { LC_ALL: 'vi' }), 'vi');
    assert.equal(resolveLocale(undefined, { LANG: 'video' }), 'en');
    assert.equal(resolveLocale('en', { LC_ALL: 'vi_VN' }), 'en');
  });

  it('English needs no bundle; a missing Vietnamese bundle leaves the messages in English', () => {
    assert.equal(loadTranslator('en'), undefined);
    assert.equal(loadTranslator('vi', path.join(os.tmpdir(), 'no-such-bundle.json')), undefined);
    assert.equal(t('"{0}" is not a date', 'x'), '"x" is not a date');
  });

  it('reads the Vietnamese bundle and translates the engine messages', async () => {
    dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
    const bundle = path.join(dir, 'bundle.l10n.vi.json');
    fs.writeFileSync(bundle, JSON.stringify({
      '"{0}" is not a date: a day or month has more than two digits.': '"{0}" không phải là ngày: ngày hoặc tháng có hơn hai chữ số.',
      'Probably: {0}': { message: 'Có lẽ: {0}', comment: ['a proposal'] },
    }));
    const r = await runCli(dir, ['--format', 'json'], { env: { LANG: 'vi_VN.UTF-8' }, bundlePath: bundle });
    assert.equal(JSON.parse(r.stdout)[0].message, '"011/09/2025" không phải là ngày: ngày hoặc tháng có hơn hai chữ số. Có lẽ: 11/09/2025');
    const en = await runCli(dir, ['--format', 'json', '--locale', 'en'], { env: { LANG: 'vi_VN.UTF-8' }, bundlePath: bundle });
    assert.match(JSON.parse(en.stdout)[0].message, /is not a date/);
  });
});

describe('worker threads for large runs', () => {
  it('uses none below four cores, where they were measured slower than one thread', () => {
    assert.strictEqual(workerCount({}, 2), 0);
    assert.strictEqual(workerCount({}, 3), 0);
  });
  it('leaves one core to the main thread from four cores on, at most eight workers', () => {
    assert.strictEqual(workerCount({}, 4), 3);
    assert.strictEqual(workerCount({}, 32), 8);
  });
  it('follows WORKLOG_LINT_WORKERS when it is set', () => {
    assert.strictEqual(workerCount({ WORKLOG_LINT_WORKERS: '2' }, 2), 2);
    assert.strictEqual(workerCount({ WORKLOG_LINT_WORKERS: '0' }, 16), 0);
  });
});
