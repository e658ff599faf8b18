// worklog-lint --cache: findings are reused per worklog while none of its pages (nor the settings) changed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeWorkspace, removeWorkspace, runCli, WEEK1, WEEK1_BAD, worklogFiles } from './cli-fixtures/workspace';

describe('worklog-lint --cache', () => {
  let dir: string;
  afterEach(() => removeWorkspace(dir));
  const twoWorklogs = (): Record<string, string> => ({ ...worklogFiles('content/1-Worklog', WEEK1_BAD), ...worklogFiles('other/content/1-Worklog') });

  it('a second run gives the same output without parsing any page', async () => {
    dir = makeWorkspace(twoWorklogs());
    for (const format of ['stylish', 'json']) {
      const first = await runCli(dir, ['--cache', '--format', format]);
      const second = await runCli(dir, ['--cache', '--format', format]);
      assert.equal(second.stdout, first.stdout);
      assert.equal(second.code, first.code);
      assert.equal(second.stats.pagesParsed, 0);
      assert.equal(second.stats.cacheHits, 2);
      assert.equal(second.stats.filesRead, 6);
    }
    assert.ok(fs.existsSync(path.join(dir, 'node_modules/.cache/worklog-lint/cache.json')));
  });

  it('re-checks only the worklog whose page changed', async () => {
    dir = makeWorkspace(twoWorklogs());
    const first = await runCli(dir, ['--cache-location', 'tmp/lint-cache/', '--format', 'json']);
    assert.equal(first.stats.pagesParsed, 6);
    assert.ok(fs.existsSync(path.join(dir, 'tmp/lint-cache/cache.json')));
    fs.writeFileSync(path.join(dir, 'other/content/1-Worklog/1.1-Week1/_index.md'), WEEK1_BAD);
    const second = await runCli(dir, ['--cache-location', 'tmp/lint-cache/', '--format', 'json']);
    assert.equal(second.stats.pagesParsed, 3);
    assert.equal(second.stats.cacheHits, 1);
    assert.deepEqual(JSON.parse(second.stdout).map((f: { file: string }) => f.file), [
      'content/1-Worklog/1.1-Week1/_index.md',
      'other/content/1-Worklog/1.1-Week1/_index.md',
    ]);
  });

  it('different settings do not reuse findings', async () => {
    dir = makeWorkspace(twoWorklogs());
    await runCli(dir, ['--cache']);
    const off = await runCli(dir, ['--cache', '--rule', 'date-invalid=off']);
    assert.equal(off.stats.cacheHits, 0);
    assert.equal(off.code, 0);
  });

  it('a corrupt cache is ignored and replaced', async () => {
    dir = makeWorkspace(twoWorklogs());
    const file = path.join(dir, 'lint.cache');
    fs.writeFileSync(file, '{"format":1,"tool":');
    const r = await runCli(dir, ['--cache-location', 'lint.cache', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.equal(JSON.parse(r.stdout).length, 1);
    assert.equal(typeof JSON.parse(fs.readFileSync(file, 'utf8')).groups, 'object');
    const again = await runCli(dir, ['--cache-location', 'lint.cache', '--format', 'json']);
    assert.equal(again.stats.pagesParsed, 0);
  });

  it('a malformed record is not used and not written back; the others still are', async () => {
    dir = makeWorkspace(twoWorklogs());
    const file = path.join(dir, 'lint.cache');
    // The files were just written: a run "later" records their stamps (a run now would find them racy).
    const later = (): number => Date.now() + 60_000;
    const args = ['--cache-location', 'lint.cache', '--format', 'json'];
    const first = await runCli(dir, args, { now: later });
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { groups: Record<string, { findings: unknown }>; files: Record<string, unknown> };
    const [group] = Object.keys(data.groups);
    data.groups[group].findings = { 'content/1-Worklog/1.1-Week1/_index.md': 'not a list' };
    const [record, other] = Object.keys(data.files);
    const good = data.files[record] as string;
    // A record whose hash is cut short, and one that is not a string at all.
    data.files[record] = good.slice(0, -10);
    data.files[other] = { stamp: good };
    data.groups.stale = { findings: 1 };
    data.files['/nowhere/week.md'] = {};
    fs.writeFileSync(file, JSON.stringify(data));
    const second = await runCli(dir, args, { now: later });
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.stats.cacheHits, 1);
    assert.equal(second.stats.pagesParsed, 3);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof data;
    assert.ok(Array.isArray(Object.values(written.groups[group].findings as Record<string, unknown>)[0]));
    assert.equal(written.files[record], good, 'the page is read again and its record written back whole');
    assert.match(written.files[other] as string, /^\d+:\d+:\d+:\d+\|[0-9a-f]{64}\|[01]$/);
    assert.equal(written.groups.stale, undefined);
    assert.equal(written.files['/nowhere/week.md'], undefined);
    const third = await runCli(dir, args, { now: later });
    assert.equal(third.stats.pagesParsed, 0);
  });

  it('--fix works from cached findings and caches the fixed pages', async () => {
    dir = makeWorkspace(twoWorklogs());
    await runCli(dir, ['--cache']);
    const fixed = await runCli(dir, ['--cache', '--fix']);
    assert.equal(fixed.code, 0);
    assert.equal(fixed.stats.filesWritten, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'content/1-Worklog/1.1-Week1/_index.md'), 'utf8'), WEEK1);
    const after = await runCli(dir, ['--cache']);
    assert.equal(after.stats.pagesParsed, 0);
    assert.equal(after.stdout, '✔ 0 problems (6 files checked)\n');
  });

  describe('pages are not read again while their files are unchanged', () => {
    // The files were just written: a run "later" (the clock moved past the racy window) may trust their stamps.
    const later = (): number => Date.now() + 60_000;
    const PAGE = 'content/1-Worklog/1.1-Week1/_index.md';

    it('a second run reads no page and gives the same output, BOM included', async () => {
      dir = makeWorkspace({ ...twoWorklogs(), 'content/1-Worklog/1.2-Week2/_index.md': `\uFEFF${WEEK1_BAD.replace(/Week 1/g, 'Week 2')}` });
      const first = await runCli(dir, ['--cache', '--format', 'json'], { now: later });
      assert.equal(first.stats.filesRead, 6);
      const second = await runCli(dir, ['--cache', '--format', 'json'], { now: later });
      assert.equal(second.stats.filesRead, 0);
      assert.equal(second.stats.pagesParsed, 0);
      assert.equal(second.stdout, first.stdout);
      assert.equal(second.code, first.code);
    });

    it('a page rewritten with the same size and its modification time put back is read and checked again', async () => {
      dir = makeWorkspace(twoWorklogs());
      await runCli(dir, ['--cache', '--format', 'json'], { now: later });
      const file = path.join(dir, 'other', PAGE);
      const before = fs.statSync(file);
      const text = fs.readFileSync(file, 'utf8');
      // Same length, another task: only the change time (which no program can set back) tells.
      const changed = text.replace('Get to know the team', 'Get to know the crew');
      assert.notEqual(changed, text);
      assert.equal(changed.length, text.length);
      fs.writeFileSync(file, changed);
      fs.utimesSync(file, before.atime, before.mtime);
      const second = await runCli(dir, ['--cache', '--format', 'json'], { now: later });
      // The changed page, then the two others of its worklog (checked together); the other worklog is not read.
      assert.equal(second.stats.filesRead, 3);
      assert.equal(second.stats.pagesParsed, 3);
      assert.equal(second.stats.cacheHits, 1);
      const fresh = await runCli(dir, ['--format', 'json']);
      assert.equal(second.stdout, fresh.stdout);
    });

    it('a file modified just before it was read is read again next time (racy: a later write could keep its stamp)', async () => {
      dir = makeWorkspace(twoWorklogs());
      await runCli(dir, ['--cache']);
      const second = await runCli(dir, ['--cache'], { now: later });
      assert.equal(second.stats.filesRead, 6);
      assert.equal(second.stats.pagesParsed, 0);
      const third = await runCli(dir, ['--cache'], { now: later });
      assert.equal(third.stats.filesRead, 0);
    });

    it('a worklog checked without one of its pages (it vanished during the run) is not cached', async () => {
      dir = makeWorkspace(worklogFiles('content/1-Worklog', WEEK1_BAD));
      const week1 = path.join(dir, 'content/1-Worklog/1.1-Week1/_index.md');
      const week2 = path.join(dir, 'content/1-Worklog/1.2-Week2/_index.md');
      await runCli(dir, ['--cache', '--format', 'json'], { now: later });
      // Week 2 changes; week 1 (unchanged, so not read at first) disappears while week 2 is read, and comes back.
      fs.writeFileSync(week2, fs.readFileSync(week2, 'utf8').replace('Week 2 Worklog', 'Week 2 worklog'));
      const saved = fs.readFileSync(week1);
      let first = true;
      const during = await runCli(dir, ['--cache', '--format', 'json'], {
        now: () => {
          if (first) fs.unlinkSync(week1);
          first = false;
          return later();
        },
      });
      assert.match(during.stderr, /cannot read content\/1-Worklog\/1\.1-Week1\/_index\.md/);
      fs.writeFileSync(week1, saved);
      const after = await runCli(dir, ['--cache', '--format', 'json'], { now: later });
      const fresh = await runCli(dir, ['--format', 'json']);
      assert.equal(after.stats.cacheHits, 0);
      assert.equal(after.stdout, fresh.stdout);
      assert.equal(after.code, 1);
    });

    it('--fix reads every page', async () => {
      dir = makeWorkspace(twoWorklogs());
      await runCli(dir, ['--cache'], { now: later });
      const fixed = await runCli(dir, ['--cache', '--fix'], { now: later });
      assert.equal(fixed.stats.filesRead, 6);
      assert.equal(fixed.stats.filesWritten, 1);
    });
  });
});
