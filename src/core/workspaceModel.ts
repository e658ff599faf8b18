// The workspace as the engine sees it: parsed pages by path, grouped into worklogs, with findings recomputed per
// worklog only when one of its pages changed. Pure: the editor and the CLI feed it pages and read results.
// A worklog can also be restored from results kept from an earlier session (for exactly the same texts): its pages
// are then parsed only when something needs more than its findings and outline (a hover, a change, a new week).
import { classifyPage, type PageKind } from './analysis';
import { checkWorklog } from './engine';
import type { Finding, WorklogPage } from './model';
import { summarizeWorklog, type OutlineWorklog } from './outline';
import type { WorklogSettings } from './settings';
import type { WorklogResults } from './snapshot';
import { buildWorklog, groupWorklogs, worklogKey, type Worklog, type WorklogEntry } from './workspace';

interface Group {
  worklog?: Worklog;
  findings?: Map<string, Finding[]>;
  entries?: Map<string, WorklogEntry>;
  /** The worklog with its provisional pages too (for the outline); the same as `worklog` when it has none. */
  outline?: Worklog;
  /** The outline's data, taken from `outline` once. */
  summary?: OutlineWorklog;
  /** Results kept from an earlier session, valid while no page of the worklog changes. */
  restored?: WorklogResults;
}

interface PageEntry {
  /** Undefined while the page is known by its text only (restored, not parsed yet). */
  page?: WorklogPage;
  /** The text of a restored page that was not parsed yet. */
  text?: string;
  kind: PageKind;
  key: string;
  provisional?: boolean;
}

export class WorkspaceModel {
  /**
   * Pages by path. A provisional page stands for a file known only by its path so far (read from cheap data, such as
   * a file listing): it shows in the outline until the real page replaces it, and never takes part in findings.
   */
  private readonly pages = new Map<string, PageEntry>();
  private readonly groups = new Map<string, Group>();
  /** The paths of each worklog's pages (kept with `pages`, so a worklog's pages are found without a scan). */
  private readonly members = new Map<string, Set<string>>();

  private link(path: string, key: string): void {
    let set = this.members.get(key);
    if (!set) this.members.set(key, (set = new Set()));
    set.add(path);
  }

  private unlink(path: string, key: string): void {
    const set = this.members.get(key);
    set?.delete(path);
    if (set?.size === 0) this.members.delete(key);
  }

  /**
   * `settingsFor` gives the settings of a page's path (a workspace folder's, or a .worklogrc.json's); `parse` parses a
   * restored page's text when it is first needed (the host's parser, with the path's settings).
   */
  constructor(
    private readonly settingsFor: (path: string) => WorklogSettings,
    private readonly parse: (path: string, text: string) => WorklogPage = () => {
      throw new Error('this model restores no worklog');
    },
  ) {}

  /**
   * Restores a worklog from results kept from an earlier session, for the texts of its files (every file whose path
   * falls in the worklog, `texts`, whose hash the results were kept under). Nothing is parsed now. Refused (false)
   * when the worklog already has a real page, or the results name a page that is not among `texts`.
   */
  restore(key: string, texts: ReadonlyMap<string, string>, results: WorklogResults): boolean {
    const paths = this.pathsOf(key);
    if (paths.some((path) => !this.pages.get(path)!.provisional)) return false;
    const kept = Object.entries(results.pages);
    if (kept.some(([path]) => !texts.has(path) || worklogKey(path) !== key)) return false;
    for (const path of paths) {
      this.pages.delete(path);
      this.unlink(path, key);
    }
    for (const [path, kind] of kept) {
      this.pages.set(path, { text: texts.get(path)!, kind, key });
      this.link(path, key);
    }
    this.groups.set(key, { restored: results });
    return true;
  }

  /** True while the worklog's results are the ones restored (none of its pages parsed or changed since). */
  isRestored(key: string): boolean {
    return this.groups.get(key)?.restored !== undefined;
  }

