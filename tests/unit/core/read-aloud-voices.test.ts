import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { tempConfig } from '../support/temp-config.js';

const open: Array<{ core: Core; remove: () => Promise<void> }> = [];
afterEach(async () => {
  for (const { core, remove } of open.splice(0)) {
    await core.close();
    await remove();
  }
});

async function start() {
  const config = await tempConfig();
  const sink = memorySink();
  const core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('test', sink), watchIntervalMs: false });
  open.push({ core, remove: config.remove });
  const screenLanguages = core.bootstrap().languages.map((language) => language.code);
  return { core, sink, screenLanguages };
}

describe('the log at start says which screen languages can be read aloud', () => {
  it('names the screen languages with and without a voice, as a warning when one is missing', async () => {
    const { core, sink, screenLanguages } = await start();
    expect(screenLanguages).toEqual(expect.arrayContaining(['en', 'es', 'ar', 'vi']));
    await core.handlers['app.reportVoices']({ withVoice: ['en-US', 'es-MX', 'fr'] });
    const entry = sink.entries.at(-1);
    expect(entry).toMatchObject({ area: 'test.read-aloud', level: 'warn' });
    expect(entry?.fields?.withVoice).toBe('en,es');
    expect(String(entry?.fields?.withoutVoice).split(',').sort()).toEqual(screenLanguages.filter((c) => c !== 'en' && c !== 'es').sort());
  });

  it('is plain information when every screen language has a voice', async () => {
    const { core, sink, screenLanguages } = await start();
    await core.handlers['app.reportVoices']({ withVoice: screenLanguages });
    expect(sink.entries.at(-1)).toMatchObject({ level: 'info', fields: { withVoice: screenLanguages.join(','), withoutVoice: 'none' } });
  });

  it('says none when there is no voice at all (Linux without speech-dispatcher)', async () => {
    const { core, sink } = await start();
    await core.handlers['app.reportVoices']({ withVoice: [] });
    expect(sink.entries.at(-1)).toMatchObject({ level: 'warn', fields: { withVoice: 'none' } });
  });
});
