// worklog-lint tunes V8 for its own process on small machines (src/cli/jit.ts): when, and that it changes no finding.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { JIT_MIN_PAGES, jitFlags } from '../../src/cli/jit';
import { cliBundle } from './cli-fixtures/bundle';
import { makeWorkspace, removeWorkspace, runCli, WEEK1, WEEK1_BAD, WEEK2, worklogFiles } from './cli-fixtures/workspace';

describe('V8 tuning of the worklog-lint process', function () {
  this.timeout(120000); // the CLI may have to be bundled first
  let dir: string | undefined;
  afterEach(() => {
    if (dir) removeWorkspace(dir);
    dir = undefined;
  });

  it('applies only on fewer than 4 cores, for enough pages and on the V8 it was measured on; WORKLOG_LINT_JIT overrides the first two', () => {
    const v8 = '11.3.244.8-node.19';
    assert.ok(jitFlags(JIT_MIN_PAGES, 2, {}, v8).length > 0);
    assert.deepEqual(jitFlags(JIT_MIN_PAGES - 1, 2, {}, v8), []);
    assert.deepEqual(jitFlags(10000, 4, {}, v8), []);
    assert.deepEqual(jitFlags(10000, 2, { WORKLOG_LINT_JIT: 'default' }, v8), []);
    assert.deepEqual(jitFlags(1, 16, { WORKLOG_LINT_JIT: 'tuned' }, v8), jitFlags(JIT_MIN_PAGES, 2, {}, v8));
    assert.deepEqual(jitFlags(10000, 2, {}, '12.4.254.21-node.33'), [], 'only on the V8 it was measured on');
    assert.deepEqual(jitFlags(10000, 2, { WORKLOG_LINT_JIT: 'tuned' }, '13.6.233.10-node.24'), []);
  });

  it('a tuned process reports exactly what an untuned one and an in-process run report', async function () {
    // On a V8 that is never tuned both processes would run untuned and the comparison would prove nothing.
    if (jitFlags(1, 16, { WORKLOG_LINT_JIT: 'tuned' }).length === 0) this.skip();
    // 150 worklogs (600 pages) with a mix of clean weeks, mistyped dates and a week-2 page finished before it started:
    // enough work for V8 to optimise the engine's hot functions under either setting.
    const files: Record<string, string> = {};
    const backwards = WEEK2.replace('| 16/09/2025 | 17/09/2025 |', '| 16/09/2025 | 15/09/2025 |');
    for (let i = 0; i < 150; i++) {
      Object.assign(files, worklogFiles(`content/p${i}/1-Worklog`, i % 3 === 0 ? WEEK1_BAD : WEEK1));
      if (i % 4 === 0) files[`content/p${i}/1-Worklog/1.2-Week2/_index.md`] = backwards;
    }
    dir = makeWorkspace(files);
    const child = (mode: string): { status: number | null; stdout: string; stderr: string } =>
      spawnSync(process.execPath, [cliBundle(), '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, LANG: 'C', WORKLOG_LINT_JIT: mode } });
    const tuned = child('tuned');
    const untuned = child('default');
    const inProcess = await runCli(dir, ['--format', 'json'], { env: { LANG: 'C' } });
    assert.equal(tuned.stderr, '');
    assert.equal(tuned.status, 1);
    assert.equal(tuned.stdout, untuned.stdout);
    assert.equal(tuned.stdout, inProcess.stdout);
    const rules = new Set((JSON.parse(tuned.stdout) as { rule: string }[]).map((f) => f.rule));
    assert.ok(rules.size >= 2, [...rules].join(', '));
  });
});
