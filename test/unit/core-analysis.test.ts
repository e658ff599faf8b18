// What a page's dates mean: day/month order (04/05 is April or May?), the week they describe, the week number the
// page claims, and what numeric day labels mean. Every date rule reads these.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzePage, analyzeWithHints, classifyPage, consensusWeek, type PageAnalysis, type PageHints } from '../../src/core/analysis';
import { addDays, parseIsoDate } from '../../src/core/calendar';
import { mutatedPageArb, settingsArb } from '../fuzz/lib/pages';
import { parsePage } from '../../src/core/parse';
import { coerceSettings, DEFAULT_SETTINGS } from '../../src/core/settings';

type Row = [day: string, start: string, end?: string];

function page(path: string, rows: Row[], frontMatter = '---\ntitle: "Worklog"\n---\n', lang: 'en' | 'vi' = 'en') {
  const header = lang === 'vi' ? '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành |' : '| Day | Task | Start Date | Completion Date |';
  const task = lang === 'vi' ? 'Học bài và làm bài tập thực hành' : 'Study and practise';
  const lines = [frontMatter, header, '| --- | --- | --- | --- |', ...rows.map(([d, s, e]) => `| ${d} | - ${task} | ${s} | ${e ?? s} |`), ''];
  return parsePage(path, lines.join('\n'));
}

function analyse(p: ReturnType<typeof page>, settings = DEFAULT_SETTINGS, hints?: PageHints) {
  const a = analyzePage(p, settings, hints);
  return { ...a, windowText: a.window && `${a.window.start.toString()}..${a.window.end.toString()} ${a.window.source}` };
}

const EN = 'content/1-Worklog/1.5-Week5/_index.md';
const VI = 'content/1-Worklog/1.5-Week5/_index.vi.md';

