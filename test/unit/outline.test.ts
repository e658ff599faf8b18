// The sidebar's outline, built from pages parsed and grouped as the editor does (WorkspaceModel).
import { strict as assert } from 'node:assert';
import type { Finding, Severity, Span } from '../../src/core/model';
import { outline, rangeOf, taskLabel, weekOf, walk, type OutlineNode, type WeekNode, type WorklogNode } from '../../src/core/outline';
import { parsePage } from '../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readSnapshot, snapshotHashInput, SNAPSHOT_FORMAT, type WorklogResults } from '../../src/core/snapshot';
import { worklogKey } from '../../src/core/workspace';
import { WorkspaceModel } from '../../src/core/workspaceModel';

const DIR = 'content/1-Worklog';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A week page of week `n` of a program that starts on Monday 2025-09-08 (dates DD/MM/YYYY). */
function weekPage(n: number, options: { vi?: boolean; objectives?: string[]; rows?: string[]; title?: string } = {}): string {
  const start = new Date(Date.UTC(2025, 8, 8 + 7 * (n - 1)));
  const day = (offset: number): string => {
    const d = new Date(start.getTime() + offset * 86400000);
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  };
  const objectives = options.objectives ?? [options.vi ? `Mục tiêu tuần ${n}.` : `Goal of week ${n}.`];
  const rows = options.rows ?? [
    `| 2 | - ${options.vi ? 'Việc' : 'Task'} A of week ${n}. | ${day(0)} | ${day(0)} | <https://example.org/a> |`,
    `| 3 | - ${options.vi ? 'Việc' : 'Task'} B of week ${n}. | ${day(1)} | ${day(2)} | <https://example.org/b> |`,
  ];
  const title = options.title ?? (options.vi ? `Worklog Tuần ${n}` : `Week ${n} Worklog`);
  return [
    '---',
    `title: "${title}"`,
    `date: ${start.toISOString().slice(0, 10)}`,
    `weight: ${n}`,
    'chapter: false',
    `pre: " <b> 1.${n}. </b> "`,
    '---',
    '',
    options.vi ? `### Mục tiêu tuần ${n}:` : `### Week ${n} Objectives:`,
    '',
    ...objectives.map((o) => `* ${o}`),
    '',
    options.vi ? '### Các công việc cần triển khai trong tuần này:' : '### Tasks Performed During the Week:',
    '',
    options.vi ? '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Nguồn tài liệu |' : '| Day | Task | Start Date | Completion Date | Reference Material |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function weekPath(n: number, language?: 'en' | 'vi', dir = DIR): string {
  return `${dir}/1.${n}-Week${n}/_index${language === 'vi' ? '.vi' : ''}.md`;
}

function model(pages: Record<string, string>): WorkspaceModel {
  const m = new WorkspaceModel(() => DEFAULT_SETTINGS);
  for (const [path, text] of Object.entries(pages)) m.setPage(parsePage(path, text));
  return m;
}

function build(m: WorkspaceModel, activePath?: string, languages: readonly string[] = ['en', 'vi']): OutlineNode[] {
  return outline(m.outlineWorklogs(), (path) => m.findings(path), { languages, activePath });
}

const at: Span = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
function finding(severity: Severity): Finding {
  return { rule: 'test', severity, span: at, message: 'm', fixes: [] };
}

function weeks(nodes: OutlineNode[]): WeekNode[] {
  return nodes.filter((n): n is WeekNode => n.kind === 'week');
}

describe('outline', () => {
  it('is empty for an empty workspace', () => {
    assert.deepEqual(build(model({})), []);
  });

  it('is empty for a worklog with only its index page', () => {
    const m = model({ [`${DIR}/_index.md`]: '---\ntitle: "Worklog"\nweight: 1\n---\n\n**Week 1:** [Start](1.1-week1/)\n' });
    assert.deepEqual(build(m), []);
  });

  it('orders weeks numerically: Week 10 comes after Week 9', () => {
    const pages: Record<string, string> = {};
    for (const n of [10, 2, 11, 9, 1, 3, 4, 5, 6, 7, 8]) pages[weekPath(n)] = weekPage(n);
    const nodes = build(model(pages));
    assert.deepEqual(nodes.map((n) => n.label), ['Week 1', 'Week 2', 'Week 3', 'Week 4', 'Week 5', 'Week 6', 'Week 7', 'Week 8', 'Week 9', 'Week 10', 'Week 11']);
  });

  it('folds twins into one node, showing the preferred language', () => {
    const m = model({
      [weekPath(1)]: weekPage(1),
      [weekPath(1, 'vi')]: weekPage(1, { vi: true }),
      [weekPath(2)]: weekPage(2),
    });
    const [w1, w2] = weeks(build(m));
    assert.equal(weeks(build(m)).length, 2);
    assert.equal(w1.path, weekPath(1));
    assert.deepEqual(w1.twins, [{ path: weekPath(1, 'vi'), language: 'vi' }]);
    assert.deepEqual(w2.twins, []);
    assert.equal(w1.children[0].label, 'Goal of week 1.');

    const vi = weeks(build(m, undefined, ['vi', 'en']));
    assert.equal(vi[0].path, weekPath(1, 'vi'));
    assert.equal(vi[0].children[0].label, 'Mục tiêu tuần 1.');
    assert.equal(vi[1].path, weekPath(2), 'a week without the preferred language shows the page it has');
  });

  it('shows the page the user has open, keeping the node id', () => {
    const m = model({ [weekPath(1)]: weekPage(1), [weekPath(1, 'vi')]: weekPage(1, { vi: true }) });
    const [en] = weeks(build(m));
    const [open] = weeks(build(m, weekPath(1, 'vi')));
    assert.equal(open.path, weekPath(1, 'vi'));
    assert.equal(open.language, 'vi');
    assert.equal(open.id, en.id);
    assert.equal(weekOf(build(m), weekPath(1, 'vi'))?.id, en.id, 'a twin finds its week');
  });

  it('keeps a second page of the same week and language as a node of its own', () => {
    const m = model({
      [weekPath(3)]: weekPage(3),
      [`${DIR}/1.3-Week3-copy/_index.md`]: weekPage(3),
    });
    const nodes = weeks(build(m));
    assert.equal(nodes.length, 2);
    assert.deepEqual(nodes.map((n) => n.label), ['Week 3', 'Week 3']);
    assert.notEqual(nodes[0].id, nodes[1].id);
    const ids = [...walk(nodes)].map(({ node }) => node.id);
    assert.equal(new Set(ids).size, ids.length, 'every id is unique');
  });

  it('lists objectives then tasks, each with its path and line', () => {
    const text = weekPage(1, { objectives: ['Set up the account.', 'Install the **CLI**.'] });
    const [w1] = weeks(build(model({ [weekPath(1)]: text })));
    const lines = text.split('\n');
    assert.deepEqual(
      w1.children.map((c) => [c.kind, c.label, lines[c.line].slice(0, 4), c.path]),
      [
        ['objective', 'Set up the account.', '* Se', weekPath(1)],
        ['objective', 'Install the CLI.', '* In', weekPath(1)],
        ['task', '2 · Task A of week 1. · 08/09/2025', '| 2 ', weekPath(1)],
        ['task', '3 · Task B of week 1. · 09/09/2025–10/09/2025', '| 3 ', weekPath(1)],
      ],
    );
  });

  it('labels a task with its day, the first line of the task and its dates', () => {
    const rows = [
      '| Mon | - Read the guide<br>- and take notes | 08/09/2025 | 08/09/2025 | |',
      '| | **Review** | | | |',
      '| | | | | |',
      '| Wed | | 10/09/2025 | | |',
    ];
    const page = parsePage(weekPath(1), weekPage(1, { rows }));
    const labels = page.tables[0].rows.map((r) => taskLabel(r));
    assert.deepEqual(labels, ['Mon · Read the guide · 08/09/2025', 'Review', undefined, 'Wed · (no task) · 10/09/2025']);
  });

  it('describes a week by its date range in the page format', () => {
    const m = model({ [weekPath(5)]: weekPage(5) });
    const [w5] = weeks(build(m));
    assert.equal(w5.range, '06/10 – 12/10/2025');
    assert.match(w5.description, /^06\/10 – 12\/10\/2025/);
    const entry = m.entry(weekPath(5))!;
    assert.equal(rangeOf({ ...entry, analysis: { ...entry.analysis, format: 'YYYY-MM-DD' } }), '2025-10-06 – 10-12');
    assert.equal(rangeOf({ ...entry, analysis: { ...entry.analysis, format: 'MM/DD/YYYY' } }), '10/06 – 10/12/2025');
    const newYear = { start: entry.analysis.window!.start.set({ month: 12, day: 29 }), end: entry.analysis.window!.start.set({ year: 2026, month: 1, day: 4 }) };
    assert.equal(rangeOf({ ...entry, analysis: { ...entry.analysis, window: { ...newYear, source: 'table' } } }), '29/12/2025 – 04/01/2026');
  });

  it('counts findings of the page and its twins, with the worst severity as state', () => {
    const m = model({
      [weekPath(1)]: weekPage(1),
      [weekPath(1, 'vi')]: weekPage(1, { vi: true }),
      [weekPath(2)]: weekPage(2),
      [weekPath(3)]: weekPage(3),
      [weekPath(4)]: weekPage(4),
    });
    const findings: Record<string, Finding[]> = {
      [weekPath(1)]: [finding('info')],
      [weekPath(1, 'vi')]: [finding('warning'), finding('info')],
      [weekPath(2)]: [],
      [weekPath(3)]: [finding('warning'), finding('error')],
    };
    const nodes = weeks(outline(m.outlineWorklogs(), (p) => findings[p], { languages: ['en', 'vi'] }));
    assert.deepEqual(nodes.map((n) => [n.label, n.state, n.count]), [
      ['Week 1', 'warning', 3],
      ['Week 2', 'clean', 0],
      ['Week 3', 'error', 2],
      ['Week 4', 'unknown', 0],
    ]);
    assert.match(nodes[0].description, / · 3 problems$/);
    assert.doesNotMatch(nodes[1].description, /problem/);
  });

  it('reads the engine findings of a page with a problem', () => {
    const bad = weekPage(2).replace('| 16/09/2025 | 17/09/2025 |', '| 17/09/2025 | 16/09/2025 |');
    const m = model({ [weekPath(1)]: weekPage(1), [weekPath(2)]: bad });
    const [w1, w2] = weeks(build(m));
    assert.equal(w1.state, 'clean');
    assert.ok(w2.count >= 1);
    assert.notEqual(w2.state, 'clean');
  });

  it('puts worklogs at the root when there are several', () => {
    const m = model({
      [weekPath(1)]: weekPage(1),
      [weekPath(2)]: weekPage(2),
      [weekPath(1, undefined, 'other/content/2-Worklog')]: weekPage(1),
    });
    const nodes = build(m) as WorklogNode[];
    assert.deepEqual(nodes.map((n) => [n.kind, n.label, n.children.map((c) => c.label)]), [
      ['worklog', '1-Worklog', ['Week 1', 'Week 2']],
      ['worklog', '2-Worklog', ['Week 1']],
    ]);
    const ids = [...walk(nodes)].map(({ node }) => node.id);
    assert.equal(new Set(ids).size, ids.length, 'week ids differ between worklogs');
    const parents = new Map([...walk(nodes)].map(({ node, parent }) => [node.id, parent?.id]));
    assert.equal(parents.get(nodes[1].children[0].id), nodes[1].id);
  });

  it('names a week without a number by its title, after the numbered weeks', () => {
    const kickoff = '---\ntitle: "Cloud kickoff"\nweight: 1\n---\n\n### Objectives:\n\n* Meet the team.\n\n' +
      '| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| Mon | Set up | 08/09/2025 | 08/09/2025 |\n';
    const m = model({ [`${DIR}/kickoff.md`]: kickoff, [weekPath(2)]: weekPage(2) });
    const nodes = weeks(build(m));
    assert.deepEqual(nodes.map((n) => [n.label, n.week]), [['Week 2', 2], ['Cloud kickoff', undefined]]);
    assert.deepEqual(nodes[1].children.map((c) => c.label), ['Meet the team.', 'Mon · Set up · 08/09/2025']);
  });

  describe('weeks known by their path only (the start-up scan lists files before it reads them)', () => {
    const listed = (m: WorkspaceModel, path: string) => m.setProvisional(parsePage(path, ''));
    const outlineOf = (m: WorkspaceModel) => outline(m.outlineWorklogs(), (path) => m.findings(path), { languages: ['en', 'vi'] });

    it('shows every listed week, by the number its folder carries, in order, with no state yet', () => {
      const m = new WorkspaceModel(() => DEFAULT_SETTINGS);
      for (const n of [10, 2, 1, 9]) listed(m, weekPath(n));
      listed(m, weekPath(2, 'vi'));
      const ws = weeks(outlineOf(m));
      assert.deepEqual(ws.map((w) => w.label), ['Week 1', 'Week 2', 'Week 9', 'Week 10']);
      assert.ok(ws.every((w) => w.state === 'unknown' && w.children.length === 0));
      assert.equal(ws[1].twins.length, 1);
      // Nothing is known about them: no findings, no worklog for the rules, no page.
      assert.equal(m.findings(weekPath(1)), undefined);
      assert.equal(m.worklogs().size, 0);
      assert.equal(m.has(weekPath(1)), false);
      assert.equal(m.page(weekPath(1)), undefined);
    });

    it('a parsed page replaces its listed stand-in; the others stay listed and take no part in findings', () => {
      const m = new WorkspaceModel(() => DEFAULT_SETTINGS);
      for (const n of [1, 2, 3]) listed(m, weekPath(n));
      m.setPage(parsePage(weekPath(2), weekPage(2)));
      const ws = weeks(outlineOf(m));
      assert.deepEqual(ws.map((w) => w.label), ['Week 1', 'Week 2', 'Week 3']);
      assert.deepEqual(ws.map((w) => w.state), ['unknown', 'clean', 'unknown']);
      assert.ok(ws[1].children.length > 0);
      // Week 2's findings are those of a worklog holding week 2 alone (the listed weeks are not empty pages to it).
      const alone = model({ [weekPath(2)]: weekPage(2) });
      assert.deepEqual(m.findings(weekPath(2)), alone.findings(weekPath(2)));
      // A listed stand-in never replaces a real page.
      assert.equal(listed(m, weekPath(2)), undefined);
      assert.ok(m.has(weekPath(2)));
    });

    it('once every page is parsed, the outline is the parsed one', () => {
      const m = new WorkspaceModel(() => DEFAULT_SETTINGS);
      const pages = { [weekPath(1)]: weekPage(1), [weekPath(2)]: weekPage(2) };
      for (const path of Object.keys(pages)) listed(m, path);
      for (const [path, text] of Object.entries(pages)) m.setPage(parsePage(path, text));
      assert.deepEqual(JSON.stringify(outlineOf(m)), JSON.stringify(build(model(pages))));
    });
  });

  describe('worklogs restored from an earlier session (results kept by the hash of their files)', () => {
    // Week 2's start date is impossible and week 3 was copied from week 2 (last week's dates left in): findings to keep.
    const texts = new Map<string, string>([
      [weekPath(1), weekPage(1)],
      [weekPath(1, 'vi'), weekPage(1, { vi: true })],
      [weekPath(2), weekPage(2).replace('15/09/2025', '31/09/2025')],
      [weekPath(3), weekPage(2).replace('Week 2 Worklog', 'Week 3 Worklog')],
      [`${DIR}/notes.md`, '# Notes\n\nNot a week.\n'],
    ]);
    const key = worklogKey(weekPath(1));
    const parsedModel = () => model(Object.fromEntries(texts));
    /** A model that counts its parses and restores the worklog from `results`, as the next session would. */
    const restoredModel = (results: WorklogResults) => {
      const counter = { parsed: 0 };
      const m = new WorkspaceModel(() => DEFAULT_SETTINGS, (path, text) => {
        counter.parsed++;
        return parsePage(path, text);
      });
      for (const path of texts.keys()) m.setProvisional(parsePage(path, ''));
      assert.equal(m.restore(key, texts, results), true);
      return { m, counter };
    };
    /** The results as they come back from storage (JSON, checked). */
    const stored = (results: WorklogResults): WorklogResults => {
      const data = JSON.parse(JSON.stringify({ format: SNAPSHOT_FORMAT, tool: 't', worklogs: { [key]: { hash: 'h', results } } }));
      return readSnapshot(data, 't').get(key)!.results;
    };
    const paths = [weekPath(1), weekPath(1, 'vi'), weekPath(2), weekPath(3)];

    it('shows the same findings and outline as parsing, without parsing a page', () => {
      const parsed = parsedModel();
      const results = parsed.results(key)!;
      assert.ok(results.findings[weekPath(2)].some((f) => f.rule === 'date-invalid'), 'the fixture has a mistake to keep');
      assert.ok(results.findings[weekPath(3)].length > 0);
      assert.deepEqual(Object.keys(results.pages).sort(), [...paths].sort(), 'notes.md is not a page');
      const { m, counter } = restoredModel(stored(results));
      for (const path of paths) assert.deepEqual(m.findings(path), parsed.findings(path), path);
      assert.equal(m.findings(`${DIR}/notes.md`), undefined);
      assert.equal(JSON.stringify(build(m)), JSON.stringify(build(parsed)));
      assert.equal(JSON.stringify(build(m, weekPath(1, 'vi'))), JSON.stringify(build(parsed, weekPath(1, 'vi'))), 'the open twin is shown');
      assert.deepEqual(m.pagePaths(), [...paths].sort());
      assert.equal(m.textOf(weekPath(2)), texts.get(weekPath(2)));
      assert.ok(m.isRestored(key));
      assert.equal(counter.parsed, 0);
    });

    it('parses the worklog when a page is first needed (a hover, a completion), with the same results', () => {
      const parsed = parsedModel();
      const { m, counter } = restoredModel(stored(parsed.results(key)!));
      assert.equal(m.entry(weekPath(2))?.week, 2);
      // Every file of the worklog, notes.md included, was read by the scan; only its pages are parsed.
      assert.equal(counter.parsed, paths.length);
      assert.equal(m.isRestored(key), false);
      for (const path of paths) assert.deepEqual(m.findings(path), parsed.findings(path), path);
      assert.equal(m.page(weekPath(3))?.text, texts.get(weekPath(3)));
      assert.equal(counter.parsed, paths.length, 'never parsed twice');
    });

    it('an edited page drops the kept results: the worklog is checked again with the edit', () => {
      const { m } = restoredModel(parsedModel().results(key)!);
      const fixed = weekPage(2);
      m.setPage(parsePage(weekPath(2), fixed));
      const expected = model({ ...Object.fromEntries(texts), [weekPath(2)]: fixed });
      assert.ok(!m.findings(weekPath(2))!.some((f) => f.rule === 'date-invalid'));
      for (const path of paths) assert.deepEqual(m.findings(path), expected.findings(path), path);
      assert.equal(JSON.stringify(build(m)), JSON.stringify(build(expected)));
    });

    it('a deleted page and a settings change drop them too', () => {
      const { m } = restoredModel(parsedModel().results(key)!);
      m.deletePage(weekPath(3));
      const expected = model(Object.fromEntries([...texts].filter(([path]) => path !== weekPath(3))));
      for (const path of paths.slice(0, 3)) assert.deepEqual(m.findings(path), expected.findings(path), path);
      const again = restoredModel(parsedModel().results(key)!);
      again.m.invalidateAll();
      assert.equal(again.m.isRestored(key), false);
      assert.deepEqual(again.m.findings(weekPath(2)), parsedModel().findings(weekPath(2)));
      assert.equal(again.counter.parsed, paths.length);
    });

    it('is refused over a parsed page, or for results naming a file that is not there', () => {
      const results = parsedModel().results(key)!;
      const m = model({ [weekPath(1)]: weekPage(1) });
      assert.equal(m.restore(key, texts, results), false);
      const fresh = new WorkspaceModel(() => DEFAULT_SETTINGS, (path, text) => parsePage(path, text));
      const fewer = new Map([...texts].filter(([path]) => path !== weekPath(3)));
      assert.equal(fresh.restore(key, fewer, results), false);
      assert.equal(fresh.pagePaths().length, 0);
    });

    it('a stored snapshot is used only for the same tool and format, and only its well-formed worklogs', () => {
      const results = parsedModel().results(key)!;
      const good = { hash: 'a', results };
      const finding = results.findings[weekPath(2)][0];
      const badSpan = { hash: 'b', results: { ...results, findings: { [weekPath(2)]: [{ ...finding, span: { start: { line: -1, character: 0 }, end: finding.span.end } }] } } };
      const badFix = { hash: 'c', results: { ...results, findings: { [weekPath(2)]: [{ ...finding, fixes: [{ title: 'x', preferred: true, edits: [{ newText: 1 }] }] }] } } };
      const badOutline = { hash: 'd', results: { ...results, outline: { dir: DIR, weeks: [{ path: 1 }], indexes: [] } } };
      const strayFinding = { hash: 'e', results: { ...results, findings: { 'elsewhere.md': [] } } };
      const data = JSON.parse(JSON.stringify({ format: SNAPSHOT_FORMAT, tool: 't', worklogs: { good, badSpan, badFix, badOutline, strayFinding, junk: 3 } }));
      assert.deepEqual([...readSnapshot(data, 't').keys()], ['good']);
      assert.equal(readSnapshot(data, 'other build').size, 0);
      assert.equal(readSnapshot({ ...data, format: SNAPSHOT_FORMAT + 1 }, 't').size, 0);
      assert.equal(readSnapshot(null, 't').size, 0);
      assert.equal(readSnapshot('{', 't').size, 0);
    });

    it('the hash covers every file\'s path, text and settings, whatever order they come in', () => {
      const a = [{ path: 'a.md', text: 'xy', settings: 's' }, { path: 'b.md', text: '', settings: 's' }];
      assert.equal(snapshotHashInput('t', a), snapshotHashInput('t', [...a].reverse()));
      const moved = [{ path: 'a.md', text: 'x', settings: 's' }, { path: 'b.md', text: 'y', settings: 's' }];
      assert.notEqual(snapshotHashInput('t', a), snapshotHashInput('t', moved));
      assert.notEqual(snapshotHashInput('t', a), snapshotHashInput('t', [a[0], { ...a[1], settings: 'S' }]));
      assert.notEqual(snapshotHashInput('t', a), snapshotHashInput('t', [a[0], { ...a[1], path: 'c.md' }]));
      assert.notEqual(snapshotHashInput('t', a), snapshotHashInput('u', a));
    });
  });
});
