import { describe, expect, it } from 'vitest';
import { withEmbeddedBootstrap } from '../../../electron/browser-host/embedded-bootstrap.js';
import type { Bootstrap } from '../../../shared/bootstrap.js';
import { bootstrapBlockId } from '../../../shared/bootstrap-block.js';

const page = '<!doctype html>\n<html>\n  <head>\n    <title>Lobby</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';
const hostile = {
  state: 'out-of-service',
  role: 'kiosk',
  languages: [{ code: 'en', nativeName: '</script><script>alert(1)</script><!--', dir: 'ltr' }],
  defaultLanguage: 'en',
} as Bootstrap;

/** What a browser takes as the block's text: everything up to the first "</script". */
function blockText(html: string): string {
  const start = html.indexOf(`<script type="application/json" id="${bootstrapBlockId}">`);
  expect(start, 'the page holds the block').toBeGreaterThanOrEqual(0);
  const from = html.indexOf('>', start) + 1;
  return html.slice(from, html.indexOf('</script', from));
}

describe("the bootstrap served in the browser host's page", () => {
  it('goes in a JSON data block inside <head>, and reads back as the same bootstrap', () => {
    const served = withEmbeddedBootstrap(page, hostile);
    expect(served.indexOf(bootstrapBlockId)).toBeLessThan(served.indexOf('</head>'));
    expect(JSON.parse(blockText(served))).toEqual(hostile);
  });

  it('cannot be ended early by any text in it: every "<" is written \\u003c', () => {
    const served = withEmbeddedBootstrap(page, hostile);
    expect(blockText(served)).not.toContain('<');
    // Only the page's own markup and the block's own end tag remain: nothing from the bootstrap became markup.
    expect(served.match(/<script/g)).toHaveLength(1);
    expect(served.match(/<\/script>/g)).toHaveLength(1);
  });

  it('goes at the end of a page that has no </head>', () => {
    const served = withEmbeddedBootstrap('<!doctype html><title>t</title>', hostile);
    expect(served.startsWith('<!doctype html><title>t</title><script type="application/json"')).toBe(true);
    expect(JSON.parse(blockText(served))).toEqual(hostile);
  });
});
