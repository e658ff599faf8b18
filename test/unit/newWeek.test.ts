// New Week planner (src/core/newWeek.ts): plans for worklogs written in several naming styles, compared in full;
// weights, date formats and day-label conventions carried on; index lines; a workspace without a worklog; and the
// new pages checked together with the existing ones by the engine (they must start clean).
//
// The three fixture workspaces under test/integration/fixtures/newweek-*/ are shared with the integration suite:
// workspace/ is the worklog before the command, expected/ holds every page the command creates or changes, as it
// must read afterwards.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CalendarDate } from '../../src/core/calendar';
import { checkPages } from '../../src/core/engine';
import type { Finding } from '../../src/core/model';
import { nextPath, nextWeight, planNewWeek, renameWeek, type NewWeekPlan } from '../../src/core/newWeek';
import { parsePage } from '../../src/core/parse';
import { coerceSettings, DEFAULT_SETTINGS, type WorklogSettings } from '../../src/core/settings';
import { applyEdits } from '../../src/core/text';
import type { Worklog } from '../../src/core/workspace';

const FIXTURES = path.resolve(__dirname, '..', 'integration', 'fixtures');
/** A Thursday: week 1 of a new worklog starts on the Monday before it. */
const TODAY = new CalendarDate(2025, 11, 27);
/** No finding is expected on a new week: task-empty stays quiet on a table whose tasks are all still to be written. */
const AWAITING_DECISION = new Set<string>();

type Files = Record<string, string>;

