// Generators for the fuzz tests: realistic week pages as students write them (EN/VI, YAML/TOML front matter, a task
// table with the date and day-label styles seen in real worklogs), the mutations that break them the way people and
// editors do, hostile strings, and small multi-week workspaces with twins.
import fc from 'fast-check';
import { DEFAULT_SETTINGS, type WorklogSettings } from '../../../src/core/settings';

export type Lang = 'en' | 'vi';
export type DateStyle = 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'D/M/YYYY' | 'DD-MM-YYYY';
export type DayStyle = 'en-short' | 'en-long' | 'thu' | 'thu-number' | 'iso-number' | 't-short' | 'index';

export interface RowSpec {
  /** Day of the week the task starts on, 0 = Monday. */
  readonly offset: number;
  /** Days the task lasts after its start (0 = same day). */
  readonly length: number;
  readonly task: number;
  readonly ref: boolean;
}

export interface PageSpec {
  readonly lang: Lang;
  readonly week: number;
  readonly frontMatter: 'yaml' | 'toml';
  readonly dateStyle: DateStyle;
  readonly dayStyle: DayStyle;
  readonly rows: readonly RowSpec[];
  readonly objectives: readonly number[];
  readonly layout: 'folder' | 'file' | 'content-lang';
  /** Week 1 starts this many weeks after 2025-09-08 (a Monday). */
  readonly startWeek: number;
  readonly weightOff: number;
}

const TASKS_EN = [
  'Meet the team and read the onboarding notes', 'Create a cloud account and turn on MFA', 'Install the CLI and configure a profile',
  'Read about regions and availability zones', 'Sketch a network with two subnets', 'Add a route table and an internet gateway',
  'Launch a small instance in the public subnet', 'Write **notes** on IAM policies', 'Deploy a static site to a bucket<br>and test it',
  'Review `terraform plan` output', 'Fix a broken pipeline \\| retry', 'Doing task',
];
const TASKS_VI = [
  'Làm quen với các thành viên', 'Tạo tài khoản và bật MFA', 'Cài đặt CLI và cấu hình profile', 'Tìm hiểu về vùng và AZ',
  '- Khởi tạo máy ảo đầu tiên và kết nối SSH', 'Gắn ổ đĩa và tạo snapshot', 'Đưa một trang tĩnh lên bucket', 'Đọc tài liệu về **IAM**',
  'Viết báo cáo tuần', 'Sửa lỗi pipeline',
];
const OBJECTIVES_EN = ['Get to know the team', 'Set up the accounts and tools', 'Learn virtual networks, subnets and routing', 'Understand IAM'];
const OBJECTIVES_VI = ['Làm quen với nhóm', 'Cài đặt tài khoản và công cụ', 'Hiểu về mạng ảo', 'Nắm được IAM'];

