// worklog-lint as a process (the bundle a user runs): it exits with the run's code as soon as its output is flushed,
// and nothing it wrote is lost on the way out — a report far larger than a pipe's buffer, read slowly, arrives whole.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cliBundle } from './cli-fixtures/bundle';
import { makeWorkspace, removeWorkspace, runCli, WEEK1_BAD, worklogFiles } from './cli-fixtures/workspace';

interface ProcessRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled CLI, reading its output in small pieces with a pause after each (a slow reader). */
function runProcess(cwd: string, argv: readonly string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle(), ...argv], { cwd, env: { PATH: process.env.PATH, HOME: cwd, LANG: 'C' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      child.stdout.pause();
      setImmediate(() => child.stdout.resume());
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe('the worklog-lint process', function () {
  this.timeout(60000); // the CLI may have to be bundled first
  let dir: string;
  afterEach(() => removeWorkspace(dir));

  it('a report larger than a pipe holds arrives whole, with the exit code of the run', async () => {
    // 240 worklogs with a mistyped date each: the JSON report is well over 64 KB.
    const files: Record<string, string> = {};
    for (let i = 0; i < 240; i++) Object.assign(files, worklogFiles(`content/p${i}/1-Worklog`, WEEK1_BAD));
    dir = makeWorkspace(files);
    const [child, inProcess] = [await runProcess(dir, ['--format', 'json']), await runCli(dir, ['--format', 'json'], { env: { LANG: 'C' } })];
    assert.ok(child.stdout.length > 64 * 1024, `${child.stdout.length} bytes`);
    assert.equal(child.stderr, '');
    assert.equal(child.code, 1);
    assert.equal(child.stdout, inProcess.stdout);
    assert.equal((JSON.parse(child.stdout) as unknown[]).length, 240);
  });

  it('exits 0 on a clean worklog and 2 on a bad option, with its message', async () => {
    dir = makeWorkspace(worklogFiles());
    const clean = await runProcess(dir, []);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '✔ 0 problems (3 files checked)\n');
    const bad = await runProcess(dir, ['--no-such-option']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^worklog-lint: .*no-such-option[\s\S]*Try 'worklog-lint --help'/);
  });
});