function readTree(dir: string): Files {
  const out: Files = {};
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const abs = path.join(dir, rel);
    if (fs.statSync(abs).isFile()) out[rel.split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

function settingsOf(input: object = {}): WorklogSettings {
  const { settings, problems } = coerceSettings(input);
  assert.deepEqual(problems, []);
  return settings;
}

function worklogOf(files: Files, settings: WorklogSettings): Worklog | undefined {
  const { worklogs } = checkPages(Object.entries(files).map(([p, t]) => parsePage(p, t)), settings);
  assert.ok(worklogs.length <= 1, `expected one worklog, got ${worklogs.map((w) => w.dir).join(', ')}`);
  return worklogs[0];
}

function planFor(files: Files, settings: WorklogSettings = DEFAULT_SETTINGS, today = TODAY): NewWeekPlan {
  const plan = planNewWeek(worklogOf(files, settings), settings, today);
  assert.ok(plan.ok, plan.ok ? '' : plan.message);
  return plan;
}

/** The pages the plan creates or changes, as they read once it is applied. */
function outcome(files: Files, plan: NewWeekPlan): Files {
  const out: Files = {};
  for (const f of plan.files) {
    assert.equal(files[f.path], undefined, `${f.path} exists already`);
    out[f.path] = f.text;
  }
  for (const e of plan.indexEdits) {
    assert.deepEqual(e.span.start, e.span.end, 'index edits only insert');
    out[e.path] = applyEdits(out[e.path] ?? files[e.path], [{ span: e.span, newText: e.newText }]);
  }
  return out;
}

/** Findings on the created and changed pages, the whole workspace checked together, as `path:line rule`. */
function findingsAfter(files: Files, plan: NewWeekPlan, settings: WorklogSettings = DEFAULT_SETTINGS, ignore = AWAITING_DECISION): string[] {
  const changed = outcome(files, plan);
  const all = { ...files, ...changed };
  const { findings } = checkPages(Object.entries(all).map(([p, t]) => parsePage(p, t)), settings);
  return Object.keys(changed).flatMap((p) => (findings.get(p) ?? [])
    .filter((f: Finding) => !ignore.has(f.rule))
    .map((f) => `${p}:${f.span.start.line + 1} ${f.severity} ${f.rule}: ${f.message}`));
}

function assertSameFiles(actual: Files, expected: Files): void {
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
  for (const p of Object.keys(expected)) assert.equal(actual[p], expected[p], `text of ${p}`);
}

const STYLES = [
  { name: 'newweek-folders', what: '1.N-WeekN/_index.md + _index.vi.md, MM/DD/YYYY English and DD/MM/YYYY Vietnamese, weekday names' },
  { name: 'newweek-flat', what: 'flat 1.N-weekN.md + 1.N-weekN.vi.md, weights 101…, numbers 1… and 2…, unpadded D/M/YYYY' },
  { name: 'newweek-langdirs', what: 'content/en|vi/worklog/week_N/_index.en|vi.md, TOML, YYYY-MM-DD, Mon / T2' },
];

describe('New Week: fixture worklogs in three naming styles', () => {
  for (const style of STYLES) {
    it(`${style.name}: ${style.what}`, () => {
      const files = readTree(path.join(FIXTURES, style.name, 'workspace'));
      const plan = planFor(files);
      assert.equal(plan.week, 3);
      assertSameFiles(outcome(files, plan), readTree(path.join(FIXTURES, style.name, 'expected')));
      // The page to open first is the first language's, with the cursor in its empty objective.
      assert.equal(plan.cursor.path, plan.files[0].path);
      const line = plan.files[0].text.split(/\r?\n/)[plan.cursor.line];
      assert.match(line, /^[-*] $/);
      assert.equal(plan.cursor.character, 2);
    });

    it(`${style.name}: the new pages and the index check clean with the rest of the worklog`, () => {
      const files = readTree(path.join(FIXTURES, style.name, 'workspace'));
      assert.deepEqual(findingsAfter(files, planFor(files)), []);
    });
  }

  it('names every file of the week in each language the last week has, and nothing else', () => {
    const paths = (name: string): string[] => planFor(readTree(path.join(FIXTURES, name, 'workspace'))).files.map((f) => f.path);
    assert.deepEqual(paths('newweek-folders'), ['content/1-Worklog/1.3-Week3/_index.md', 'content/1-Worklog/1.3-Week3/_index.vi.md']);
    assert.deepEqual(paths('newweek-flat'), ['content/1-worklog/1.3-week3.md', 'content/1-worklog/1.3-week3.vi.md']);
    assert.deepEqual(paths('newweek-langdirs'), ['content/en/worklog/week_3/_index.en.md', 'content/vi/worklog/week_3/_index.vi.md']);
  });

  it('writes each twin in its own date format and day labels', () => {
    const files = readTree(path.join(FIXTURES, 'newweek-folders', 'workspace'));
    const [en, vi] = planFor(files).files;
    assert.ok(en.text.includes('| Monday | | 09/22/2025 | 09/22/2025 | |\n'), en.text);
    assert.ok(vi.text.includes('| Thứ 2 | | 22/09/2025 | 22/09/2025 | |\n'), vi.text);
    const flat = planFor(readTree(path.join(FIXTURES, 'newweek-flat', 'workspace'))).files;
    assert.ok(flat[0].text.includes('| 1 | | 6/10/2025 | 6/10/2025 | |\n| 2 | | 7/10/2025 |'), 'English counts Monday as 1');
    assert.ok(flat[1].text.includes('| 2 | | 6/10/2025 | 6/10/2025 | |\n| 3 | | 7/10/2025 |'), 'Vietnamese counts Monday as 2 (Thứ 2)');
  });
});

// A page shaped like the reference week page: YYYY/MM/DD dates, a running index 1…5 with the last task on Saturday.
function referenceWeek(n: number, dates: readonly string[], fmDate: string): string {
  return `---
title: "Week ${n} Worklog"
date: ${fmDate}
weight: ${n}
chapter: false
pre: " <b> 1.${n}. </b> "
---

### Week ${n} Objectives:

* Understand the topic of week ${n}.  

---

### Tasks Performed During the Week:

| Day | Task | Start Date | Completion Date | Reference Material |
| --- | --- | --- | --- | --- |
${dates.map((d, i) => `| ${i + 1} | - Task ${i + 1} of week ${n}. | ${d} | ${d} | [Docs](https://example.org/${n}/${i}) |`).join('\n')}

---

### Weekly Achievements:

* Learned the topic.
  * With a nested detail.

---

### Week ${n} Summary:

In Week ${n}, I learned the topic.
`;
}

describe('New Week: pages shaped like the reference page', () => {
  const files: Files = {
    'content/1-Worklog/_index.md': '---\ntitle: "Worklog"\nweight: 1\nchapter: false\npre: "<b>1. </b>"\n---\n\n**Week 4:**  \n[Compute](1.4-week4/)\n\n**Week 5:**  \n[Security and identity](1.5-week5/)\n',
    'content/1-Worklog/1.4-Week4/_index.md': referenceWeek(4, ['2025/09/29', '2025/09/30', '2025/10/01', '2025/10/02', '2025/10/04'], '2025-10-05'),
    'content/1-Worklog/1.5-Week5/_index.md': referenceWeek(5, ['2025/10/06', '2025/10/07', '2025/10/08', '2025/10/09', '2025/10/11'], '2025-10-12'),
  };

  it('plans week 6: headings kept with their week numbers, content emptied, the running index 1…5', () => {
    const plan = planFor(files);
    assertSameFiles(outcome(files, plan), {
      'content/1-Worklog/1.6-Week6/_index.md': `---
title: "Week 6 Worklog"
date: 2025-10-13
weight: 6
chapter: false
pre: " <b> 1.6. </b> "
---

### Week 6 Objectives:

* 

---

### Tasks Performed During the Week:

| Day | Task | Start Date | Completion Date | Reference Material |
| --- | --- | --- | --- | --- |
| 1 | | 2025/10/13 | 2025/10/13 | |
| 2 | | 2025/10/14 | 2025/10/14 | |
| 3 | | 2025/10/15 | 2025/10/15 | |
| 4 | | 2025/10/16 | 2025/10/16 | |
| 5 | | 2025/10/17 | 2025/10/17 | |

---

### Weekly Achievements:

---

### Week 6 Summary:
`,
      // An entry written over two lines (label, then the link) is followed the same way.
      'content/1-Worklog/_index.md': '---\ntitle: "Worklog"\nweight: 1\nchapter: false\npre: "<b>1. </b>"\n---\n\n**Week 4:**  \n[Compute](1.4-week4/)\n\n**Week 5:**  \n[Security and identity](1.5-week5/)\n\n**Week 6:**  \n[](1.6-week6/)\n',
    });
    assert.deepEqual(plan.cursor, { path: 'content/1-Worklog/1.6-Week6/_index.md', line: 10, character: 2 });
    assert.deepEqual(findingsAfter(files, plan), []);
  });

  it('starts week N+1 at programStart + 7·N when it is set, in the date format setting, on the working days', () => {
    const settings = settingsOf({ programStart: '2025-09-08', dateFormat: 'DD-MM-YYYY', workingDays: [1, 2, 3, 4, 5, 6] });
    const plan = planFor(files, settings);
    assert.equal(plan.start.toString(), '2025-10-13');
    const text = plan.files[0].text;
    assert.ok(text.includes('\ndate: 2025-10-13\n'));
    assert.ok(text.includes('| 1 | | 13-10-2025 | 13-10-2025 | |\n'), text);
    assert.ok(text.includes('| 6 | | 18-10-2025 | 18-10-2025 | |\n\n---'), 'a Saturday row when Saturday is a working day');
    assert.deepEqual(findingsAfter(files, plan, settings), []);
  });
});

describe('New Week: naming, numbering and the index', () => {
  it('renames the part of the path that carries the week number, keeping its style and zero padding', () => {
    const cases: [string, string][] = [
      ['content/1-Worklog/1.5-Week5/_index.md', 'content/1-Worklog/1.6-Week6/_index.md'],
      ['content/1-Worklog/1.5-Week5/_index.vi.md', 'content/1-Worklog/1.6-Week6/_index.vi.md'],
      ['content/1-worklog/1.9-week9/_index.en.md', 'content/1-worklog/1.10-week10/_index.en.md'],
      ['content/worklog/week_5/_index.md', 'content/worklog/week_6/_index.md'],
      ['content/worklog/week-09/index.md', 'content/worklog/week-10/index.md'],
      ['content/1-worklog/1.5-week5.md', 'content/1-worklog/1.6-week6.md'],
      ['content/1-worklog/1.5-week5.vi.md', 'content/1-worklog/1.6-week6.vi.md'],
      ['content/worklog/week-8.en.md', 'content/worklog/week-9.en.md'],
      ['content/vi/worklog/tuan-05-iam-va-bao-mat.md', 'content/vi/worklog/tuan-06.md'],
      ['content/1-worklog/5/_index.md', 'content/1-worklog/6/_index.md'],
    ];
    for (const [from, to] of cases) assert.equal(nextPath(from, Number(/(\d+)\D*$/.exec(to.replace(/\.(en|vi)?\.?md$/, ''))![1])), to, from);
    assert.equal(renameWeek('Week5-IAM', 6), 'Week6');
    assert.equal(renameWeek('notes', 6), undefined);
  });

  it('continues the weight scheme and never breaks Hugo\'s menu order', () => {
    const entry = (week: number, weight?: number | string) => ({
      page: parsePage(`content/w/week-${week}.md`, `---\ntitle: "Week ${week}"\n${weight === undefined ? '' : `weight: ${weight}\n`}---\n`),
      week,
    }) as unknown as Worklog['weeks'][number];
    assert.equal(nextWeight([entry(1, 101), entry(2, 102), entry(3, 103)], 4), 104, 'week + 100');
    assert.equal(nextWeight([entry(1, 101), entry(2, 102), entry(3, 7)], 4), 104, 'the scheme most weeks follow');
    assert.equal(nextWeight([entry(1, 1), entry(2, 2), entry(3, 9)], 4), 10, 'raised above the highest weight');
    assert.equal(nextWeight([...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((w) => entry(w, 1)), entry(10, 2), entry(11, 2)], 12), 3, 'no scheme: after the highest');
    assert.equal(nextWeight([entry(1, '"11"')], 2), 12, 'a quoted weight is a weight (Hugo casts it)');
    assert.equal(nextWeight([entry(1, 0), entry(2, 0)], 3), 0, 'every week unweighted: so is the new one');
    assert.equal(nextWeight([entry(1), entry(2)], 3), undefined, 'no weight key at all: none added');
  });

  it('keeps a title pattern the weeks share, and drops a description that was the old week\'s', () => {
    const week = (n: number, title: string): string => `---\ntitle: "${title}"\nweight: ${n}\n---\n\n| Day | Task | Start | End |\n|---|---|---|---|\n| Mon | x | ${6 + 7 * (n - 1)}/10/2025 | ${6 + 7 * (n - 1)}/10/2025 |\n`;
    const shared = planFor({ 'content/worklog/week-1.md': week(1, 'Week 1 - Weekly log'), 'content/worklog/week-2.md': week(2, 'Week 2 - Weekly log') });
    assert.match(shared.files[0].text, /^title: "Week 3 - Weekly log"$/m);
    const described = planFor({ 'content/worklog/week-1.md': week(1, 'Week 1 - Cloud basics'), 'content/worklog/week-2.md': week(2, 'Week 2: IAM and Cognito') });
    assert.match(described.files[0].text, /^title: "Week 3"$/m);
    const alone = planFor({ 'content/worklog/week-1.md': week(1, 'Worklog Tuần 1 - Làm quen') });
    assert.match(alone.files[0].text, /^title: "Worklog Tuần 2"$/m);
  });

  it('keeps zero padding, a BOM, CRLF line ends, quoted values, a running "Day N" count and an ordered objectives list', () => {
    const page = (n: number, first: number, dates: readonly string[], topic: string): string => '\uFEFF' + `---
title: "Tuần ${String(n).padStart(2, '0')}: ${topic}"
date: "2025-11-${String(3 + 7 * (n - 8)).padStart(2, '0')}"
weight: "${n}"
---

## Mục tiêu tuần ${String(n).padStart(2, '0')}

1. Học điều mới.

## Công việc

| Buổi | Nội dung | Ngày | Ghi chú |
|---|---|---|---|
${dates.map((d, i) => `| **Ngày ${first + i}** | Việc ${i}. | ${d} | |`).join('\n')}
`.replace(/\n/g, '\r\n');
    const files: Files = {
      'content/vi/worklog/week-08/index.md': page(8, 36, ['03/11/2025', '04/11/2025', '05/11/2025', '06/11/2025', '07/11/2025'], 'Cơ sở dữ liệu'),
      'content/vi/worklog/week-09/index.md': page(9, 41, ['10/11/2025', '11/11/2025', '12/11/2025', '13/11/2025', '14/11/2025'], 'Giám sát'),
    };
    const settings = settingsOf({ languages: ['vi', 'en'] });
    const plan = planFor(files, settings);
    assertSameFiles(outcome(files, plan), {
      'content/vi/worklog/week-10/index.md': '\uFEFF' + `---
title: "Tuần 10"
date: "2025-11-17"
weight: "10"
---

## Mục tiêu tuần 10

1. 

## Công việc

| Buổi | Nội dung | Ngày | Ghi chú |
|---|---|---|---|
| **Ngày 46** | | 17/11/2025 | |
| **Ngày 47** | | 18/11/2025 | |
| **Ngày 48** | | 19/11/2025 | |
| **Ngày 49** | | 20/11/2025 | |
| **Ngày 50** | | 21/11/2025 | |
`.replace(/\n/g, '\r\n'),
    });
    assert.deepEqual({ line: plan.cursor.line, character: plan.cursor.character }, { line: 8, character: 3 });
    assert.deepEqual(findingsAfter(files, plan, settings), []);
  });

  it('adds no index line when the index lists the week already (a template listing every week) or lists none', () => {
    const page = (n: number): string => `---\ntitle: "Week ${n}"\nweight: ${n}\n---\n\n| Day | Task | Start | End |\n|---|---|---|---|\n| Mon | x | ${6 + 7 * (n - 1)}/10/2025 | ${6 + 7 * (n - 1)}/10/2025 |\n`;
    const listed = [1, 2, 3, 4].map((n) => `**Week ${n}:** [Doing task A...](1.${n}-week${n}/)`).join('\n\n');
    const files: Files = {
      'content/1-Worklog/_index.md': `---\ntitle: "Worklog"\n---\n\n${listed}\n`,
      'content/1-Worklog/1.1-Week1/_index.md': page(1),
      'content/1-Worklog/1.2-Week2/_index.md': page(2),
    };
    assert.deepEqual(planFor(files).indexEdits, []);
    files['content/1-Worklog/_index.md'] = '---\ntitle: "Worklog"\n---\n\nSee the weeks in the menu.\n';
    assert.deepEqual(planFor(files).indexEdits, []);
  });

  it('follows an index that lists the weeks in a table, and one that numbers them', () => {
    const page = (n: number): string => `---\ntitle: "Week ${n}"\nweight: ${n}\n---\n\n| Day | Task | Start | End |\n|---|---|---|---|\n| Mon | x | ${6 + 7 * (n - 1)}/10/2025 | ${6 + 7 * (n - 1)}/10/2025 |\n`;
    const weeks: Files = { 'content/1-Worklog/1.1-Week1/_index.md': page(1), 'content/1-Worklog/1.2-Week2/_index.md': page(2) };
    // (Without a column of date ranges such as "6-10 Oct": the engine would then read the index as a week page.)
    const table = '---\ntitle: "Worklog"\n---\n\n| Week | Status | Summary |\n|---|---|---|\n| [Week 1](1.1-Week1/) | Done | Onboarding |\n| [Week 2](1.2-Week2/) | Done | Networks |\n';
    let files: Files = { ...weeks, 'content/1-Worklog/_index.md': table };
    assert.equal(outcome(files, planFor(files))['content/1-Worklog/_index.md'], table.replace(/\n$/, '\n| [Week 3](1.3-Week3/) | | |\n'));
    const numbered = '---\ntitle: "Worklog"\n---\n\n1. [Week 1 – Onboarding](1.1-week1/) — accounts and tools\n2. [Week 2 – Networks](1.2-week2/) — subnets\n';
    files = { ...weeks, 'content/1-Worklog/_index.md': numbered };
    assert.equal(outcome(files, planFor(files))['content/1-Worklog/_index.md'], numbered.replace(/\n$/, '\n3. [Week 3](1.3-week3/)\n'));
  });

  it('refuses a worklog whose last week is named by its title only', () => {
    const settings = DEFAULT_SETTINGS;
    const files: Files = { 'content/worklog/notes/_index.md': '---\ntitle: "Week 3"\n---\n\n| Day | Task | Start | End |\n|---|---|---|---|\n| Mon | x | 06/10/2025 | 06/10/2025 |\n' };
    const plan = planNewWeek(worklogOf(files, settings), settings, TODAY);
    assert.equal(plan.ok, false);
    assert.equal(!plan.ok && plan.reason, 'naming');
    assert.match(!plan.ok ? plan.message : '', /week 4 after content\/worklog\/notes\/_index\.md/);
  });
});

describe('New Week: a workspace without a worklog', () => {
  it('plans content/1-Worklog/ with its index and week 1 in English and Vietnamese, from the Monday of today', () => {
    const plan = planNewWeek(undefined, DEFAULT_SETTINGS, TODAY);
    assert.ok(plan.ok);
    assert.equal(plan.week, 1);
    assert.equal(plan.dir, 'content/1-Worklog');
    const week = (vi: boolean): string => `---
title: "${vi ? 'Worklog Tuần 1' : 'Week 1 Worklog'}"
date: 2025-11-24
weight: 1
chapter: false
pre: " <b> 1.1. </b> "
---

### ${vi ? 'Mục tiêu tuần 1:' : 'Week 1 Objectives:'}

* 

---

### ${vi ? 'Công việc trong tuần:' : 'Tasks Performed During the Week:'}

${vi ? '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Tài liệu tham khảo |' : '| Day | Task | Start Date | Completion Date | Reference Material |'}
| --- | --- | --- | --- | --- |
${[24, 25, 26, 27, 28].map((d, i) => `| ${vi ? i + 2 : i + 1} | | ${d}/11/2025 | ${d}/11/2025 | |`).join('\n')}

---

### ${vi ? 'Kết quả đạt được:' : 'Weekly Achievements:'}

---

### ${vi ? 'Tổng kết tuần 1:' : 'Week 1 Summary:'}
`;
    const index = (vi: boolean): string => `---
title: "${vi ? 'Nhật ký công việc' : 'Worklog'}"
weight: 1
chapter: false
pre: "<b>1. </b>"
---

**${vi ? 'Tuần' : 'Week'} 1:** [](1.1-week1/)
`;
    assertSameFiles(outcome({}, plan), {
      'content/1-Worklog/1.1-Week1/_index.md': week(false),
      'content/1-Worklog/1.1-Week1/_index.vi.md': week(true),
      'content/1-Worklog/_index.md': index(false),
      'content/1-Worklog/_index.vi.md': index(true),
    });
    assert.deepEqual(plan.cursor, { path: 'content/1-Worklog/1.1-Week1/_index.md', line: 10, character: 2 });
    assert.deepEqual(findingsAfter({}, plan), []);
  });

  it('uses programStart, the only configured language, and weekday names when dayLabels says so', () => {
    const settings = settingsOf({ languages: ['vi'], programStart: '2025-09-08', dayLabels: 'weekday' });
    const plan = planNewWeek(undefined, settings, TODAY);
    assert.ok(plan.ok);
    assert.deepEqual(plan.files.map((f) => f.path), ['content/1-Worklog/1.1-Week1/_index.md', 'content/1-Worklog/_index.md']);
    assert.ok(plan.files[0].text.includes('| Thứ 2 | | 08/09/2025 | 08/09/2025 | |\n'), plan.files[0].text);
    assert.ok(plan.files[1].text.includes('**Tuần 1:** [](1.1-week1/)'));
    assert.deepEqual(findingsAfter({}, plan, settings), []);
  });

  it('plans week 1 inside a worklog that has only its index, named like the index', () => {
    const files: Files = { 'content/2-Nhat-ky/_index.vi.md': '---\ntitle: "Nhật ký"\n---\n\nXem các tuần bên dưới.\n' };
    const plan = planFor(files);
    assert.deepEqual(plan.files.map((f) => f.path), ['content/2-Nhat-ky/2.1-Week1/_index.vi.md']);
    assert.ok(plan.files[0].text.includes('pre: " <b> 2.1. </b> "'));
    assert.deepEqual(findingsAfter(files, plan), []);
  });
});

describe('New Week: a new week checks clean', () => {
  // The new rows leave the Task cell empty for the user to fill in; a table whose tasks are all unwritten is a week
  // being planned, and task-empty stays quiet until one task is written.
  it('new task rows raise no task-empty warning', () => {
    const files = readTree(path.join(FIXTURES, 'newweek-folders', 'workspace'));
    assert.deepEqual(findingsAfter(files, planFor(files), DEFAULT_SETTINGS, new Set()), []);
  });
});