const EN_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EN_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A day as numbers, computed without time zones (UTC noon of a civil date). */
export function civil(base: { y: number; m: number; d: number }, addDays: number): { y: number; m: number; d: number } {
  const t = Date.UTC(base.y, base.m - 1, base.d, 12) + addDays * 86_400_000;
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

export function writeDateIn(style: DateStyle, date: { y: number; m: number; d: number }): string {
  switch (style) {
    case 'DD/MM/YYYY': return `${p2(date.d)}/${p2(date.m)}/${date.y}`;
    case 'MM/DD/YYYY': return `${p2(date.m)}/${p2(date.d)}/${date.y}`;
    case 'YYYY-MM-DD': return `${date.y}-${p2(date.m)}-${p2(date.d)}`;
    case 'YYYY/MM/DD': return `${date.y}/${p2(date.m)}/${p2(date.d)}`;
    case 'D/M/YYYY': return `${date.d}/${date.m}/${date.y}`;
    case 'DD-MM-YYYY': return `${p2(date.d)}-${p2(date.m)}-${date.y}`;
  }
}

function dayLabel(style: DayStyle, offset: number, row: number): string {
  const wd = offset + 1; // ISO weekday
  switch (style) {
    case 'en-short': return EN_SHORT[offset];
    case 'en-long': return EN_LONG[offset];
    case 'thu': return wd === 7 ? 'CN' : `Thứ ${wd + 1}`;
    case 'thu-number': return wd === 7 ? 'CN' : String(wd + 1);
    case 'iso-number': return String(wd);
    case 't-short': return wd === 7 ? 'CN' : `T${wd + 1}`;
    case 'index': return String(row + 1);
  }
}

export function pagePath(spec: Pick<PageSpec, 'lang' | 'week' | 'layout'>): string {
  switch (spec.layout) {
    case 'folder': return `content/1-Worklog/1.${spec.week}-Week${spec.week}/_index${spec.lang === 'vi' ? '.vi' : ''}.md`;
    case 'file': return `content/worklog/week-${spec.week}.${spec.lang}.md`;
    case 'content-lang': return `content/${spec.lang}/worklog/week-${p2(spec.week)}.md`;
  }
}

export function indexPath(layout: PageSpec['layout'], lang: Lang): string {
  switch (layout) {
    case 'folder': return `content/1-Worklog/_index${lang === 'vi' ? '.vi' : ''}.md`;
    case 'file': return `content/worklog/_index.${lang}.md`;
    case 'content-lang': return `content/${lang}/worklog/_index.md`;
  }
}

/** The page a spec describes, LF line endings. */
export function renderPage(spec: PageSpec): string {
  const monday = civil({ y: 2025, m: 9, d: 8 }, 7 * (spec.startWeek + spec.week - 1));
  const vi = spec.lang === 'vi';
  const title = vi ? `Worklog Tuần ${spec.week}` : `Week ${spec.week} Worklog`;
  const iso = `${monday.y}-${p2(monday.m)}-${p2(monday.d)}`;
  const weight = spec.week + spec.weightOff;
  const fm = spec.frontMatter === 'yaml'
    ? ['---', `title: "${title}"`, `date: ${iso}`, `weight: ${weight}`, 'chapter: false', `pre: " <b> 1.${spec.week}. </b> "`, '---']
    : ['+++', `title = "${title}"`, `date = ${iso}`, `weight = ${weight}`, 'chapter = false', `pre = " <b> 1.${spec.week}. </b> "`, '+++'];
  const tasks = vi ? TASKS_VI : TASKS_EN;
  const objectives = vi ? OBJECTIVES_VI : OBJECTIVES_EN;
  const header = vi
    ? ['| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Nguồn tài liệu |', '| --- | --- | --- | --- | --- |']
    : ['| Day | Task | Start Date | Completion Date | Reference Material |', '| --- | --- | --- | --- | --- |'];
  const rows = spec.rows.map((r, i) => {
    const start = civil(monday, r.offset);
    const end = civil(monday, Math.min(6, r.offset + r.length));
    const ref = r.ref ? '<https://example.org/docs>' : '';
    return `| ${dayLabel(spec.dayStyle, r.offset, i)} | ${tasks[r.task % tasks.length]} | ${writeDateIn(spec.dateStyle, start)} | ${writeDateIn(spec.dateStyle, end)} | ${ref} |`;
  });
  return [
    ...fm,
    '',
    vi ? `### Mục tiêu tuần ${spec.week}:` : `### Week ${spec.week} Objectives:`,
    '',
    ...spec.objectives.map((o) => `* ${objectives[o % objectives.length]}`),
    '',
    vi ? '### Các công việc cần triển khai trong tuần này:' : '### Tasks to be carried out this week:',
    '',
    ...header,
    ...rows,
    '',
    vi ? '### Kết quả đạt được:' : `### Week ${spec.week} Achievements:`,
    '',
    vi ? '* Đã hoàn thành kế hoạch.' : '* Finished what was planned.',
    '',
  ].join('\n');
}

export function renderIndex(layout: PageSpec['layout'], lang: Lang, weeks: readonly number[]): string {
  return [
    '---',
    lang === 'vi' ? 'title: "Nhật ký công việc"' : 'title: "Worklog"',
    'date: 2025-09-08',
    'weight: 1',
    'chapter: false',
    'pre: " <b> 1. </b> "',
    '---',
    '',
    ...weeks.map((w) => `**${lang === 'vi' ? 'Tuần' : 'Week'} ${w}:** [Week ${w}](${layout === 'folder' ? `1.${w}-week${w}/` : `week-${w}/`})\n`),
  ].join('\n');
}

const rowArb: fc.Arbitrary<RowSpec> = fc.record({
  offset: fc.nat({ max: 6 }),
  length: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat({ max: 3 }) }),
  task: fc.nat({ max: 20 }),
  ref: fc.boolean(),
});

