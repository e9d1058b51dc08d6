import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../electron/core/logger.js';

describe('logging', () => {
  it('drops every field that is not on the allow-list, so personal data cannot reach a log line', () => {
    const sink = memorySink();
    createLogger('test', sink).info('request received', { firstName: 'Maria', phone: '555-0100', call: 'app.getBootstrap' });
    expect(sink.entries[0]?.fields).toEqual({ call: 'app.getBootstrap', droppedFields: 2 });
    expect(JSON.stringify(sink.entries)).not.toMatch(/Maria|555-0100/);
  });

  it('keeps only the class of an error, not its message', () => {
    const sink = memorySink();
    createLogger('test', sink).error('failed', { error: new TypeError('secret detail about Maria') });
    expect(sink.entries[0]?.fields).toEqual({ error: 'TypeError' });
  });

  it('drops objects even under an allowed name', () => {
    const sink = memorySink();
    createLogger('test', sink).warn('odd', { reason: { name: 'Maria' } });
    expect(sink.entries[0]?.fields).toEqual({ droppedFields: 1 });
  });

  it('leaves out a field whose value is undefined, allowed or not, instead of counting it as dropped', () => {
    const sink = memorySink();
    createLogger('test', sink).warn('status query failed', { channel: 'cad', reason: undefined, firstName: undefined });
    expect(sink.entries[0]?.fields).toStrictEqual({ channel: 'cad' });
    createLogger('test', sink).warn('odd', { reason: undefined, firstName: 'Maria' });
    expect(sink.entries[1]?.fields).toStrictEqual({ droppedFields: 1 });
  });

  it('shortens long values and names the area', () => {
    const sink = memorySink();
    createLogger('main', sink)
      .child('config')
      .info('x', { path: 'a'.repeat(1000) });
    expect(sink.entries[0]?.area).toBe('main.config');
    expect(String(sink.entries[0]?.fields?.path).length).toBeLessThan(310);
  });
});
