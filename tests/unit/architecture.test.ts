/**
 * The mechanical backstop for the layout in DESIGN.md: the core, the browser
 * host, the launcher and shared/ never import Electron (they must run where Electron cannot),
 * and only the two IPC wrappers touch ipcMain / ipcRenderer. The ESLint rule
 * says the same thing earlier; this test holds even if lint is skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every .ts/.tsx file under `dir` (relative to the repo), or none if it does not exist yet. */
function sourceFiles(dir: string): string[] {
  const absolute = path.join(repoRoot, dir);
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const relative = path.join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(path.join(repoRoot, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mts|cts)$/.test(entry) && !entry.endsWith('.d.ts') ? [relative] : [];
  });
}

const isElectronModule = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

/** Module specifiers a file loads: import/export from, import(), require() and import x = require(). */
function importedModules(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push(expression.text);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const isLoader =
        node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require');
      if (isLoader && first && ts.isStringLiteralLike(first)) found.push(first.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** True if code (not comments or strings) names ipcMain or ipcRenderer, however it got them. */
function usesRawIpc(source: string, fileName = 'file.ts'): boolean {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  let uses = false;
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && (node.text === 'ipcMain' || node.text === 'ipcRenderer')) uses = true;
    if (!uses) ts.forEachChild(node, visit);
  };
  visit(file);
  return uses;
}

const read = (relative: string) => readFileSync(path.join(repoRoot, relative), 'utf8');

describe('the checks themselves', () => {
  it.each([
    "import { app } from 'electron';",
    "import type { App } from 'electron';",
    "import * as electron from 'electron/main';",
    "export { app } from 'electron';",
    "const electron = require('electron');",
    "const electron = await import('electron');",
    "import electron = require('electron');",
    "let a: import('electron').App;",
  ])('catch `%s`', (source) => {
    expect(importedModules(source).some(isElectronModule)).toBe(true);
  });

  it('ignore electron in comments and unrelated packages', () => {
    expect(importedModules("// import { app } from 'electron'\nimport x from 'electron-store';").some(isElectronModule)).toBe(false);
  });

  it.each([
    "import { ipcMain } from 'electron';",
    "import { ipcRenderer as ipc } from 'electron';",
    "const { ipcMain } = require('electron');",
    "import * as e from 'electron'; e.ipcMain.handle('x', () => 1);",
  ])('see raw IPC in `%s`', (source) => {
    expect(usesRawIpc(source)).toBe(true);
  });

  it('do not see raw IPC in a comment or a string', () => {
    expect(usesRawIpc("// only ipc-transport.ts uses ipcMain\nconst s = 'ipcRenderer';")).toBe(false);
  });
});

describe('the layout holds', () => {
  const electronFree = ['electron/core', 'electron/browser-host', 'electron/launcher', 'shared'].flatMap(sourceFiles);

  it('finds the core and shared files to check', () => {
    expect(electronFree.some((f) => f.startsWith(path.join('electron', 'core')))).toBe(true);
    expect(electronFree.some((f) => f.startsWith('shared'))).toBe(true);
  });

  it('the core, the browser host, the launcher and shared/ never import electron', () => {
    const offenders = electronFree.filter((file) => importedModules(read(file), file).some(isElectronModule));
    expect(offenders).toEqual([]);
  });

  it('only the two IPC wrappers touch ipcMain or ipcRenderer', () => {
    const wrappers = new Set([path.join('electron', 'preload.ts'), path.join('electron', 'shell', 'ipc-transport.ts')]);
    const checked = [...sourceFiles('electron'), ...sourceFiles('shared'), ...sourceFiles('renderer')];
    const offenders = checked.filter((file) => !wrappers.has(file) && usesRawIpc(read(file), file));
    expect(offenders).toEqual([]);
    for (const wrapper of wrappers) expect(checked).toContain(wrapper);
  });

  it('the preload imports nothing from Node but electron (a sandboxed preload cannot load it)', () => {
    const nodeImports = importedModules(read(path.join('electron', 'preload.ts'))).filter(
      (specifier) => specifier.startsWith('node:') || (!specifier.startsWith('.') && specifier !== 'electron'),
    );
    expect(nodeImports).toEqual([]);
  });
});