export function pageSpecArb(overrides: Partial<Record<keyof PageSpec, fc.Arbitrary<unknown>>> = {}): fc.Arbitrary<PageSpec> {
  return fc.record({
    lang: fc.constantFrom<Lang>('en', 'vi'),
    week: fc.integer({ min: 1, max: 12 }),
    frontMatter: fc.oneof({ weight: 4, arbitrary: fc.constant<'yaml'>('yaml') }, { weight: 1, arbitrary: fc.constant<'toml'>('toml') }),
    dateStyle: fc.constantFrom<DateStyle>('DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'YYYY/MM/DD', 'D/M/YYYY', 'DD-MM-YYYY'),
    dayStyle: fc.constantFrom<DayStyle>('en-short', 'en-long', 'thu', 'thu-number', 'iso-number', 't-short', 'index'),
    // Usually in order (as written), sometimes not.
    rows: fc.oneof(
      { weight: 3, arbitrary: fc.array(rowArb, { minLength: 3, maxLength: 7 }).map((rs) => [...rs].sort((a, b) => a.offset - b.offset)) },
      { weight: 1, arbitrary: fc.array(rowArb, { minLength: 3, maxLength: 7 }) },
    ),
    objectives: fc.array(fc.nat({ max: 10 }), { minLength: 1, maxLength: 4 }),
    layout: fc.constantFrom<PageSpec['layout']>('folder', 'folder', 'file', 'content-lang'),
    startWeek: fc.integer({ min: -40, max: 60 }),
    weightOff: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 }) }),
    ...overrides,
  } as Record<keyof PageSpec, fc.Arbitrary<unknown>>) as unknown as fc.Arbitrary<PageSpec>;
}

// -----------------------------------------------------------------------------------------------------------------
// Mutations. Each is a small record of numbers that select where and how; applying it is deterministic, so fast-check
// can shrink a failing case to the few mutations that matter.

export interface Mutation {
  readonly op: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export const MUTATION_NAMES = [
  'swap-cells', 'insert-pipe', 'remove-pipe', 'delimiter-dashes', 'perturb-date', 'cut-front-matter-line', 'insert-special',
  'line-endings', 'duplicate-row', 'break-row', 'delete-line', 'move-line', 'day-label', 'front-matter-value', 'prepend-bom',
  'truncate', 'heading', 'empty-cell', 'escape-pipe', 'indent-line',
] as const;

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.nat({ max: MUTATION_NAMES.length - 1 }),
  a: fc.nat({ max: 1_000_000 }),
  b: fc.nat({ max: 1_000_000 }),
  c: fc.nat({ max: 1_000_000 }),
});

export const SPECIALS = [
  '\uFEFF', '\r\n', '\r', '\n', '\u0000', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\u200B', '\u00A0', '\u2028', '\t', '\\', '`', '***', '<!--', '-->',
  '```', '~~~', '---', '+++', '#', '[', ']', '&nbsp;', '<br>', 'Week 99', 'Tuần 5', '|', '||', ':', '-', '0', '/', '2025', '&#124;', '👩‍💻', 'ẞ', 'İ',
];
const DAY_LABELS = ['Mon', 'Thứ 2', '2', 'CN', 'T7', 'Sun', '8', 'Day 3', '2-4', 'Mon - Wed', '', 'x', 'Thứ Hai', 'Chủ nhật', '7-Sun', '0', '99', '02/05', '2 → 6'];
const FM_VALUES = [
  '', '"', "'", '[', '{', '}', '2025-13-45', '2025-02-29', '-1', '1.5', 'true', '"Week 99"', '*a', '&a x', '!!js/function x', '|', '>', '"Tuần 3"',
  '2025-09-08T10:00:00+07:00', '08/09/2025', '1e400', '0x10', 'null', '~', '"\\u0000"', '[1, 2]', '{a: 1}', '"unterminated', 'NaN', '.inf',
];

function lines(text: string): string[] {
  return text.split('\n');
}

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

function tableLines(ls: readonly string[]): number[] {
  return ls.map((l, i) => ((l.match(/\|/g)?.length ?? 0) >= 2 ? i : -1)).filter((i) => i >= 0);
}

function frontMatterEnd(ls: readonly string[]): number {
  const first = ls[0]?.replace(/^\uFEFF/, '').trimEnd();
  if (first !== '---' && first !== '+++') return -1;
  for (let i = 1; i < ls.length; i++) if (ls[i].trimEnd() === first) return i;
  return -1;
}

