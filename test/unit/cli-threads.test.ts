// worklog-lint and threads: its worker pool (the engine bundle as the worker script) checks worklogs exactly as the main
// thread does, and run() called from a host's own worker thread works like anywhere else — the engine bundle listens
// for jobs only in the threads worklog-lint starts.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkerFor } from '../../src/cli/engine';
import { createPool } from '../../src/cli/parallel';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { engineBundle, REPO } from './cli-fixtures/bundle';
import { makeWorkspace, removeWorkspace, WEEK1_BAD, worklogFiles } from './cli-fixtures/workspace';

const BAD_FILE = 'content/1-Worklog/1.1-Week1/_index.md';

function texts(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).filter(([p]) => p.endsWith('.md')));
}

describe('worklog-lint threads', () => {
  describe('the worker pool', function () {
    this.timeout(60000); // esbuild builds the engine bundle first
    let script: string;
    before(() => {
      script = engineBundle();
    });

    it('checks worklogs in worker threads with the findings the main thread finds', async () => {
      const worklogs = [texts(worklogFiles('content/1-Worklog', WEEK1_BAD)), texts(worklogFiles('content/vi/1-Worklog'))];
      const pool = createPool(2, script, 'en');
      try {
        const inThreads = await Promise.all(worklogs.map((w) => pool.check(DEFAULT_SETTINGS, w)));
        const inMain = worklogs.map((w) => checkerFor(DEFAULT_SETTINGS)(w));
        assert.deepEqual(inThreads, inMain);
        assert.deepEqual(inThreads[0].get(BAD_FILE)?.map((f) => f.rule), ['date-invalid'], 'the mistyped date is found in a thread');
      } finally {
        await pool.close();
      }
    });

    it('a pool started for Vietnamese reports the same findings in Vietnamese', async () => {
      const worklog = texts(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const en = createPool(1, script, 'en');
      const vi = createPool(1, script, 'vi', path.join(REPO, 'l10n', 'bundle.l10n.vi.json'));
      try {
        const [a, b] = [(await en.check(DEFAULT_SETTINGS, worklog)).get(BAD_FILE)!, (await vi.check(DEFAULT_SETTINGS, worklog)).get(BAD_FILE)!];
        assert.deepEqual(b.map((f) => [f.rule, f.span, f.fixes.map((x) => x.edits)]), a.map((f) => [f.rule, f.span, f.fixes.map((x) => x.edits)]));
        assert.notEqual(b[0].message, a[0].message);
        assert.match(b[0].message, /ngày/i, b[0].message);
      } finally {
        await Promise.all([en.close(), vi.close()]);
      }
    });
  });

  describe("run() in a host's own worker thread", () => {
    let dir: string;
    afterEach(() => removeWorkspace(dir));

    // The thread loads the sources through tsx, as this test does, runs worklog-lint on a worklog with one mistyped
    // date, posts what it printed and then has nothing left to do: it must exit by itself (a thread kept alive by a
    // stray listener would hang here until the test times out).
    const SCRIPT = `
      require('tsx/cjs');
      const { parentPort } = require('node:worker_threads');
      const { run } = require(${JSON.stringify(path.join(REPO, 'src/cli/run.ts'))});
      let out = '', err = '';
      const sink = (add) => ({ write: (s) => { add(String(s)); return true; }, isTTY: false });
      run(['--format', 'json'], { cwd: process.env.WORKLOG_TEST_CWD, env: {}, stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) })
        .then((code) => parentPort.postMessage({ code, out, err }));
    `;

    for (const [name, workerData] of [['without worker data', undefined], ['with worker data of its own', {}], ['with a locale in its data', { locale: 'vi' }]] as const) {
      it(`${name}: checks the worklog and the thread exits`, async () => {
        dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
        const worker = new Worker(SCRIPT, { eval: true, workerData, env: { ...process.env, WORKLOG_TEST_CWD: dir } });
        const result = new Promise<{ code: number; out: string; err: string }>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
        const { code, out, err } = await result;
        assert.equal(err, '');
        assert.equal(code, 1, out);
        const report = JSON.parse(out) as { file: string; rule: string; message: string }[];
        assert.deepEqual(report.map((f) => [f.file, f.rule]), [[BAD_FILE, 'date-invalid']]);
        assert.match(report[0].message, /is not a date/, 'messages stay English: the host thread\'s data is not worklog-lint\'s');
        assert.equal(await exited, 0);
      });
    }
  });
});
