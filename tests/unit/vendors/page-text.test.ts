import { describe, expect, it } from 'vitest';
import { formatPage } from '../../../electron/core/delivery/vendors/page-text.js';
import { emergencyPage, emergencyText, escalationPage, normalPage, normalText } from './vendor-test-kit.js';

describe('the words of a page that leaves the building', () => {
  it('says where, the reference and where to look, and nothing else', () => {
    expect(formatPage(normalPage)).toEqual({ title: 'Safe Passage request ref K1-4821 at Lobby kiosk 1', text: normalText });
  });

  it('puts an emergency first, in capitals, with what may be happening', () => {
    const page = formatPage(emergencyPage);
    expect(page.text).toBe(emergencyText);
    expect(page.title).toBe('EMERGENCY: Safe Passage ref K1-4822 at Lobby kiosk 1');
  });

  it('says plainly that nobody has acknowledged an escalated request', () => {
    expect(formatPage(escalationPage).text).toBe(
      'NOT ACKNOWLEDGED YET: Safe Passage request at Lobby kiosk 1 (ref K1-4823). Nobody has acknowledged it. See the desk console.',
    );
    expect(formatPage({ ...emergencyPage, escalation: true }).title).toMatch(/^EMERGENCY, NOT ACKNOWLEDGED YET: /);
  });

  it('keeps a page on one line even if the config holds a line break, so it cannot inject an email header', () => {
    const page = formatPage({ ...normalPage, kioskLocation: 'Lobby\r\nBcc: someone@example.com' });
    expect(page.title).not.toMatch(/[\r\n]/);
    expect(page.text).toBe('Safe Passage request at Lobby Bcc: someone@example.com (ref K1-4821). See the desk console.');
  });
});