/** Applies one mutation; never throws. */
export function mutate(text: string, m: Mutation): string {
  const ls = lines(text);
  const name = MUTATION_NAMES[m.op % MUTATION_NAMES.length];
  switch (name) {
    case 'swap-cells': {
      const line = pick(tableLines(ls), m.a);
      if (line === undefined) return text;
      const cells = ls[line].split('|');
      const i = m.b % cells.length;
      const j = m.c % cells.length;
      [cells[i], cells[j]] = [cells[j], cells[i]];
      ls[line] = cells.join('|');
      return ls.join('\n');
    }
    case 'insert-pipe': {
      const at = m.a % (text.length + 1);
      return text.slice(0, at) + '|' + text.slice(at);
    }
    case 'remove-pipe': {
      const pipes = [...text.matchAll(/\|/g)].map((x) => x.index);
      const at = pick(pipes, m.a);
      return at === undefined ? text : text.slice(0, at) + text.slice(at + 1);
    }
    case 'delimiter-dashes': {
      const delims = ls.map((l, i) => (/^\s*\|?\s*:?-+/.test(l) && l.includes('|') ? i : -1)).filter((i) => i >= 0);
      const line = pick(delims, m.a);
      if (line === undefined) return text;
      const l = ls[line];
      const dashes = [...l.matchAll(/-+/g)];
      const d = pick(dashes, m.b)!;
      const variants = [
        l.slice(0, d.index) + l.slice(d.index + d[0].length), // drop a run of dashes
        l.slice(0, d.index) + '-' + l.slice(d.index), // one more dash
        l.slice(0, d.index) + ':' + l.slice(d.index), // alignment colon
        l + ' --- |', // an extra column
        l.replace(/\|[^|]*\|?\s*$/, '|'), // one column fewer
        l.replace(/-+/g, '--'),
        l.replace(/-/g, '—'),
        l.slice(0, d.index) + ' ' + l.slice(d.index + 1),
      ];
      ls[line] = variants[m.c % variants.length];
      return ls.join('\n');
    }
    case 'perturb-date': {
      const dates = [...text.matchAll(/\d{1,4}[/.-]\d{1,4}(?:[/.-]\d{1,4})?/g)];
      const d = pick(dates, m.a);
      if (!d) return text;
      const parts = d[0].split(/([/.-])/);
      const nums = parts.filter((_, i) => i % 2 === 0);
      const sep = parts[1];
      let next: string;
      switch (m.c % 8) {
        case 0: { // change one digit
          const digits = [...d[0].matchAll(/\d/g)].map((x) => x.index);
          const at = digits[m.b % digits.length];
          next = d[0].slice(0, at) + String((Number(d[0][at]) + 1 + (m.b % 9)) % 10) + d[0].slice(at + 1);
          break;
        }
        case 1: next = [nums[1], nums[0], ...nums.slice(2)].join(sep); break; // swap day and month
        case 2: next = nums.map((n, i) => (i === m.b % nums.length ? '0' + n : n)).join(sep); break; // 3-digit day
        case 3: next = nums.slice(0, 2).join(sep); break; // drop the year
        case 4: next = nums.join(pick(['/', '-', '.', ' / ', '//'], m.b)!); break; // another separator
        case 5: next = nums.map((n, i) => (i === m.b % nums.length ? String(Number(n) + 30) : n)).join(sep); break; // no such day
        case 6: next = `${d[0]} - ${d[0]}`; break; // a range
        default: next = nums.map((n) => n.replace(/^0/, '')).join(sep); // unpadded
      }
      return text.slice(0, d.index) + next + text.slice(d.index + d[0].length);
    }
    case 'cut-front-matter-line': {
      const end = frontMatterEnd(ls);
      const line = end < 0 ? m.a % Math.min(ls.length, 8) : m.a % (end + 1);
      ls.splice(line, 1);
      return ls.join('\n');
    }
    case 'insert-special': {
      const at = m.a % (text.length + 1);
      return text.slice(0, at) + SPECIALS[m.b % SPECIALS.length] + text.slice(at);
    }
    case 'line-endings':
      return m.a % 3 === 0 ? text.replace(/\r?\n/g, '\n') : m.a % 3 === 1 ? text.replace(/\r?\n/g, '\r\n') : ls.map((l, i) => (i % 2 === 0 ? l.replace(/\r$/, '') + '\r' : l)).join('\n');
    case 'duplicate-row': {
      const line = pick(tableLines(ls), m.a);
      if (line === undefined) return text;
      ls.splice(m.b % 2 === 0 ? line + 1 : line, 0, ls[line]);
      return ls.join('\n');
    }
    case 'break-row': {
      const line = pick(tableLines(ls), m.a);
      if (line === undefined) return text;
      const at = m.b % (ls[line].length + 1);
      ls[line] = ls[line].slice(0, at) + (m.c % 2 === 0 ? '\n' : '\r\n') + ls[line].slice(at);
      return ls.join('\n');
    }
    case 'delete-line':
      ls.splice(m.a % ls.length, 1 + (m.b % 3 === 0 ? m.c % 4 : 0));
      return ls.join('\n');
    case 'move-line': {
      const [l] = ls.splice(m.a % ls.length, 1);
      ls.splice(m.b % (ls.length + 1), 0, m.c % 2 === 0 ? l : l + '\n' + l);
      return ls.join('\n');
    }
    case 'day-label': {
      const line = pick(tableLines(ls), m.a);
      if (line === undefined) return text;
      const cells = ls[line].split('|');
      if (cells.length < 3) return text;
      cells[1] = ` ${DAY_LABELS[m.b % DAY_LABELS.length]} `;
      ls[line] = cells.join('|');
      return ls.join('\n');
    }
    case 'front-matter-value': {
      const end = frontMatterEnd(ls);
      const keyLines = ls.map((l, i) => (i < (end < 0 ? 8 : end) && /^[\w-]+\s*[:=]/.test(l) ? i : -1)).filter((i) => i >= 0);
      const line = pick(keyLines, m.a);
      if (line === undefined) return text;
      const mm = /^([\w-]+\s*[:=]\s*)/.exec(ls[line])!;
      ls[line] = mm[1] + FM_VALUES[m.b % FM_VALUES.length];
      return ls.join('\n');
    }
    case 'prepend-bom':
      return text.startsWith('\uFEFF') ? text.slice(1) : '\uFEFF' + text;
    case 'truncate':
      return text.slice(0, m.a % (text.length + 1));
    case 'heading': {
      const heads = ls.map((l, i) => (/^\s*#/.test(l) ? i : -1)).filter((i) => i >= 0);
      const line = pick(heads, m.a);
      if (line === undefined) return text;
      const variants = ['#', '#######', '## Week 7 Objectives', '### Plan for Week 3', '### Mục tiêu', '###Tasks', '# ```', '### Goals', ''];
      ls[line] = m.c % 2 === 0 ? variants[m.b % variants.length] : ls[line].replace(/^\s*#+/, '#'.repeat(1 + (m.b % 7)));
      return ls.join('\n');
    }
    case 'empty-cell': {
      const line = pick(tableLines(ls), m.a);
      if (line === undefined) return text;
      const cells = ls[line].split('|');
      const i = m.b % cells.length;
      cells[i] = m.c % 2 === 0 ? ' ' : '';
      ls[line] = cells.join('|');
      return ls.join('\n');
    }
    case 'escape-pipe': {
      const pipes = [...text.matchAll(/\|/g)].map((x) => x.index);
      const at = pick(pipes, m.a);
      return at === undefined ? text : text.slice(0, at) + (m.b % 2 === 0 ? '\\' : '`') + text.slice(at);
    }
    case 'indent-line': {
      const line = m.a % ls.length;
      ls[line] = pick(['    ', '  ', '\t', '> ', '- ', '1. '], m.b)! + ls[line];
      return ls.join('\n');
    }
  }
}

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(mutate, text);
}

// -----------------------------------------------------------------------------------------------------------------
// Settings, strings, pages and workspaces.

export const settingsArb: fc.Arbitrary<WorklogSettings> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(DEFAULT_SETTINGS) },
  {
    weight: 1,
    arbitrary: fc.record({
      dayMonthOrder: fc.constantFrom('auto', 'dmy', 'mdy'),
      dayLabels: fc.constantFrom('auto', 'thu', 'iso', 'index', 'weekday'),
      dateFormat: fc.constantFrom('auto', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'YYYY/MM/DD', 'DD-MM-YYYY'),
      programStart: fc.constantFrom('', '2025-09-08', '2025-09-10', '2024-02-29'),
      requiredKeys: fc.constantFrom(['title', 'date', 'weight'], ['title'], [], ['title', 'date', 'weight', 'chapter', 'pre']),
    }).map((o) => ({ ...DEFAULT_SETTINGS, ...o }) as WorklogSettings),
  },
);