  /** Parses the pages of a worklog that are known by their text only; their results are then computed anew. */
  private parseRestored(key: string): void {
    let any = false;
    for (const path of this.pathsOf(key)) {
      const p = this.pages.get(path)!;
      if (p.page || p.provisional) continue;
      any = true;
      const page = this.parse(path, p.text!);
      const kind = classifyPage(page);
      if (kind === 'week' || kind === 'index') {
        this.pages.set(path, { page, kind, key });
      } else {
        // The same text gives the same kind; a parser that disagrees (another version) only loses the page.
        this.pages.delete(path);
        this.unlink(path, key);
      }
    }
    if (any) this.invalidate(key);
  }

  /**
   * The worklog's current results, for keeping until the next session: undefined while a page of it is provisional
   * (not read yet) or it has no page.
   */
  results(key: string): WorklogResults | undefined {
    const paths = this.pathsOf(key);
    if (paths.length === 0 || paths.some((path) => this.pages.get(path)!.provisional)) return undefined;
    const group = this.compute(key);
    if (group.restored) return group.restored;
    const pages: Record<string, 'week' | 'index'> = {};
    const findings: Record<string, Finding[]> = {};
    for (const path of paths) {
      const kind = this.pages.get(path)!.kind;
      if (kind !== 'week' && kind !== 'index') continue;
      pages[path] = kind;
      findings[path] = group.findings?.get(path) ?? [];
    }
    return { pages, outline: this.summaryOf(group), findings };
  }

  /** The text of a real page (parsed or restored), without parsing it. */
  textOf(path: string): string | undefined {
    const p = this.pages.get(path);
    return p && !p.provisional ? p.page?.text ?? p.text : undefined;
  }

  /** Paths of every real page (parsed or restored), sorted. */
  pagePaths(): string[] {
    return [...this.pages].filter(([, p]) => !p.provisional).map(([path]) => path).sort();
  }

  /** Adds or replaces a page; returns the worklog key whose results are now stale (undefined: not a worklog page). */
  setPage(page: WorklogPage): string | undefined {
    const kind = classifyPage(page);
    const key = worklogKey(page.path);
    const before = this.pages.get(page.path);
    if (before && before.key !== key) this.invalidate(before.key);
    if (before) this.unlink(page.path, before.key);
    if (kind !== 'week' && kind !== 'index') {
      this.pages.delete(page.path);
      if (before) this.invalidate(before.key);
      return before?.key;
    }
    this.pages.set(page.path, { page, kind, key });
    this.link(page.path, key);
    this.invalidate(key);
    return key;
  }

  /**
   * Adds a provisional page for a path that has no page yet (a real page is never replaced by one); returns the
   * worklog key whose outline changed.
   */
  setProvisional(page: WorklogPage): string | undefined {
    if (this.pages.has(page.path)) return undefined;
    const kind = classifyPage(page);
    if (kind !== 'week' && kind !== 'index') return undefined;
    const key = worklogKey(page.path);
    this.pages.set(page.path, { page, kind, key, provisional: true });
    this.link(page.path, key);
    this.invalidate(key);
    return key;
  }

  /** True when the path's page is provisional (known by its path only). */
  isProvisional(path: string): boolean {
    return this.pages.get(path)?.provisional === true;
  }

  deletePage(path: string): string | undefined {
    const before = this.pages.get(path);
    if (!before) return undefined;
    this.pages.delete(path);
    this.unlink(path, before.key);
    this.invalidate(before.key);
    return before.key;
  }

  /** True when the path has a real (parsed) page. */
  has(path: string): boolean {
    const p = this.pages.get(path);
    return p !== undefined && !p.provisional;
  }

  page(path: string): WorklogPage | undefined {
    const p = this.pages.get(path);
    if (!p || p.provisional) return undefined;
    if (!p.page) this.parseRestored(p.key);
    return this.pages.get(path)?.page;
  }

  /** Paths of every page in a worklog. */
  pathsOf(key: string): string[] {
    return [...(this.members.get(key) ?? [])];
  }

  keyOf(path: string): string | undefined {
    return this.pages.get(path)?.key;
  }

  /** Every settings change: all results are stale. */
  invalidateAll(): void {
    this.groups.clear();
  }

