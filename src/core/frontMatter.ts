// Front matter: found the way Hugo finds it (a first line that is exactly --- or +++), read with gray-matter whose
// engines are replaced so that nothing is ever evaluated, and parsed by libraries that keep positions.
import matter from 'gray-matter';
import { isAlias, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import { t } from './l10n';
import type { Fix, FrontMatter, FrontMatterEntry, FrontMatterProblem, Span } from './model';
import type { LineIndex } from './text';

export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  readonly problem?: FrontMatterProblem;
  /** First line of the body (after the front matter, or 0 when there is none). */
  readonly bodyLine: number;
}

/** Thrown by the engines gray-matter would otherwise evaluate (`---js`, `---coffee`). */
class RefusedLanguage extends Error {}

interface ParsedBlock {
  readonly entries: FrontMatterEntry[];
  readonly errors: { span: Span; message: string }[];
}

const NEAR_MISS_YAML = /^\s*(?:-{2}|-{4,}|[—–][\s—–-]*|-\s*-\s*-[\s-]*)\s*$/u;
const NEAR_MISS_TOML = /^\s*(?:\+{2}|\+{4,}|\+\s*\+\s*\+[\s+]*)\s*$/u;
const KEY_LINE = /^[A-Za-z_][\w-]*\s*[:=]/;

/**
 * Finds and parses the front matter of a page. `reference`: read YAML with the yaml library only (the plain reader is
 * skipped), as the tests that compare the two do.
 */