/** Characters and fragments that matter to the parser, for strings built of them. */
const HOSTILE_UNIT = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIALS, '|', '|', '-', ' ', '\n', '\n', 'a', '1', '9', '/', '.', ':', '*', '_', '<', '>', 'é', 'đ') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);

/** Arbitrary strings: unicode, full code points, and parser-relevant fragments with NUL/BOM/CR and lone surrogates. */
export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: HOSTILE_UNIT, maxLength: 400 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\uFEFF', '\r', '\n', '\r\n', '|', '-', 'x', '\uD83D', '\uDE00'), maxLength: 200 }),
);

export const WEEK_PATHS = [
  'content/1-Worklog/1.3-Week3/_index.md', 'content/1-Worklog/1.3-Week3/_index.vi.md', 'content/worklog/week-3.en.md',
  'content/1-Worklog/_index.md', 'content/1-Worklog/1.3-Week3/1.3.1-Day1/_index.md', 'content/posts/hello.md', 'README.md',
];

/** A page text and its path: an arbitrary string (with or without a front-matter-like head) or a mutated real page. */
export const hostilePageArb: fc.Arbitrary<{ path: string; text: string }> = fc.record({
  path: fc.constantFrom(...WEEK_PATHS),
  head: fc.constantFrom('', '---\n', '---\ntitle: Week 3\n---\n', '+++\ntitle = "Week 3"\n+++\n', '---js\n', '\uFEFF---\r\n'),
  body: hostileStringArb,
  table: fc.constantFrom('', '\n| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n'),
}).map(({ path, head, body, table }) => ({ path, text: head + table + body }));

