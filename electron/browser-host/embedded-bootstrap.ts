import type { Bootstrap } from '../../shared/bootstrap.js';
import { bootstrapBlockId } from '../../shared/bootstrap-block.js';

/**
 * The page with its bootstrap in it, as a JSON data block before `</head>`
 * (at the end of a page without one: the entry, a module, runs only once the
 * whole page is parsed), so the first screen needs no round trip for it. A data block is never run
 * (the CSP's script-src does not apply to it), and every `<` in the JSON is
 * written `\u003c`, so no text in the profile can end the block early.
 * The bootstrap holds what `app.getBootstrap` answers the same page: no
 * secret (keys and PIN hashes are never part of it).
 */
export function withEmbeddedBootstrap(html: string, bootstrap: Bootstrap): string {
  const json = JSON.stringify(bootstrap).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${bootstrapBlockId}">${json}</script>`;
  const at = html.indexOf('</head>');
  return at < 0 ? `${html}${block}` : `${html.slice(0, at)}${block}\n  ${html.slice(at)}`;
}