export function readFrontMatter(index: LineIndex, bom: boolean, reference = false): FrontMatterResult {
  const text = index.text;
  const firstLine = index.lineText(0).slice(bom ? 1 : 0);
  const lineStart = bom ? 1 : 0;
  const open = /^(---|\+\+\+)([A-Za-z]*)[ \t]*$/.exec(firstLine);

  if (open) {
    const delim = open[1];
    const nearMiss = delim === '---' ? NEAR_MISS_YAML : NEAR_MISS_TOML;
    let close = -1;
    let bad = -1;
    for (let line = 1; line < index.lineCount; line++) {
      const lt = index.lineText(line);
      if (lt.trimEnd() === delim) {
        close = line;
        break;
      }
      const near = nearMiss.test(lt);
      if (bad === -1 && near) bad = line;
      // A line that only starts with the delimiter ("---title: …") ends the front matter for Hugo, whose lexer looks
      // for the delimiter at the start of a line; the rest of the line falls into the page. (gray-matter splits there
      // too, so the block is never read past it.) No fix: what the line was meant to be is not clear.
      if (!near && bad === -1 && lt.startsWith(delim)) {
        const s = index.span(index.starts[line], index.lineEnd(line));
        return {
          frontMatter: parseBlock(index, 0, line, delim, open[2], lineStart, reference),
          problem: { kind: 'bad-close', span: s, message: t('Hugo ends the front matter at "{0}": a line that starts with "{1}" closes it, and the rest of the line is not read as front matter.', lt.trim(), delim) },
          bodyLine: line + 1,
        };
      }
    }
    if (bad !== -1) {
      // A dash line before the real close (or instead of it): Hugo does not close the front matter there.
      const s = index.span(index.starts[bad], index.lineEnd(bad));
      const fix: Fix = { title: t('Replace with "{0}"', delim), edits: [{ span: s, newText: delim }], preferred: true };
      const parsed = parseBlock(index, 0, bad, delim, open[2], lineStart, reference);
      return {
        frontMatter: parsed,
        problem: { kind: 'bad-close', span: s, message: t('The front matter is closed by "{0}", not by a line that is exactly "{1}": Hugo does not read this front matter.', index.lineText(bad).trim(), delim), fix },
        bodyLine: bad + 1,
      };
    }
    if (close === -1) {
      return {
        problem: { kind: 'unclosed', span: index.span(lineStart, index.lineEnd(0)), message: t('The front matter opened here is never closed by a line that is exactly "{0}".', delim) },
        bodyLine: 1,
      };
    }
    return { frontMatter: parseBlock(index, 0, close, delim, open[2], lineStart, reference), bodyLine: close + 1 };
  }

  // Opened by something Hugo does not accept ("--", "----", "— — —") but closed by a proper delimiter line.
  if (NEAR_MISS_YAML.test(firstLine) || NEAR_MISS_TOML.test(firstLine)) {
    const delim = NEAR_MISS_YAML.test(firstLine) ? '---' : '+++';
    for (let line = 1; line < Math.min(index.lineCount, 60); line++) {
      const lt = index.lineText(line);
      if (lt.trimEnd() === delim || NEAR_MISS_YAML.test(lt)) {
        if (line === 1 || !KEY_LINE.test(index.lineText(1))) break;
        const s = index.span(lineStart, index.lineEnd(0));
        return {
          frontMatter: parseBlock(index, 0, line, delim, '', lineStart, reference),
          problem: { kind: 'bad-open', span: s, message: t('The front matter is opened by "{0}", not by a line that is exactly "{1}": Hugo does not read this front matter.', firstLine.trim(), delim), fix: { title: t('Replace with "{0}"', delim), edits: [{ span: s, newText: delim }], preferred: true } },
          bodyLine: line + 1,
        };
      }
    }
  }

  // Keys at the top of the page with a closing "---" but no opening line.
  if (KEY_LINE.test(firstLine)) {
    for (let line = 1; line < Math.min(index.lineCount, 40); line++) {
      const lt = index.lineText(line);
      if (lt.trimEnd() === '---' || NEAR_MISS_YAML.test(lt)) {
        const at = index.positionAt(lineStart);
        const fm = parseBlock(index, -1, line, '---', '', lineStart, reference);
        return {
          frontMatter: fm,
          problem: { kind: 'bad-open', span: index.span(lineStart, index.lineEnd(0)), message: t('The front matter has no opening "---" line: Hugo shows these keys as text.'), fix: { title: t('Insert the opening "---" line'), edits: [{ span: { start: at, end: at }, newText: '---' + eolOf(text) }], preferred: true } },
          bodyLine: line + 1,
        };
      }
      if (lt.trim() !== '' && !KEY_LINE.test(lt) && !/^\s+\S/.test(lt) && !/^\s*-\s/.test(lt)) break;
    }
  }

  return {
    problem: { kind: 'missing', span: index.span(lineStart, index.lineEnd(0)), message: t('This page has no front matter: Hugo needs a block opened and closed by "---" (YAML) or "+++" (TOML).') },
    bodyLine: 0,
  };
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/**
 * Parses the lines strictly between `openLine` and `closeLine` (openLine −1: the block starts at line 0 with no
 * opening line). gray-matter splits and dispatches on the language; the engines below never evaluate anything.
 */
function parseBlock(index: LineIndex, openLine: number, closeLine: number, delim: string, language: string, lineStart: number, reference: boolean): FrontMatter {
  const contentStart = openLine < 0 ? lineStart : index.lineEnd(openLine);
  // The block ends with the last line's text: its \r\n belongs to no value (a CRLF page must read like an LF one).
  const lastLine = closeLine - 1;
  const contentEnd = lastLine >= 0 && index.lineEnd(lastLine) >= contentStart ? index.lineEnd(lastLine) : contentStart;
  const content = index.text.slice(contentStart, contentEnd);
  const format: 'yaml' | 'toml' = delim === '+++' ? 'toml' : 'yaml';
  const span = index.span(lineStart, index.lineEnd(closeLine));
  const errors: { span: Span; message: string }[] = [];
  let block: ParsedBlock = { entries: [], errors: [] };

  const refuse = (): never => {
    throw new RefusedLanguage(language);
  };
  // Only YAML and TOML are data. Anything else after the delimiter is refused before gray-matter looks it up (its
  // engine table is a plain object: "constructor" or "toString" would otherwise name something).
  const known = language === '' || /^(?:yaml|yml|toml)$/i.test(language);
  // Without an opening line the block is handed over after an artificial line break, which maps to no real text.
  const prefix = openLine < 0 ? '\n' : '';
  const base = (src: string): number => contentStart - prefix.length + offsetIn(prefix + content, src);
  const engines = {
    yaml: (src: string) => ({ __worklog: parseYaml(src, index, base(src), reference) }),
    toml: (src: string) => ({ __worklog: parseTomlBlock(src, index, base(src)) }),
    javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse, cson: refuse, json: refuse,
  };
  // gray-matter wants the opening delimiter: hand it the block exactly as Hugo would see it once repaired.
  const input = `${delim}${language}${prefix}${content}\n${delim}\n`;
  try {
    if (!known) throw /^(?:js|javascript|coffee|coffeescript|cson)$/i.test(language) ? new RefusedLanguage(language) : new Error(language);
    const file = matter(input, { language: format, delimiters: delim, engines } as never) as { data: { __worklog?: ParsedBlock } };
    if (file.data.__worklog) block = file.data.__worklog;
  } catch (error) {
    const where = index.span(lineStart, index.lineEnd(Math.max(0, openLine)));
    if (error instanceof RefusedLanguage) {
      errors.push({ span: where, message: t('Front matter in "{0}" is code: Worklog never runs it, and Hugo only reads YAML (---) or TOML (+++) front matter.', language) });
    } else {
      errors.push({ span: where, message: t('Front matter language "{0}" is not supported: use YAML (---) or TOML (+++).', language || format) });
    }
  }
  const entries = new Map<string, FrontMatterEntry>();
  for (const e of block.entries) if (!entries.has(e.key)) entries.set(e.key, e);
  return { format, span, closeLine, entries, syntaxErrors: [...errors, ...block.errors] };
}

/** Where gray-matter's slice of the block starts inside `content` (it hands the engine the text after the open line). */
function offsetIn(content: string, src: string): number {
  if (content.startsWith(src)) return 0;
  const i = content.indexOf(src);
  return i < 0 ? 0 : i;
}

function parseYaml(src: string, index: LineIndex, base: number, reference: boolean): ParsedBlock {
  const entries: FrontMatterEntry[] = [];
  const errors: { span: Span; message: string }[] = [];
  const at = (a: number, b: number): Span => index.span(base + a, base + b);
  const plain = reference ? undefined : plainYaml(src);
  if (plain) {
    for (const e of plain) {
      entries.push({ key: e.key, keySpan: at(e.key0, e.key1), valueSpan: at(e.value0, e.value1), value: e.value, source: src.slice(e.value0, e.value1), quoted: e.quoted });
    }
    return { entries, errors };
  }
  let doc: Document.Parsed;
  try {
    // The core schema keeps dates as text; aliases are bounded so a "billion laughs" block cannot blow up.
    // Tags never build objects (no !!timestamp Date, !!set, !!binary), warnings are collected rather than printed, and
    // duplicate keys are found below in one pass (the library's own check is quadratic in the number of keys).
    doc = parseDocument(src, { schema: 'core', uniqueKeys: false, resolveKnownTags: false, prettyErrors: false, strict: true, logLevel: 'error' });
  } catch (error) {
    errors.push({ span: at(0, Math.min(src.length, 1)), message: t('The front matter is not valid YAML: {0}', String((error as Error).message)) });
    return { entries, errors };
  }
  for (const e of doc.errors) {
    const [a, b] = e.pos;
    errors.push({ span: at(a, Math.max(b, a)), message: t('The front matter is not valid YAML: {0}', firstLine(e.message)) });
  }
  for (const w of doc.warnings) {
    // A tag such as !!js/function asks for an object to be built: never done, and said so (Hugo rejects it too).
    if (w.code !== 'TAG_RESOLVE_FAILED') continue;
    const [a, b] = w.pos;
    errors.push({ span: at(a, Math.max(b, a)), message: t('The front matter uses a YAML tag Worklog does not run or build ({0}): front matter is data; remove the tag.', src.slice(a, b).trim() || firstLine(w.message)) });
  }
  if (doc.errors.length === 0) {
    try {
      doc.toJS({ maxAliasCount: 50 });
      // (toJS is only asked to prove the aliases are bounded; values come from the nodes below.)
    } catch (error) {
      errors.push({ span: at(0, 0), message: t('The front matter is not valid YAML: {0}', firstLine(String((error as Error).message))) });
    }
  }
  const contents = doc.contents;
  if (contents && !isMap(contents) && !(isScalar(contents) && contents.value === null)) {
    const r = contents.range ?? [0, 0, 0];
    errors.push({ span: at(r[0], r[1]), message: t('The front matter must be a list of "key: value" lines.') });
  }
  if (isMap(contents)) {
    const seen = new Set<string>();
    for (const pair of contents.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) continue;
      const name = String(key.value);
      if (seen.has(name)) {
        errors.push({ span: at(key.range[0], key.range[1]), message: t('The front matter is not valid YAML: {0}', t('the key "{0}" is written twice', name)) });
      }
      seen.add(name);
      const value = pair.value;
      const kr = key.range;
      const vr = (value as { range?: [number, number, number] } | null)?.range ?? [kr[1], kr[1], kr[1]];
      let parsed: unknown;
      if (isScalar(value)) parsed = value.value;
      else if (isAlias(value)) parsed = undefined;
      else if (value) {
        try {
          parsed = (value as { toJSON(): unknown }).toJSON();
        } catch {
          parsed = undefined;
        }
      } else parsed = null;
      entries.push({
        key: String(key.value),
        keySpan: at(kr[0], kr[1]),
        valueSpan: at(vr[0], vr[1]),
        value: parsed,
        source: src.slice(vr[0], vr[1]),
        quoted: isScalar(value) && (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE'),
      });
    }
  }
  return { entries, errors };
}

interface PlainEntry {
  readonly key: string;
  readonly key0: number;
  readonly key1: number;
  readonly value0: number;
  readonly value1: number;
  readonly value: string | number | boolean;
  readonly quoted: boolean;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Keys the core schema would read as null or a boolean (the page's key would then be "null", "true"…). */
const NOT_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Quoted text without escapes, quotes of either kind, control characters, surrogates or YAML 1.1 line breaks. */
// eslint-disable-next-line no-control-regex -- the control characters are what it refuses
const QUOTED_TEXT = /^[^"'\\\u0000-\u0008\u000a-\u001f\u007f-\u009f\ud800-\udfff\ufeff\u2028\u2029]*$/;
/** A plain value made of letters (any script, with their combining marks), digits and a few signs that mean nothing to YAML inside a scalar. */
const PLAIN_VALUE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._/()+-]*$/u;
const CORE_INT = /^[-+]?[0-9]+$/;
/** What the core schema reads as anything but a string, once decimal integers are told apart (null, octal, hex, float, .inf, .nan). */
const CORE_OTHER = /^(?:~|null|Null|NULL|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * The plain reader for the front matter almost every worklog page has: top-level `key: value` lines whose values are
 * a quoted string without escapes, a boolean, a decimal integer or plain words and dates. Anything else — nesting,
 * lists, comments, tabs, escapes, empty values, floats, anchors, a repeated key, a line it does not know — returns
 * undefined and the yaml library reads the block. Read the same way as the library does (a property test compares
 * them), at a fraction of the cost.
 */
export function plainYaml(src: string): PlainEntry[] | undefined {
  if (src.indexOf('\t') >= 0) return undefined;
  const out: PlainEntry[] = [];
  const keys = new Set<string>();
  let start = 0;
  while (start <= src.length) {
    let end = src.indexOf('\n', start);
    if (end < 0) end = src.length;
    const lineEnd = end > start && src.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const line = src.slice(start, lineEnd);
    if (line.indexOf('\r') >= 0 || line.length > 1000) return undefined;
    if (line !== '') {
      const colon = line.indexOf(': ');
      if (colon <= 0) return undefined;
      const key = line.slice(0, colon);
      if (!PLAIN_KEY.test(key) || NOT_STRING_KEY.test(key) || keys.has(key)) return undefined;
      keys.add(key);
      let v0 = colon + 2;
      while (v0 < line.length && line.charCodeAt(v0) === 32) v0++;
      let v1 = line.length;
      while (v1 > v0 && line.charCodeAt(v1 - 1) === 32) v1--;
      if (v1 === v0) return undefined;
      const text = line.slice(v0, v1);
      const q = text.charCodeAt(0);
      let value: string | number | boolean;
      let quoted = false;
      if (q === 34 /* " */ || q === 39 /* ' */) {
        if (text.length < 2 || text.charCodeAt(text.length - 1) !== q) return undefined;
        value = text.slice(1, -1);
        if (!QUOTED_TEXT.test(value)) return undefined;
        quoted = true;
      } else {
        if (!PLAIN_VALUE.test(text)) return undefined;
        if (text === 'true' || text === 'True' || text === 'TRUE') value = true;
        else if (text === 'false' || text === 'False' || text === 'FALSE') value = false;
        else if (CORE_INT.test(text)) {
          if (text.length > 15) return undefined;
          value = parseInt(text, 10);
        } else if (CORE_OTHER.test(text)) return undefined;
        else value = text;
      }
      out.push({ key, key0: start, key1: start + colon, value0: start + v0, value1: start + v1, value, quoted });
    }
    start = end + 1;
  }
  return out.length > 0 ? out : undefined;
}

const TOML_KEY = /^([ \t]*)([A-Za-z0-9_-]+|"[^"\n]*")[ \t]*=[ \t]*/;

/** A TOML value's source without its trailing comment and blanks (one pass, quotes respected). */
function tomlValueSource(rest: string): string {
  let quote = '';
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      end = i;
      break;
    }
  }
  return rest.slice(0, end).replace(/[ \t]+$/, '');
}

function parseTomlBlock(src: string, index: LineIndex, base: number): ParsedBlock {
  const entries: FrontMatterEntry[] = [];
  const errors: { span: Span; message: string }[] = [];
  let data: Record<string, unknown> = {};
  try {
    data = parseToml(src) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const lines = src.split('\n');
      let offset = 0;
      for (let i = 0; i < error.line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
      offset += Math.max(0, error.column - 1);
      errors.push({ span: index.span(base + offset, base + offset + 1), message: t('The front matter is not valid TOML: {0}', firstLine(error.message)) });
    } else {
      errors.push({ span: index.span(base, base), message: t('The front matter is not valid TOML: {0}', String((error as Error).message)) });
    }
  }
  // smol-toml gives no positions: top-level keys are found line by line (the block's lines before any [table]).
  let offset = 0;
  for (const line of src.split('\n')) {
    const clean = line.replace(/\r$/, '');
    if (/^\s*\[/.test(clean)) break;
    const m = TOML_KEY.exec(clean);
    if (m) {
      const key = m[2].startsWith('"') ? m[2].slice(1, -1) : m[2];
      const keyStart = offset + m[1].length;
      const valueStart = offset + m[0].length;
      const source = tomlValueSource(clean.slice(m[0].length));
      const quoted = /^["']/.test(source);
      let value: unknown = Object.hasOwn(data, key) ? data[key] : undefined;
      // Dates stay text: TOML date values are reported by their source, never converted through a time zone.
      if (value instanceof Date) value = source;
      entries.push({
        key,
        keySpan: index.span(base + keyStart, base + keyStart + m[2].length),
        valueSpan: index.span(base + valueStart, base + valueStart + source.length),
        value,
        source,
        quoted,
      });
    }
    offset += line.length + 1;
  }
  return { entries, errors };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
