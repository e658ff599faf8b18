// worklog-lint --fix: only changed files are written, byte for byte in their own format, and never over a change
// made by someone else meanwhile.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writePageIfUnchanged } from '../../src/cli/textFile';
import { makeWorkspace, removeWorkspace, runCli, WEEK1, WEEK1_BAD, worklogFiles } from './cli-fixtures/workspace';

const WEEK1_PATH = 'content/1-Worklog/1.1-Week1/_index.md';
const WEEK2_PATH = 'content/1-Worklog/1.2-Week2/_index.md';
const INDEX_PATH = 'content/1-Worklog/_index.md';

function crlfBom(text: string): string {
  return '\uFEFF' + text.replace(/\n/g, '\r\n');
}

describe('worklog-lint --fix', () => {
  let dir: string;
  afterEach(() => removeWorkspace(dir));
  const file = (rel: string): string => path.join(dir, rel);

  it('writes only the files that change, keeping BOM, CRLF and mode', async () => {
    dir = makeWorkspace({ ...worklogFiles(), [WEEK1_PATH]: crlfBom(WEEK1_BAD) });
    fs.chmodSync(file(WEEK1_PATH), 0o640);
    const untouched = [WEEK2_PATH, INDEX_PATH].map((p) => ({ p, stat: fs.statSync(file(p)), bytes: fs.readFileSync(file(p)) }));

    // Exit code and remaining findings are not asserted: the core currently keeps the \r of the last front-matter
    // line of a CRLF page (a spurious frontmatter-syntax/-type finding, reported to the core owner).
    const r = await runCli(dir, ['--fix']);
    assert.match(r.stderr, /applied \d+ fix(es)? to 1 file/);
    assert.equal(r.stats.filesWritten, 1);
    assert.equal(fs.readFileSync(file(WEEK1_PATH), 'utf8'), crlfBom(WEEK1));
    assert.equal(fs.statSync(file(WEEK1_PATH)).mode & 0o777, 0o640);
    for (const u of untouched) {
      const now = fs.statSync(file(u.p));
      assert.equal(now.ino, u.stat.ino, `${u.p} was replaced`);
      assert.equal(now.mtimeMs, u.stat.mtimeMs, `${u.p} was written`);
      assert.deepEqual(fs.readFileSync(file(u.p)), u.bytes);
    }
    assert.deepEqual(fs.readdirSync(path.dirname(file(WEEK1_PATH))), ['_index.md'], 'no temporary file is left behind');
  });

  it('a second --fix changes nothing', async () => {
    dir = makeWorkspace({ ...worklogFiles(), [WEEK1_PATH]: crlfBom(WEEK1_BAD) });
    await runCli(dir, ['--fix']);
    const before = fs.statSync(file(WEEK1_PATH));
    const again = await runCli(dir, ['--fix']);
    assert.equal(again.stats.filesWritten, 0);
    assert.equal(again.stderr, '');
    assert.equal(fs.statSync(file(WEEK1_PATH)).mtimeMs, before.mtimeMs);
  });

  it('keeps a UTF-16 page in UTF-16', async () => {
    dir = makeWorkspace({ ...worklogFiles(), [WEEK1_PATH]: Buffer.from('\uFEFF' + WEEK1_BAD, 'utf16le') });
    const r = await runCli(dir, ['--fix']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(fs.readFileSync(file(WEEK1_PATH)), Buffer.from('\uFEFF' + WEEK1, 'utf16le'));
  });

  it('does not rewrite a page that is not valid UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from(WEEK1_BAD.replace('Meet the team', 'Meet the team caf'), 'utf8')]);
    const i = latin1.indexOf('caf') + 3;
    const bytes = Buffer.concat([latin1.subarray(0, i), Buffer.from([0xe9]), latin1.subarray(i)]);
    dir = makeWorkspace({ ...worklogFiles(), [WEEK1_PATH]: bytes });
    const r = await runCli(dir, ['--fix']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not fixed: it is not valid UTF-8/);
    assert.deepEqual(fs.readFileSync(file(WEEK1_PATH)), bytes);
  });

  it('skips a file that changed between reading and writing', async () => {
    dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
    const edited = WEEK1_BAD + '\nA line typed while the check ran.\n';
    const r = await runCli(dir, ['--fix', '--format', 'json'], {
      beforeWrite: (p) => fs.writeFileSync(path.join(dir, p), edited),
    });
    assert.equal(r.stats.filesWritten, 0);
    assert.match(r.stderr, new RegExp(`worklog-lint: warning: ${WEEK1_PATH} not fixed: it changed on disk while it was checked`));
    assert.equal(fs.readFileSync(file(WEEK1_PATH), 'utf8'), edited);
    // The findings are those of the text that was checked (the fix was not applied).
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout)[0].rule, 'date-invalid');
  });

  it('writePageIfUnchanged: refuses when the bytes differ, otherwise replaces the file atomically', async () => {
    dir = makeWorkspace({ 'a.md': 'old\r\n' });
    fs.chmodSync(file('a.md'), 0o600);
    assert.deepEqual(await writePageIfUnchanged(file('a.md'), Buffer.from('something else'), 'new\r\n', 'utf8'), { kind: 'changed' });
    assert.equal(fs.readFileSync(file('a.md'), 'utf8'), 'old\r\n');
    assert.deepEqual(await writePageIfUnchanged(file('a.md'), Buffer.from('old\r\n'), 'new\r\n', 'utf8'), { kind: 'written' });
    assert.equal(fs.readFileSync(file('a.md'), 'utf8'), 'new\r\n');
    assert.equal(fs.statSync(file('a.md')).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n !== '.git'), ['a.md']);
  });

  it('fixes the target of a symbolic link inside the given folder and keeps the link', async () => {
    dir = makeWorkspace({ ...worklogFiles(), 'drafts/week1.md': WEEK1_BAD });
    fs.rmSync(file(WEEK1_PATH));
    fs.symlinkSync(path.join('..', '..', '..', 'drafts', 'week1.md'), file(WEEK1_PATH));
    const r = await runCli(dir, ['--fix', 'content', 'drafts']);
    assert.equal(r.stats.filesWritten, 1, r.stderr);
    assert.ok(fs.lstatSync(file(WEEK1_PATH)).isSymbolicLink());
    assert.equal(fs.readFileSync(file('drafts/week1.md'), 'utf8'), WEEK1);
  });
});