describe('core analysis', () => {
  describe('day/month order', () => {
    it('a part over 12 can only be a day', () => {
      const dmy = analyse(page(EN, [['1', '13/10/2025'], ['2', '14/10/2025']]));
      assert.deepEqual([dmy.order, dmy.orderReason], ['dmy', 'component']);
      const mdy = analyse(page(EN, [['1', '10/13/2025'], ['2', '10/14/2025']]));
      assert.deepEqual([mdy.order, mdy.orderReason], ['mdy', 'component']);
    });

    it('with every part 12 or under, the reading that keeps the dates within a week wins', () => {
      // 6–10 October written month first: read day first they would spread from June to October.
      const a = analyse(page(EN, [['1', '10/06/2025'], ['2', '10/07/2025'], ['3', '10/08/2025'], ['4', '10/09/2025'], ['5', '10/10/2025']]));
      assert.deepEqual([a.order, a.orderReason], ['mdy', 'span']);
      assert.equal(a.windowText, '2025-10-06..2025-10-12 table');
    });

    it('with one date only, a weekday label decides', () => {
      const monday = analyse(page(EN, [['Mon', '06/10/2025']]));
      assert.deepEqual([monday.order, monday.orderReason], ['dmy', 'weekday'], '6 October 2025 is a Monday');
      const tuesday = analyse(page(EN, [['Tue', '06/10/2025']]));
      assert.deepEqual([tuesday.order, tuesday.orderReason], ['mdy', 'weekday'], '10 June 2025 is a Tuesday');
    });

    it('without evidence: the twin page, then the language, then day first', () => {
      const rows: Row[] = [['1', '06/10/2025']];
      assert.deepEqual([analyse(page(EN, rows), DEFAULT_SETTINGS, { order: 'mdy' }).order, analyse(page(EN, rows), DEFAULT_SETTINGS, { order: 'mdy' }).orderReason], ['mdy', 'twin']);
      const vi = analyse(page(VI, rows, undefined, 'vi'));
      assert.deepEqual([vi.order, vi.orderReason], ['dmy', 'language']);
      const en = analyse(page(EN, rows));
      assert.deepEqual([en.order, en.orderReason], ['dmy', 'default']);
    });

    it('the setting overrides the evidence', () => {
      const a = analyse(page(EN, [['1', '13/10/2025']]), coerceSettings({ dayMonthOrder: 'mdy' }).settings);
      assert.deepEqual([a.order, a.orderReason], ['mdy', 'setting']);
      assert.equal(a.dates[0].reading.problem, 'no-such-day', 'read month first, 13/10 is no date');
    });

    it('year-first dates need no order', () => {
      const a = analyse(page(EN, [['1', '2025/10/06'], ['2', '2025/10/07']]));
      assert.equal(a.orderReason, 'none');
      assert.equal(a.format, 'YYYY/MM/DD');
    });
  });

  describe('week window', () => {
    it('is the Monday-to-Sunday week that holds the dates', () => {
      const a = analyse(page(EN, [['Mon', '06/10/2025'], ['Wed', '08/10/2025'], ['Fri', '10/10/2025']]));
      assert.equal(a.windowText, '2025-10-06..2025-10-12 table');
    });

    it('follows a week that does not start on Monday when the dates say so', () => {
      const a = analyse(page(EN, [['Wed', '08/10/2025'], ['Fri', '10/10/2025'], ['Mon', '13/10/2025'], ['Tue', '14/10/2025']]));
      assert.equal(a.windowText, '2025-10-08..2025-10-14 table');
    });

    it('takes the neighbouring weeks\' expectation to break a tie', () => {
      const rows: Row[] = [['Tue', '07/10/2025'], ['Thu', '09/10/2025']];
      assert.equal(analyse(page(EN, rows)).windowText, '2025-10-06..2025-10-12 table');
      assert.equal(analyse(page(EN, rows), DEFAULT_SETTINGS, { expectedStart: parseIsoDate('2025-10-07') }).windowText, '2025-10-07..2025-10-13 table');
    });

    it('is programStart + 7(N−1) days when the program start is set', () => {
      const a = analyse(page(EN, [['Mon', '06/10/2025']]), coerceSettings({ programStart: '2025-09-08' }).settings);
      assert.equal(a.week, 5);
      assert.equal(a.windowText, '2025-10-06..2025-10-12 program');
    });

    it('has no window without dates', () => {
      assert.equal(analyse(page(EN, [['Mon', '']])).window, undefined);
    });

    it('fills in the year of dates written without one from the other dates, else from the front matter date', () => {
      const mixed = analyse(page(EN, [['Mon', '06/10/2025'], ['Tue', '07/10']]));
      assert.equal(mixed.dates[2].reading.date?.toString(), '2025-10-07');
      const noYear = analyse(page(EN, [['Mon', '06/10'], ['Tue', '07/10']], '---\ntitle: "Week 5"\ndate: 2024-10-07\n---\n'));
      assert.equal(noYear.year, 2024);
      assert.equal(noYear.dates[0].reading.date?.toString(), '2024-10-06');
    });
  });

  describe('numeric day labels', () => {
    it('2 = Monday (Thứ 2) when that explains every label', () => {
      const a = analyse(page(VI, [['2', '06/10/2025'], ['3', '07/10/2025'], ['5', '09/10/2025']], undefined, 'vi'));
      assert.deepEqual([a.numericConvention, a.conventionExplainsAll], ['thu', true]);
    });

    it('1 = Monday when that explains every label', () => {
      const a = analyse(page(EN, [['1', '06/10/2025'], ['2', '07/10/2025'], ['4', '09/10/2025']]));
      assert.deepEqual([a.numericConvention, a.conventionExplainsAll], ['iso', true]);
    });

    it('a running count (1, 2, 3 …) is no weekday', () => {
      const a = analyse(page(EN, [['1', '06/10/2025'], ['2', '07/10/2025'], ['3', '09/10/2025'], ['4', '11/10/2025']]));
      assert.deepEqual([a.numericConvention, a.conventionExplainsAll], ['index', true]);
    });

    it('a convention that explains most labels leaves the odd one to report', () => {
      const a = analyse(page(VI, [['2', '06/10/2025'], ['3', '07/10/2025'], ['4', '08/10/2025'], ['6', '09/10/2025']], undefined, 'vi'));
      assert.deepEqual([a.numericConvention, a.conventionExplainsAll], ['thu', false]);
    });
  });

  describe('week number and page kind', () => {
    it('takes the number most sources agree on; a tie goes to the path', () => {
      const agree = parsePage(EN, '---\ntitle: "Week 4 Worklog"\npre: " <b> 1.5. </b> "\n---\n');
      assert.equal(consensusWeek(agree), 5);
      const tie = parsePage(EN, '---\ntitle: "Week 4 Worklog"\n---\n');
      assert.equal(consensusWeek(tie), 5);
      const titleOnly = parsePage('content/1-Worklog/notes.md', '---\ntitle: "Week 4 Worklog"\n---\n');
      assert.equal(consensusWeek(titleOnly), 4);
    });

    it('classifies week pages, the worklog index, day pages and other pages', () => {
      assert.equal(classifyPage(parsePage(EN, 'Notes.\n')), 'week');
      assert.equal(classifyPage(parsePage('content/1-worklog/1.5-week5.md', 'Notes.\n')), 'week');
      assert.equal(classifyPage(parsePage('content/1-Worklog/_index.md', '---\ntitle: "Worklog"\n---\n**Week 1:** [Start](1.1-week1/)\n')), 'index');
      assert.equal(classifyPage(parsePage('content/1-Worklog/1.5-Week5/1.5.1-Day1/_index.md', 'Monday notes.\n')), 'day');
      assert.equal(classifyPage(parsePage('content/2-Proposal/_index.md', '---\ntitle: "Proposal"\n---\nText.\n')), 'other');
      assert.equal(classifyPage(parsePage('README.md', '# My site\n')), 'other');
    });
  });

  describe('hints from the worklog', () => {
    /** What a rule can read of an analysis, with the rewrite checks called on every token. */
    function observable(a: PageAnalysis) {
      const tokens = a.dates.map((d) => d.token);
      const rewrites = ['13/01/2025', '01/13/2025', '05/06/2025', '2025-06-05'];
      return {
        ...a,
        orderIfRewritten: tokens.flatMap((t) => [...rewrites, t.raw].map((text) => a.orderIfRewritten(t, text))),
        orderIfRewrittenAll: rewrites.map((text) => a.orderIfRewrittenAll(new Map(tokens.map((t) => [t, text])))),
      };
    }

    const hintsArb: fc.Arbitrary<PageHints> = fc.record({
      order: fc.constantFrom(undefined, 'dmy' as const, 'mdy' as const),
      expectedStart: fc.option(fc.integer({ min: -60, max: 160 }).map((d) => addDays(parseIsoDate('2025-09-01')!, d)), { nil: undefined }),
      startWeekday: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    });

    it("worked out from the page's own analysis, they read every page as a fresh analysis with the hints does", () => {
      let reused = 0;
      let runs = 0;
      fc.assert(fc.property(mutatedPageArb, settingsArb, hintsArb, (m, settings, hints) => {
        const page = parsePage(m.path, m.text);
        const alone = analyzePage(page, settings);
        const hinted = analyzeWithHints(alone, page, settings, hints);
        assert.deepStrictEqual(observable(hinted), observable(analyzePage(page, settings, hints)));
        runs++;
        if (hinted.dates === alone.dates) reused++;
      }), { seed: Number(process.env.HINTS_SEED ?? 7), numRuns: Number(process.env.HINTS_RUNS ?? 1500) });
      // The shortcut must be the usual case, or this test says nothing about it.
      assert.ok(reused > runs / 2, `the page's own dates were reused in ${reused} of ${runs} runs`);
    });
  });
});
