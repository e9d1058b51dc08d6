import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** What a role's first screen needs besides the entry, as the build lists it (dist/renderer/role-files.json). */
export type RoleFiles = { scripts: string[]; styles: string[] };

/** The role preload script's tag, as the build writes it into index.html (vite.config.ts). */
const rolePreloadScript = /<script async src="\.\/assets\/role-preload-[\w-]+\.js"><\/script>/;

/** A built file name, as the build writes them: nothing that could leave an attribute. */
const builtFile = /^assets\/[\w.-]+\.(js|css)$/;

/**
 * The page with its role's preloads written into it, in place of the role
 * preload script: the host knows the page's role before it sends it, so the
 * chunk and stylesheet are asked for as the page is parsed rather than once
 * that script has arrived and run (one round trip less, and no script to run
 * before the first paint). The links are those the script would add
 * (crossorigin, so the entry's own requests reuse them). Unchanged when the
 * build lists nothing for the role.
 */
export function withRolePreloads(html: string, files: RoleFiles | undefined): string {
  if (!files || !rolePreloadScript.test(html)) return html;
  const safe = (list: string[]) => list.filter((file) => builtFile.test(file));
  const links = [
    ...safe(files.scripts).map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`),
    ...safe(files.styles).map((file) => `<link rel="preload" as="style" crossorigin href="./${file}">`),
  ];
  return html.replace(rolePreloadScript, links.join('\n    '));
}

/** Reads the build's list of each role's files (dist/renderer/role-files.json); empty when there is none (a stand-in build). */
export async function readRoleFiles(rendererDir: string): Promise<Partial<Record<string, RoleFiles>>> {
  try {
    return JSON.parse(await readFile(path.join(rendererDir, 'role-files.json'), 'utf8')) as Partial<Record<string, RoleFiles>>;
  } catch {
    return {};
  }
}
