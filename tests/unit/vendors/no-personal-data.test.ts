import { describe, expect, it } from 'vitest';
import type { PageMessage } from '../../../electron/core/delivery/attempt.js';
import { slackPayload } from '../../../electron/core/delivery/vendors/slack.js';
import { smtpMail } from '../../../electron/core/delivery/vendors/smtp.js';
import { teamsPayload } from '../../../electron/core/delivery/vendors/teams.js';
import { twilioForm } from '../../../electron/core/delivery/vendors/twilio.js';
import { normalPage } from './vendor-test-kit.js';

/** What a careless caller might hand over: a stored request with its personal fields still attached. */
const requestWithPersonalData = { ...normalPage, firstName: 'Maria', language: 'es', kind: 'help-self', dangerNow: false } as PageMessage;

const twilio = {
  id: 'sms',
  use: 'page' as const,
  type: 'twilio' as const,
  accountSid: `AC${'a'.repeat(32)}`,
  authToken: 'x'.repeat(32),
  from: '+18165550100',
  to: ['+18165550101'],
  apiBaseUrl: 'https://api.twilio.com',
};
const smtp = {
  id: 'mail',
  use: 'page' as const,
  type: 'smtp' as const,
  host: '127.0.0.1',
  port: 25,
  security: 'none' as const,
  from: 'kiosk@pd.example',
  to: ['duty@pd.example'],
  rejectUnauthorized: true,
};

describe('what leaves the building', () => {
  it('is built only from the fields of a page, so a first name handed over by mistake goes nowhere', () => {
    const outgoing = [
      JSON.stringify(teamsPayload(requestWithPersonalData)),
      JSON.stringify(slackPayload(requestWithPersonalData)),
      twilioForm(twilio, '+18165550101', requestWithPersonalData),
      JSON.stringify(smtpMail(smtp, smtp.to, requestWithPersonalData)),
    ];
    for (const text of outgoing) {
      expect(text).not.toContain('Maria');
      expect(text).not.toContain('help-self');
      expect(text).toContain('K1-4821');
    }
  });
});
