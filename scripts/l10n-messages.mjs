// Lists every runtime message: the first argument of t('…') in src/core and src/cli and of vscode.l10n.t('…') in
// src/adapters and src/extension.ts. Used by the l10n test (every message has a Vietnamese translation) and to write
// l10n/bundle.l10n.json:  node scripts/l10n-messages.mjs --write
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every string literal passed first to a call of `t` or `l10n.t`. */
export function messages() {
  const out = new Set();
  const files = fs.readdirSync(path.join(ROOT, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  for (const rel of files) {
    const text = fs.readFileSync(path.join(ROOT, 'src', rel), 'utf8');
    const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && node.arguments.length > 0) {
        const callee = node.expression.getText(sf);
        const arg = node.arguments[0];
        if ((callee === 't' || callee === 'l10n.t' || callee === 'vscode.l10n.t') && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) {
          out.add(arg.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return [...out].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const list = messages();
  if (process.argv.includes('--write')) {
    fs.mkdirSync(path.join(ROOT, 'l10n'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), JSON.stringify(Object.fromEntries(list.map((m) => [m, m])), null, 2) + '\n');
  }
  const viFile = path.join(ROOT, 'l10n', 'bundle.l10n.vi.json');
  const vi = fs.existsSync(viFile) ? JSON.parse(fs.readFileSync(viFile, 'utf8')) : {};
  const missing = list.filter((m) => !(m in vi));
  console.log(`${list.length} messages; ${missing.length} without a Vietnamese translation`);
  if (process.argv.includes('--missing')) for (const m of missing) console.log(JSON.stringify(m));
}
