// The slow limit cases, run by `npm run fuzz` rather than `npm test`: they finish, but take tens of seconds.
import * as assert from 'node:assert/strict';
import { checkPages } from '../../src/core/engine';
import { parsePage } from '../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const WEEK1 = 'content/1-Worklog/1.1-Week1/_index.md';
const FM = '---\ntitle: "Week 1 Worklog"\ndate: 2025-09-08\nweight: 1\n---\n';
const HEAD = '| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n';

function timed(test: Mocha.Context, text: string): ReturnType<typeof parsePage> {
  const started = Date.now();
  const page = parsePage(WEEK1, text, { maxSize: DEFAULT_SETTINGS.maxFileSize });
  checkPages([page], DEFAULT_SETTINGS);
  test.test!.title += ` [${Date.now() - started} ms]`;
  return page;
}

describe('limits: heavy cases', function () {
  this.timeout(0);
  // Replaying one fuzz property (FUZZ_ONLY) skips these.
  before(function () {
    if (process.env.FUZZ_ONLY) this.skip();
  });

  it('100,000 objectives (400 KB, under the limit): parsed and checked, the first objective read', function () {
    const page = timed(this, `${FM}\n### Week 1 Objectives:\n\n${'* x\n'.repeat(100_000)}\n${HEAD}| Mon | t | 08/09/2025 | 08/09/2025 |\n`);
    assert.equal(page.skipped, undefined);
    assert.equal(page.objectives[0]?.text, 'x');
  });

  it('a ~1 MB table row of empty cells', function () {
    const page = timed(this, `${FM}\n${HEAD}${'| '.repeat(495_000)}\n`);
    assert.equal(page.skipped, undefined);
    assert.equal(page.tables[0].rows[0].cells.length, 494_999);
  });
});