export interface MutatedPage {
  readonly path: string;
  readonly original: string;
  readonly text: string;
  readonly mutations: readonly Mutation[];
}

export const mutatedPageArb: fc.Arbitrary<MutatedPage> = fc.record({
  spec: pageSpecArb(),
  mutations: fc.array(mutationArb, { maxLength: 5 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
}).map(({ spec, mutations, crlf, bom }) => {
  let original = renderPage(spec);
  if (crlf) original = original.replace(/\n/g, '\r\n');
  if (bom) original = '\uFEFF' + original;
  return { path: pagePath(spec), original, text: applyMutations(original, mutations), mutations };
});

export interface WorkspacePage {
  readonly path: string;
  readonly text: string;
}

/** 2–4 consecutive weeks (some with a twin in the other language, an index page), a few of them mutated. */
export const workspaceArb: fc.Arbitrary<WorkspacePage[]> = fc.record({
  base: pageSpecArb(),
  weeks: fc.integer({ min: 2, max: 4 }),
  firstWeek: fc.integer({ min: 1, max: 9 }),
  twins: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  index: fc.boolean(),
  gap: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -1, max: 2 }) }),
  mutations: fc.array(fc.tuple(fc.nat({ max: 7 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 })), { maxLength: 3 }),
}).map(({ base, weeks, firstWeek, twins, index, gap, mutations }) => {
  const pages: WorkspacePage[] = [];
  for (let i = 0; i < weeks; i++) {
    const week = firstWeek + i + (i === weeks - 1 ? gap : 0);
    const langs: Lang[] = twins[i] ? ['en', 'vi'] : [base.lang];
    for (const lang of langs) {
      const spec = { ...base, week: Math.max(1, week), lang };
      pages.push({ path: pagePath(spec), text: renderPage(spec) });
    }
  }
  if (index) pages.push({ path: indexPath(base.layout, base.lang), text: renderIndex(base.layout, base.lang, pages.map((_, i) => firstWeek + i)) });
  // Two weeks can land on one path (a gap of −1): keep the last, as a file system would.
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const out = [...byPath.values()];
  for (const [which, ms] of mutations) {
    const i = which % out.length;
    out[i] = { path: out[i].path, text: applyMutations(out[i].text, ms) };
  }
  return out;
});

/** Invalid UTF-8 byte sequences, for pages read from disk. */
export const INVALID_UTF8: readonly Buffer[] = [
  Buffer.from([0xff]), Buffer.from([0xc3, 0x28]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0x80]), Buffer.from([0xfe, 0xff]), Buffer.from([0xf0, 0x9f, 0x98]),
];
