// Deterministic synthetic worklog workspaces for the benchmarks: N Hugo sites (`wl-NN/`), each with one worklog of
// 25 weeks written twice (English `_index.md` and Vietnamese `_index.vi.md`), plus the worklog's index pages.
// `pages` counts week pages: 2,000 = 40 worklogs × 25 weeks × 2 languages (the index pages come on top: 2 a worklog).
//
// Every worklog is generated from its own seed, so worklog 7 is the same text in every size, and a rerun writes the
// same bytes. About 3% of the week pages carry one deliberate mistake (a three-digit day, a completion before the
// start, a row missing a cell, or a date whose weekday is not the row's day label), like real reports do.
//
// Usage: node bench/generate.mjs [size...]   (default: 100 500 2000 10000; writes bench/workspaces/<size>/)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const WORKSPACES = join(HERE, 'workspaces');
export const SIZES = [100, 500, 2000, 10000];
export const WEEKS = 25;
const SEED = 20250901;
const MISTAKE_RATE = 0.03;

/** Bumped by hand for changes the source hash would not catch; the source hash catches the rest. */
const GENERATOR_VERSION = 1;
const SOURCE_HASH = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
export const GENERATOR_ID = `${GENERATOR_VERSION}-${SOURCE_HASH}`;

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): the same seed gives the same workspace on every machine and Node version.

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** `n` distinct items of `list`, in a random order. */
    sample(list, n) {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}

