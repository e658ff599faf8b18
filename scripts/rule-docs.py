# Writes docs/rules/<id>.md for every rule and docs/rules/README.md (the index). Run: python3 scripts/rule-docs.py
import json, os
RULES = [
 ("frontmatter-missing","error","No front matter, or not opened/closed by a line that is exactly `---` / `+++`.",
  "Hugo only reads front matter that starts on the first line with exactly `---` (YAML) or `+++` (TOML) and ends with the same line. A closing line of `-----`, an opening `--`, or keys without an opening line are shown as text, and the page loses its title, weight and menu place.",
  "title: \"Week 3 Worklog\"\nweight: 3\n---\n\n### Week 3 Objectives:", "---\ntitle: \"Week 3 Worklog\"\nweight: 3\n---\n\n### Week 3 Objectives:",
  "Replaces the wrong delimiter line with `---`, or inserts the missing opening line. For a page with no front matter at all, offers a block with the title and weight the page implies (not applied by fix-all)."),
 ("frontmatter-syntax","error","Front matter that does not parse as YAML/TOML, at the error's position; front matter in a language that would be code.",
  "Hugo stops the build on front matter it cannot parse. `---js` front matter is code: Worklog never runs it (and Hugo does not read it).",
  "---\ntitle: \"Week 3\nweight: 3\n---", "---\ntitle: \"Week 3\"\nweight: 3\n---", "None: the message points at the error."),
 ("frontmatter-required","warning","A required key is missing (`title`, `date`, `weight` by default).",
  "Without `weight` Hugo orders weeks by date, then title (so `Week 10` comes before `Week 2`); without `title` the menu shows the folder name.",
  "---\ntitle: \"Week 3 Worklog\"\n---", "---\ntitle: \"Week 3 Worklog\"\ndate: 2025-09-08\nweight: 3\n---",
  "Inserts the key with a value computed from the page: the week number for `weight`, the first day of the page's week for `date`, a title in the page's language."),
 ("frontmatter-type","error","`date` not a real date, `weight` not a number, `chapter` not a boolean, `title` not text.",
  "`chapter: \"false\"` is a non-empty string, which the theme treats as true; `date: 31/09/2025` is not a date Hugo can read. (A quoted whole number such as `weight: \"3\"` is fine: Hugo reads it as 3.)",
  "date: 2025-02-30\nchapter: \"false\"", "date: 2025-02-28\nchapter: false", "Unquotes booleans, rewrites a date written like the table's dates as `YYYY-MM-DD`, quotes a title."),
 ("week-number-mismatch","warning","Title, `pre`, folder/file name and headings disagree on the week number.",
  "A page copied from last week keeps last week's number somewhere: the menu, the heading and the folder then disagree. The odd one out is reported; the folder or file name wins a tie.",
  "# in 1.6-Week6/_index.md\ntitle: \"Week 5 Worklog\"\npre: \" <b> 1.6. </b> \"", "title: \"Week 6 Worklog\"\npre: \" <b> 1.6. </b> \"",
  "Rewrites the odd number (headings about another week, such as \"Plan for Week 7\", are not counted)."),
 ("template-leftover","warning","Template text left in: placeholder dates, `` `r Sys.Date()` ``, the \"do not copy verbatim\" notice, `Doing task …` lines.",
  "Template text published as-is tells readers the page was not written for them. Patterns are configurable (`worklog.templatePatterns`).",
  "date: 2024-01-01\n⚠️ Please do not copy verbatim …", "date: 2025-09-08", "Replaces a placeholder 1 January date with the first day of the page's week."),
 ("table-missing","info","A week page without a task table.",
  "The task table is what the worklog is read for; a week without one is usually unfinished.", "### Week 3 Objectives:\n* …\n", "| Day | Task | Start Date | Completion Date | Reference Material |", "None."),
 ("table-columns","error","A row's cell count differs from the header; header and delimiter rows differ (the table does not render); a row broken across lines; an unescaped `|` splitting a cell.",
  "Markdown renders a table only when the delimiter row has as many cells as the header; extra cells are dropped; a line break ends a row; a `|` inside a task starts a new cell.",
  "| Day | Task | Start Date | Completion Date |\n| --- | --- | --- |\n| Mon | CI | CD pipeline | 06/10/2025 | 06/10/2025 |",
  "| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| Mon | CI \\| CD pipeline | 06/10/2025 | 06/10/2025 |",
  "Widens the delimiter row, pads missing cells, removes empty extra cells, joins a row broken across lines (keeping the break as `<br>`), escapes a stray pipe."),
 ("task-empty","warning","A task row whose Task cell is empty.","A row with dates but no task says nothing.","| Tue | | 07/10/2025 | 07/10/2025 | |","| Tue | - Set up the VPC | 07/10/2025 | 07/10/2025 | |","None."),
 ("date-invalid","error","A date cell that is not a well-formed real date: `011/09/2025`, `31/04/2025`, `2025/02/30`.",
  "An impossible date is a typo; readers cannot tell which day was meant.", "| Thu | Peering | 011/09/2025 | 11/09/2025 | |", "| Thu | Peering | 11/09/2025 | 11/09/2025 | |",
  "Proposes the dates one slip away (an extra digit, day and month swapped, a month or year typo) that fall in the page's week; the one matching the row's weekday label is preferred."),
 ("date-format","warning","A date written in another format than the page's other dates, or without a year among dated ones.",
  "Mixed formats (`2025-10-08` among `DD/MM/YYYY`) are hard to read and often a sign of a pasted row.", "| Wed | … | 2025-10-08 | 08/10/2025 | |", "| Wed | … | 08/10/2025 | 08/10/2025 | |", "Rewrites the date in the page's format; adds the page's year."),
 ("date-order","error","Completion before start.","A task cannot end before it starts: one of the two dates is wrong.", "| Thu | … | 04/09/2025 | 02/09/2025 | |", "| Thu | … | 02/09/2025 | 04/09/2025 | |", "Swaps the two dates (preferred only when both lie in the page's week)."),
 ("date-outside-week","warning","A table date, or a front-matter date before the week, outside the page's week window.",
  "The week window is the 7 days holding most of the table's dates (or `programStart + 7(N−1)` when `worklog.programStart` is set). A date outside it is usually last week's date left in, a swapped day and month, or a month/year typo. A completion up to 7 days after the week, for a task started in it, is accepted; a front-matter date after the week is the publishing date and is accepted.",
  "| Thu | … | 09/11/2025 | 11/09/2025 | |   (week of 08/09/2025)", "| Thu | … | 11/09/2025 | 11/09/2025 | |", "Proposes the in-week date one slip away (swap, month or year typo)."),
 ("date-sequence","warning","Start dates going backwards from one row to the next.","Rows are read top to bottom as the days of the week; a step back is usually a typo or a row pasted in the wrong place.", "| Wed | … | 08/10/2025 | … |\n| Thu | … | 07/10/2025 | … |", "| Wed | … | 08/10/2025 | … |\n| Thu | … | 09/10/2025 | … |", "None."),
 ("day-sequence","warning","Day labels that repeat or go backwards (gaps are fine).","`Mon, Tue, Tue` or `Thứ 4` after `Thứ 5` are copy slips. Weekday names that wrap around (a week from Wednesday to Tuesday) are fine when the dates go forward.", "| Thứ 5 | … |\n| Thứ 4 | … |", "| Thứ 4 | … |\n| Thứ 5 | … |", "None."),
 ("day-weekday-mismatch","warning","A label naming a weekday (Mon, Monday, Thứ 2, Thứ Hai, T2, CN…) that its date is not.",
  "The label or the date is wrong. Numeric labels are ambiguous in real worklogs (a running index, 1 = Monday, 2 = Monday as in Thứ 2): they are reported as information only, unless `worklog.dayLabels` fixes the convention.",
  "| Thu | … | 03/09/2025 | … |   (a Wednesday)", "| Wed | … | 03/09/2025 | … |", "Relabels in the label's own style (preferred), or moves the date to the labelled day of the week."),
 ("week-overlap","warning","A page's dates overlap another week's, or its task table equals another week's.","Copying last week's page and forgetting to change the dates or the tasks publishes last week twice.", "Week 5 dated 06/10–10/10, the same as week 4", "Week 5 dated 13/10–17/10", "None."),
 ("week-sequence","warning","A week's dates do not come after the previous week's.","Weeks dated out of order are usually stale template dates or a wrong year.", "Week 8 dated 11/08/2025, week 7 dated 27/07/2026", "Week 8 dated 03/08/2026", "None."),
 ("week-duplicate","error","Two pages of one language in one worklog claim the same week.","Two weeks with the same number in the menu; one of them is usually a copy that kept the old number.", "1.5-Week5/_index.md and 1.6-Week6/_index.md both with title \"Week 5\"", "…", "None."),
 ("weight-order","warning","Hugo's menu order (weight, then date, then title) puts the weeks out of order.",
  "Hugo sorts pages by weight (0 = none, last), then by date (newest first), then by title — so with equal weights, `Week 10` sorts before `Week 2`.", "weight: 1   # on every week", "weight: 10  # week 10", "Sets the weight the worklog's scheme gives (weight = week + the offset most weeks use), only when that puts the week in place."),
 ("translation-mismatch","warning","Language twins (`_index.md`, `_index.vi.md`, `_index.en.md`) disagree on dates, week number or weight.",
  "The English and Vietnamese pages of a week should describe the same days. Dates are compared as calendar dates, so an English page in MM/DD/YYYY and its Vietnamese twin in DD/MM/YYYY agree.", "EN: 02/09/2025 · VI: 04/09/2025 in the same row", "both 04/09/2025", "Uses the twin's date (preferred when only the twin's date lies in the week)."),
 ("index-link-missing","warning","The worklog's index page links to a week that does not exist.","Hugo lower-cases URLs: `1.1-week1/` is fine for a `1.1-Week1` folder, but a link to a week that was never written is a dead link.", "**Week 11:** [...](1.11-week11/)   # no week 11", "remove the line, or write week 11", "Relinks to the one week page with that number when the link is only misspelt."),
]
os.makedirs('docs/rules', exist_ok=True)
index = ["# Rules", "", "Every rule has an id (used in `worklog.rules`, `--rule`, the JSON output and the diagnostic code), a default severity, and this page.", "", "| rule | default | reports |", "|---|---|---|"]
for rid, sev, what, why, bad, good, fix in RULES:
    index.append(f"| [{rid}]({rid}.md) | {sev} | {what} |")
    body = f"""# {rid}

**Default severity:** {sev}

## What it reports
{what}

## Why
{why}

## Example
Reported:

```markdown
{bad}
```

Correct:

```markdown
{good}
```

## Fix
{fix}

## Configure
In VS Code settings (or `.worklogrc.json` for the CLI):

```json
{{ "worklog.rules": {{ "{rid}": "off" }} }}
```

Levels: `off`, `info`, `warning`, `error`. On the command line: `worklog-lint --rule {rid}=off`.
"""
    open(f'docs/rules/{rid}.md', 'w').write(body)
open('docs/rules/README.md','w').write("\n".join(index) + "\n")
print(len(RULES), "rules")
