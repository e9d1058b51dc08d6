/**
 * The HTML of one contact sheet: rows of screenshots, each scaled down and
 * labelled, under a heading per group. Images are linked by file URL; the
 * browser scales them, so no image library is needed.
 */
import { pathToFileURL } from 'node:url';

export type Tile = { label: string; file: string };
export type TileGroup = { heading: string; tileWidth: number; tiles: readonly Tile[] };

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page `width` CSS px wide showing every group's tiles, left to right, wrapping. */
export function sheetHtml(title: string, groups: readonly TileGroup[], width: number): string {
  const sections = groups.map(
    (group) =>
      `<section><h2>${escape(group.heading)}</h2><div class="tiles">${group.tiles
        .map(
          (tile) =>
            `<figure style="inline-size:${group.tileWidth}px"><img src="${pathToFileURL(tile.file).href}" alt=""><figcaption>${escape(tile.label)}</figcaption></figure>`,
        )
        .join('')}</div></section>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
    body { margin: 0; padding: 16px; inline-size: ${width}px; box-sizing: border-box; font: 14px/1.3 system-ui, sans-serif; background: #e5e7eb; color: #111827; }
    h1 { font-size: 20px; margin: 0 0 8px; }
    h2 { font-size: 16px; margin: 16px 0 8px; }
    .tiles { display: flex; flex-wrap: wrap; gap: 12px; }
    figure { margin: 0; }
    img { display: block; inline-size: 100%; block-size: auto; outline: 1px solid #6b7280; background: #fff; }
    figcaption { padding-block-start: 2px; font-size: 12px; }
  </style></head><body><h1>${escape(title)}</h1>${sections.join('')}</body></html>`;
}