function seedFor(worklog) {
  return createHash('sha256').update(`${SEED}:${worklog}`).digest().readUInt32LE(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Phrase banks, written for this benchmark: [English, Vietnamese] pairs.

const TASKS = [
  ['Set up the team repository and branch protection', 'Thiết lập kho mã nguồn của nhóm và bảo vệ nhánh'],
  ['Write the onboarding checklist for new members', 'Viết danh sách việc cần làm cho thành viên mới'],
  ['Create a virtual network with public and private subnets', 'Tạo mạng ảo với subnet công khai và riêng tư'],
  ['Launch two virtual machines behind a load balancer', 'Khởi chạy hai máy ảo phía sau bộ cân bằng tải'],
  ['Store build artifacts in an object storage bucket', 'Lưu các bản build trong bucket lưu trữ đối tượng'],
  ['Configure access roles with least privilege', 'Cấu hình vai trò truy cập theo đặc quyền tối thiểu'],
  ['Set up a managed relational database', 'Thiết lập cơ sở dữ liệu quan hệ được quản lý'],
  ['Design the key schema of a document table', 'Thiết kế khóa cho bảng dữ liệu dạng tài liệu'],
  ['Write a serverless function that resizes images', 'Viết hàm serverless thay đổi kích thước ảnh'],
  ['Expose the function through an HTTP API', 'Cung cấp hàm qua một API HTTP'],
  ['Add dashboards and alarms for the API', 'Thêm bảng điều khiển và cảnh báo cho API'],
  ['Automate deployments with a build pipeline', 'Tự động triển khai bằng pipeline build'],
  ['Describe the infrastructure as code templates', 'Mô tả hạ tầng bằng các template mã'],
  ['Put a content delivery network in front of the site', 'Đặt mạng phân phối nội dung trước trang web'],
  ['Register a domain and issue a certificate', 'Đăng ký tên miền và cấp chứng chỉ'],
  ['Send notifications through a message queue', 'Gửi thông báo qua hàng đợi tin nhắn'],
  ['Review the monthly cost report', 'Xem lại báo cáo chi phí hằng tháng'],
  ['Back up the database and test a restore', 'Sao lưu cơ sở dữ liệu và thử khôi phục'],
  ['Run containers on a managed cluster', 'Chạy container trên cụm được quản lý'],
  ['Write unit tests for the upload service', 'Viết kiểm thử đơn vị cho dịch vụ tải lên'],
  ['Prepare the mid-term presentation', 'Chuẩn bị bài thuyết trình giữa kỳ'],
  ['Meet the mentor and agree on the project scope', 'Gặp người hướng dẫn và thống nhất phạm vi dự án'],
  ['Translate last week\'s notes into the report', 'Chuyển ghi chú tuần trước vào báo cáo'],
  ['Fix the login flow of the web client', 'Sửa luồng đăng nhập của ứng dụng web'],
  ['Cache frequent queries in memory', 'Lưu đệm các truy vấn thường dùng trong bộ nhớ'],
  ['Load test the API with a thousand users', 'Kiểm thử tải API với một nghìn người dùng'],
  ['Document the architecture diagram', 'Viết tài liệu cho sơ đồ kiến trúc'],
  ['Clean up unused resources', 'Dọn dẹp các tài nguyên không dùng'],
  ['Read the security best practices guide', 'Đọc hướng dẫn thực hành bảo mật tốt nhất'],
  ['Pair with a teammate on the search feature', 'Làm cặp với đồng đội trên tính năng tìm kiếm'],
];

const SUBTASKS = [
  ['Compute', 'Tính toán'], ['Storage', 'Lưu trữ'], ['Networking', 'Mạng'], ['Databases', 'Cơ sở dữ liệu'],
  ['read the service limits', 'đọc giới hạn dịch vụ'], ['compare pricing options', 'so sánh các lựa chọn giá'],
  ['write down the commands used', 'ghi lại các lệnh đã dùng'], ['take screenshots for the report', 'chụp màn hình cho báo cáo'],
  ['try the console first, then the CLI', 'thử trên console trước, sau đó dùng CLI'], ['tag every resource', 'gắn thẻ mọi tài nguyên'],
  ['check the logs after each change', 'kiểm tra log sau mỗi thay đổi'], ['ask the mentor to review', 'nhờ người hướng dẫn xem lại'],
];

const OBJECTIVES = [
  ['Understand how the core services fit together.', 'Hiểu cách các dịch vụ cốt lõi kết hợp với nhau.'],
  ['Get comfortable with the console and the command line.', 'Làm quen với console và dòng lệnh.'],
  ['Deploy a small application end to end.', 'Triển khai trọn vẹn một ứng dụng nhỏ.'],
  ['Keep costs visible from the first day.', 'Theo dõi chi phí ngay từ ngày đầu.'],
  ['Practise writing infrastructure as code.', 'Thực hành viết hạ tầng bằng mã.'],
  ['Learn to monitor and debug a running service.', 'Học cách giám sát và gỡ lỗi dịch vụ đang chạy.'],
  ['Agree with the team on the project plan.', 'Thống nhất kế hoạch dự án với nhóm.'],
  ['Secure every account and key.', 'Bảo mật mọi tài khoản và khóa.'],
  ['Write clear notes for each lab.', 'Viết ghi chú rõ ràng cho từng bài lab.'],
  ['Finish the features planned for the demo.', 'Hoàn thành các tính năng dự kiến cho buổi demo.'],
];

const ACHIEVEMENTS = [
  ['Deployed the first version of the service and shared the link with the team.', 'Đã triển khai phiên bản đầu tiên của dịch vụ và gửi đường dẫn cho nhóm.'],
  ['Can explain the difference between the storage classes.', 'Có thể giải thích sự khác nhau giữa các lớp lưu trữ.'],
  ['Wrote a template that recreates the whole environment.', 'Đã viết template tạo lại toàn bộ môi trường.'],
  ['Cut the monthly estimate by a third.', 'Giảm ước tính chi phí hằng tháng một phần ba.'],
  ['All labs of the week are done and documented.', 'Hoàn thành và ghi chép đầy đủ các bài lab trong tuần.'],
  ['Learned to read metrics and set useful alarms.', 'Biết đọc số liệu và đặt cảnh báo hữu ích.'],
  ['The pipeline now deploys on every merge.', 'Pipeline giờ tự triển khai sau mỗi lần merge.'],
  ['Fixed two bugs reported by the mentor.', 'Đã sửa hai lỗi do người hướng dẫn báo.'],
];

const SUMMARIES = [
  ['A busy week: most of the time went into the labs, and the notes are in the team wiki.', 'Một tuần bận rộn: phần lớn thời gian dành cho các bài lab, ghi chú đã đưa lên wiki của nhóm.'],
  ['Next week builds on this one, so the environment stays up.', 'Tuần sau tiếp nối tuần này nên môi trường vẫn được giữ lại.'],
  ['The hardest part was the network setup; drawing the subnets on paper helped.', 'Phần khó nhất là cấu hình mạng; vẽ các subnet ra giấy đã giúp ích.'],
  ['Costs stayed inside the free tier this week.', 'Chi phí tuần này vẫn nằm trong gói miễn phí.'],
  ['The team met twice to split the work for the final project.', 'Nhóm họp hai lần để chia việc cho dự án cuối kỳ.'],
];

const URLS = [
  'https://docs.example.org/compute/getting-started', 'https://docs.example.org/storage/buckets',
  'https://learn.example.com/labs/networking-101', 'https://learn.example.com/labs/serverless',
  'https://wiki.example.net/team/onboarding', 'https://docs.example.org/iam/roles',
  'https://learn.example.com/labs/databases', 'https://docs.example.org/monitoring/alarms',
];
const LINK_TEXT = [['Guide', 'Hướng dẫn'], ['Lab', 'Bài lab'], ['Docs', 'Tài liệu'], ['Workshop', 'Workshop']];

// ---------------------------------------------------------------------------------------------------------------
// Dates: plain UTC arithmetic (no time zones, no DST).

const DAY_MS = 86_400_000;
const pad = (n, w = 2) => String(n).padStart(w, '0');
const addDays = (d, n) => new Date(d.getTime() + n * DAY_MS);
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function writeDate(d, order) {
  const day = pad(d.getUTCDate());
  const month = pad(d.getUTCMonth() + 1);
  return order === 'mdy' ? `${month}/${day}/${d.getUTCFullYear()}` : `${day}/${month}/${d.getUTCFullYear()}`;
}

// Day labels, index 0 = Monday … 6 = Sunday.
const LABELS = {
  thu: { en: ['2', '3', '4', '5', '6', '7', 'CN'], vi: ['2', '3', '4', '5', '6', '7', 'CN'] },
  names: { en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], vi: ['Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7', 'CN'] },
};

const HEADERS = {
  en: ['Day', 'Task', 'Start Date', 'Completion Date', 'Reference Material'],
  vi: ['Thứ', 'Công việc', 'Ngày bắt đầu', 'Ngày hoàn thành', 'Nguồn tài liệu'],
};

// ---------------------------------------------------------------------------------------------------------------
// One worklog

/** The plan of one worklog: its style and, for each week, the rows both languages share. */
function planWorklog(index) {
  const r = rng(seedFor(index));
  // Programs start on a Monday between January and September 2025.
  const firstMonday = new Date(Date.UTC(2025, 0, 6));
  const start = addDays(firstMonday, 7 * r.int(0, 36));
  const style = {
    dayLabels: r.chance(0.6) ? 'thu' : 'names',
    enOrder: r.chance(0.3) ? 'mdy' : 'dmy',
    // The front matter date: the week's Monday, or the day the page was written at the end of the week.
    publishOffset: r.pick([0, 0, 4, 5]),
    shortTitle: r.chance(0.3),
    padded: r.chance(0.1),
  };
  const weeks = [];
  for (let w = 1; w <= WEEKS; w++) {
    const monday = addDays(start, 7 * (w - 1));
    const rowCount = r.pick([5, 5, 6, 6, 7]);
    const tasks = r.sample(TASKS.map((_, i) => i), rowCount);
    const rows = tasks.map((task, day) => {
      // Some tasks run into the next day (never past the last row's day).
      const span = day < rowCount - 1 && r.chance(0.15) ? 1 : 0;
      const subs = r.chance(0.4) ? r.sample(SUBTASKS.map((_, i) => i), r.int(1, 2)) : [];
      const ref = r.chance(0.75) ? { url: r.pick(URLS), text: r.chance(0.5) ? r.int(0, LINK_TEXT.length - 1) : undefined } : undefined;
      return { day, start: addDays(monday, day), end: addDays(monday, day + span), task, subs, practice: r.chance(0.2), ref };
    });
    weeks.push({
      week: w,
      monday,
      rows,
      objectives: r.sample(OBJECTIVES.map((_, i) => i), r.int(2, 3)),
      more: r.chance(0.4),
      achievements: r.sample(ACHIEVEMENTS.map((_, i) => i), 2),
      summaries: r.sample(SUMMARIES.map((_, i) => i), r.pick([1, 1, 2])),
      topic: r.int(0, TASKS.length - 1),
    });
  }
  return { index, start, style, weeks, r };
}

const MISTAKES = ['three-digit-day', 'completion-before-start', 'missing-cell', 'weekday-mismatch'];

function cellsOf(row, lang, style, mistake, li) {
  const L = lang === 'en' ? 0 : 1;
  const order = lang === 'en' ? style.enOrder : 'dmy';
  let task = `- ${row.practice ? (lang === 'en' ? '**Practice:** ' : '**Thực hành:** ') : ''}${TASKS[row.task][L]}`;
  for (const s of row.subs) task += ` <br>&emsp; + ${SUBTASKS[s][L]}`;
  let startDate = row.start;
  let endDate = row.end;
  let start = writeDate(startDate, order);
  let end = writeDate(endDate, order);
  let label = LABELS[style.dayLabels][lang][row.day];
  if (mistake?.row === li) {
    if (mistake.kind === 'three-digit-day') {
      // "011/09/2025" style: a stray digit in the day.
      const parts = start.split('/');
      const d = order === 'mdy' ? 1 : 0;
      parts[d] = `${parts[d][1]}${parts[d]}`;
      start = parts.join('/');
    } else if (mistake.kind === 'completion-before-start') {
      endDate = addDays(startDate, -1);
      end = writeDate(endDate, order);
    } else if (mistake.kind === 'weekday-mismatch') {
      // The label of the next day: Tuesday's row says Wednesday.
      label = LABELS[style.dayLabels][lang][(row.day + 1) % 7];
    }
  }
  const ref = row.ref
    ? row.ref.text === undefined ? `<${row.ref.url}>` : `[${LINK_TEXT[row.ref.text][L]}](${row.ref.url})`
    : '';
  const cells = [label, task, start, end, ref];
  if (mistake?.row === li && mistake.kind === 'missing-cell') cells.pop();
  return cells;
}

function tableText(header, rows, padded) {
  const all = [header, ...rows];
  if (!padded) {
    return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  }
  const widths = header.map((_, i) => Math.max(3, ...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

function weekPage(plan, week, lang, mistake) {
  const { style } = plan;
  const L = lang === 'en' ? 0 : 1;
  const w = week.week;
  const title = lang === 'en' ? (style.shortTitle ? `Week ${w}` : `Week ${w} Worklog`) : (style.shortTitle ? `Tuần ${w}` : `Worklog Tuần ${w}`);
  const out = [
    '---',
    `title: "${title}"`,
    `date: ${iso(addDays(week.monday, style.publishOffset))}`,
    `weight: ${w}`,
    'chapter: false',
    `pre: " <b> 1.${w}. </b> "`,
    '---',
    '',
    lang === 'en' ? `### Week ${w} Objectives:` : `### Mục tiêu tuần ${w}:`,
    '',
    ...week.objectives.map((o) => `* ${OBJECTIVES[o][L]}`),
    '',
    lang === 'en' ? '### Tasks carried out this week:' : '### Các công việc thực hiện trong tuần:',
    '',
    tableText(HEADERS[lang], week.rows.map((row, i) => cellsOf(row, lang, style, mistake, i)), style.padded),
    '',
    lang === 'en' ? `### Week ${w} Achievements:` : `### Kết quả đạt được tuần ${w}:`,
    '',
    ...week.achievements.map((a) => `* ${ACHIEVEMENTS[a][L]}`),
    '',
    lang === 'en' ? '### Summary' : '### Tổng kết',
    '',
    ...week.summaries.flatMap((s) => [SUMMARIES[s][L], '']),
  ];
  if (week.more) {
    out.push(lang === 'en'
      ? `More in the [team wiki](https://wiki.example.net/team/week-${w}) and <https://docs.example.org/changelog>.`
      : `Chi tiết thêm trong [wiki của nhóm](https://wiki.example.net/team/week-${w}) và <https://docs.example.org/changelog>.`, '');
  }
  return out.join('\n');
}

function indexPage(plan, lang) {
  const L = lang === 'en' ? 0 : 1;
  const lines = [
    '---',
    `title: "${lang === 'en' ? 'Worklog' : 'Nhật ký công việc'}"`,
    `date: ${iso(plan.start)}`,
    'weight: 1',
    'chapter: false',
    'pre: " <b> 1. </b> "',
    '---',
    '',
    lang === 'en'
      ? `Weekly notes from a ${WEEKS}-week internship, one page a week with the tasks, their dates and what came of them.`
      : `Ghi chép hằng tuần trong ${WEEKS} tuần thực tập, mỗi tuần một trang gồm công việc, ngày thực hiện và kết quả.`,
    '',
  ];
  for (const week of plan.weeks) {
    lines.push(`**${lang === 'en' ? 'Week' : 'Tuần'} ${week.week}:** [${TASKS[week.topic][L]}](1.${week.week}-week${week.week}/)`, '');
  }
  return lines.join('\n');
}

/** The files of worklog `index` (paths relative to the workspace) and how many mistakes it holds. */
export function worklogFiles(index, width = 2) {
  const plan = planWorklog(index);
  const site = `wl-${pad(index, width)}`;
  const root = `${site}/content/1-Worklog`;
  const files = new Map();
  let mistakes = 0;
  files.set(`${site}/hugo.toml`, `baseURL = "https://${site}.example.org/"\ntitle = "Internship report"\ndefaultContentLanguage = "en"\n\n[languages.en]\nweight = 1\n\n[languages.vi]\nweight = 2\n`);
  files.set(`${root}/_index.md`, indexPage(plan, 'en'));
  files.set(`${root}/_index.vi.md`, indexPage(plan, 'vi'));
  for (const week of plan.weeks) {
    for (const lang of ['en', 'vi']) {
      let mistake;
      if (plan.r.chance(MISTAKE_RATE)) {
        mistake = { kind: plan.r.pick(MISTAKES), row: plan.r.int(0, week.rows.length - 2) };
        mistakes++;
      }
      const file = lang === 'en' ? '_index.md' : '_index.vi.md';
      files.set(`${root}/1.${week.week}-Week${week.week}/${file}`, weekPage(plan, week, lang, mistake));
    }
  }
  return { files, mistakes };
}

/** Generates bench/workspaces/<pages>/ unless it is already there from this generator; returns its folder and facts. */
export function ensureWorkspace(pages, { log = () => {} } = {}) {
  if (pages % (WEEKS * 2) !== 0) throw new Error(`pages must be a multiple of ${WEEKS * 2}`);
  const dir = join(WORKSPACES, String(pages));
  const stamp = join(dir, '.generator.json');
  if (existsSync(stamp)) {
    try {
      const facts = JSON.parse(readFileSync(stamp, 'utf8'));
      if (facts.generator === GENERATOR_ID && facts.pages === pages) return { dir, ...facts };
    } catch {
      // A broken stamp: regenerate.
    }
  }
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  const worklogs = pages / (WEEKS * 2);
  const width = Math.max(2, String(worklogs).length);
  let files = 0;
  let markdown = 0;
  let bytes = 0;
  let mistakes = 0;
  for (let i = 1; i <= worklogs; i++) {
    const wl = worklogFiles(i, width);
    mistakes += wl.mistakes;
    for (const [rel, text] of wl.files) {
      const abs = join(dir, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
      files++;
      if (rel.endsWith('.md')) {
        markdown++;
        bytes += Buffer.byteLength(text);
      }
    }
  }
  const facts = { generator: GENERATOR_ID, seed: SEED, pages, worklogs, weeks: WEEKS, markdownFiles: markdown, files, markdownBytes: bytes, mistakes };
  writeFileSync(stamp, JSON.stringify(facts, null, 2) + '\n');
  log(`generated ${dir}: ${markdown} Markdown files (${pages} week pages), ${mistakes} with a mistake, ${(performance.now() - t0).toFixed(0)} ms`);
  return { dir, ...facts };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const size of sizes.length ? sizes : SIZES) {
    const facts = ensureWorkspace(size, { log: (m) => console.log(m) });
    console.log(`${size}: ${facts.markdownFiles} files, ${(facts.markdownBytes / facts.markdownFiles).toFixed(0)} bytes/file on average, ${facts.mistakes} mistakes`);
  }
}
