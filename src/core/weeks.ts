// Which week a page claims, from each place it says so, and which language it is written in.
import type { Language, Span, WeekNumberSource } from './model';
import { memoByString } from './memo';

/** "Week 5", "week-05", "Week_13", "Tuần 5", "tuan-05": the week number in a name or a title. */
const WEEK_WORD = /(?:^|[^\p{L}])(?:week|wk|tuần|tuan)[\s_.#:-]*0*(\d{1,3})(?!\d)/iu;
/** "1.5-Week5", "1.5.": the number after the chapter in Hugo's numbered folders and `pre`. */
const CHAPTER_NUMBER = /^(\d{1,2})\.(\d{1,3})(?=$|[-_. ]|\.)/;

export function weekInText(text: string): { week: number; index: number; length: number } | undefined {
  const m = WEEK_WORD.exec(text);
  if (!m) return undefined;
  const digits = m[1];
  const index = m.index + m[0].length - digits.length;
  // Include the zero padding in the rewritable span: "Week 05" → the whole "05".
  let start = index;
  while (start > 0 && text[start - 1] === '0') start--;
  return { week: Number(digits), index: start, length: index + digits.length - start };
}

/** The week number a `pre` value such as ` <b> 1.5. </b> ` gives (the number after the chapter). */
export function weekInPre(pre: string): { week: number; index: number; length: number } | undefined {
  const m = /(?<![\d.])(\d{1,2})\.(\d{1,3})\.?(?![\d])/.exec(pre);
  if (!m) return undefined;
  const index = m.index + m[1].length + 1;
  return { week: Number(m[2]), index, length: m[2].length };
}

export interface PathFacts {
  /** Week number from the week's folder name (`1.5-Week5`, `week_5`, `week-05`), if the page sits in one. */
  readonly folderWeek?: number;
  /** Week number from the file name (`week-8.en.md`, `1.5-week5.md`, `tuan-05-….md`). */
  readonly fileWeek?: number;
  readonly language?: Language;
  /** The file is a section page (`_index.md`, `_index.vi.md`). */
  readonly isSectionFile: boolean;
  /** The folder that holds the weeks (the worklog). */
  readonly worklogDir: string;
  /** A page of a single day inside a week folder (`1.5.1-Day1-…`): not a week page. */
  readonly isDayPage: boolean;
  /** File name with its language suffix removed (`_index`, `week-8`), to pair twins. */
  readonly stem: string;
}

/** A folder named like a worklog ("1-Worklog", "worklog", "nhat-ky"): its numbered children are weeks. */
export const WORKLOG_FOLDER = /work[\s_-]*log|nhật[\s_-]*ký|nhat[\s_-]*ky|weekly/iu;

/**
 * The week number in a file or folder name. `1.5-…` counts only inside a worklog folder: elsewhere Hugo's numbered
 * sections (3.1-Blog1, 5.3-Step3) are not weeks.
 */
function numberIn(name: string, allowBare: boolean, inWorklog = allowBare): number | undefined {
  const word = weekInText(name);
  if (word) return word.week;
  const chapter = inWorklog ? CHAPTER_NUMBER.exec(name) : null;
  if (chapter) return Number(chapter[2]);
  if (allowBare && /^\d{1,2}$/.test(name)) return Number(name);
  return undefined;
}

/**
 * Facts a page's path gives: week number, language, whether it is a section page, and its worklog folder. Remembered
 * per path and frozen (every caller shares the one result).
 */
export const pathFacts: (path: string) => PathFacts = memoByString((path) => Object.freeze(readPathFacts(path)));

function readPathFacts(path: string): PathFacts {
  const parts = path.split('/').filter((p) => p.length > 0);
  const file = parts[parts.length - 1] ?? '';
  const dirs = parts.slice(0, -1);
  const langMatch = /\.(en|vi)\.(?:md|markdown)$/i.exec(file);
  let language: Language | undefined = langMatch ? (langMatch[1].toLowerCase() as Language) : undefined;
  if (!language) {
    // Hugo's content-per-language layout: content/vi/…, content/en/….
    const c = dirs.findIndex((d) => d.toLowerCase() === 'content');
    const seg = c >= 0 ? dirs[c + 1]?.toLowerCase() : undefined;
    if (seg === 'en' || seg === 'vi') language = seg;
  }
  const stem = file.replace(/(\.(en|vi))?\.(md|markdown)$/i, '');
  const isSectionFile = /^_?index$/i.test(stem);
  const folder = dirs[dirs.length - 1] ?? '';
  const parent = dirs[dirs.length - 2] ?? '';
  const grandparent = dirs[dirs.length - 3] ?? '';
  const isDayPage = isSectionFile && /(?:^|[^a-z])(?:day|ngày|ngay)[\s_-]*\d/i.test(folder) && numberIn(parent, false, WORKLOG_FOLDER.test(grandparent)) !== undefined;
  let folderWeek: number | undefined;
  let fileWeek: number | undefined;
  let worklogDir: string;
  if (isSectionFile) {
    folderWeek = isDayPage ? undefined : numberIn(folder, WORKLOG_FOLDER.test(parent));
    worklogDir = folderWeek !== undefined || isDayPage ? dirs.slice(0, isDayPage ? -2 : -1).join('/') : dirs.join('/');
  } else {
    fileWeek = numberIn(stem, false, WORKLOG_FOLDER.test(folder));
    worklogDir = dirs.join('/');
    if (fileWeek === undefined) {
      const fw = numberIn(folder, false, WORKLOG_FOLDER.test(parent));
      if (fw !== undefined) {
        folderWeek = fw;
        worklogDir = dirs.slice(0, -1).join('/');
      }
    }
  }
  return { folderWeek, fileWeek, language, isSectionFile, worklogDir, isDayPage, stem };
}

// Sticky: tested at one position at a time, so counting allocates nothing (matching every letter would build an
// array as long as the page).
const VI_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iuy;
const LETTER = /\p{L}/uy;

/** How many letters the first 6,000 code units of a text hold, and how many of them carry Vietnamese diacritics. */
export function letterCounts(text: string): { vi: number; letters: number } {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  let vi = 0;
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) letters++;
      continue;
    }
    LETTER.lastIndex = i;
    if (!LETTER.test(sample)) continue;
    letters++;
    VI_LETTER.lastIndex = i;
    if (VI_LETTER.test(sample)) vi++;
    // A letter outside the Basic Multilingual Plane takes two code units.
    if (LETTER.lastIndex === i + 2) i++;
  }
  return { vi, letters };
}

/** A guess at the language of a text: Vietnamese when its letters carry Vietnamese diacritics often enough. */
export function guessLanguage(text: string): Language {
  const { vi, letters } = letterCounts(text);
  return vi / (letters || 1) > 0.02 ? 'vi' : 'en';
}

export function sourceAt(kind: WeekNumberSource['kind'], week: number, span?: Span, numberSpan?: Span, numberText?: string): WeekNumberSource {
  return { kind, week, span, numberSpan, numberText };
}

/** The key that puts a page in its worklog: its worklog folder, with a Hugo language folder (content/vi/…) folded. */
export function worklogKey(path: string): string {
  const dir = pathFacts(path).worklogDir;
  return dir.replace(/(^|\/)content\/(en|vi)(?=\/|$)/i, '$1content/*');
}