  private invalidate(key: string): void {
    this.groups.set(key, {});
  }

  /** The worklog's results: restored ones while they hold, else computed (parsing restored pages first). */
  private compute(key: string): Group {
    let group = this.groups.get(key);
    if (group?.worklog || group?.outline || group?.restored) return group;
    this.parseRestored(key);
    const all = this.pathsOf(key).map((path) => this.pages.get(path)! as PageEntry & { page: WorklogPage });
    const members = all.filter((m) => !m.provisional);
    group = {};
    if (members.length > 0) {
      const settings = this.settingsFor(members[0].page.path);
      const grouped = groupWorklogs(members);
      const g = grouped.values().next().value;
      if (g) {
        const worklog = buildWorklog(g.dir, g.pages, settings);
        group.worklog = worklog;
        group.findings = checkWorklog(worklog, settings);
        group.entries = new Map([...worklog.weeks, ...worklog.indexes].map((e) => [e.page.path, e]));
      }
    }
    group.outline = group.worklog;
    if (all.length > members.length) {
      // Provisional pages join the outline only (their analyses are trivial: they have no text).
      const g = groupWorklogs(all).values().next().value;
      if (g) group.outline = buildWorklog(g.dir, g.pages, this.settingsFor(all[0].page.path));
    }
    this.groups.set(key, group);
    return group;
  }

  /** The worklog's results with its pages parsed and analysed (restored results are not enough). */
  private built(key: string): Group {
    if (this.groups.get(key)?.restored) this.parseRestored(key);
    return this.compute(key);
  }

  private summaryOf(group: Group): OutlineWorklog | undefined {
    if (group.restored) return group.restored.outline;
    if (group.outline) group.summary ??= summarizeWorklog(group.outline);
    return group.summary;
  }

  /** The findings of a page (page rules with its worklog's hints, and cross-week rules), or undefined. */
  findings(path: string): Finding[] | undefined {
    const p = this.pages.get(path);
    if (!p) return undefined;
    const group = this.compute(p.key);
    if (group.restored) return p.provisional ? undefined : [...(group.restored.findings[path] ?? [])];
    return group.findings?.get(path);
  }

  /** The page's entry in its worklog (its analysis: window, order, week). */
  entry(path: string): WorklogEntry | undefined {
    const p = this.pages.get(path);
    if (!p) return undefined;
    return this.built(p.key).entries?.get(path);
  }

  worklog(key: string): Worklog | undefined {
    return this.built(key).worklog;
  }

  worklogOf(path: string): Worklog | undefined {
    const key = this.pages.get(path)?.key;
    return key === undefined ? undefined : this.worklog(key);
  }

  /** Every worklog, by key. */
  worklogs(): Map<string, Worklog> {
    const out = new Map<string, Worklog>();
    for (const key of [...this.members.keys()].sort()) {
      const w = this.worklog(key);
      if (w) out.set(key, w);
    }
    return out;
  }

  /** Every worklog as the outline shows it: with the provisional pages not read yet, and restored worklogs. */
  outlineWorklogs(): Map<string, OutlineWorklog> {
    const out = new Map<string, OutlineWorklog>();
    for (const key of [...this.members.keys()].sort()) {
      const w = this.summaryOf(this.compute(key));
      if (w) out.set(key, w);
    }
    return out;
  }

  /**
   * The findings a page would have with `page` in place of its current version (for fix-all: check a draft text
   * against the rest of its worklog without changing the model).
   */
  draftFindings(page: WorklogPage): Finding[] {
    const before = this.pages.get(page.path);
    const savedGroup = before ? this.groups.get(before.key) : undefined;
    this.setPage(page);
    try {
      return this.findings(page.path) ?? [];
    } finally {
      if (before) {
        const draftKey = this.pages.get(page.path)?.key;
        if (draftKey !== undefined) this.unlink(page.path, draftKey);
        this.pages.set(page.path, before);
        this.link(page.path, before.key);
        if (savedGroup) this.groups.set(before.key, savedGroup);
        else this.invalidate(before.key);
      } else {
        this.deletePage(page.path);
      }
    }
  }
}
