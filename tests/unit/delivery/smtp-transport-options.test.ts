/**
 * The options the SMTP sender hands nodemailer name exactly one TLS mode per
 * `security` setting (docs/channels.md): a contradictory set would leave the
 * choice to nodemailer's precedence rules rather than to the config.
 */
import { describe, expect, it } from 'vitest';
import { smtpTransportOptions } from '../../../electron/core/delivery/vendors/smtp.js';
import type { ChannelConfig } from '../../../shared/config.js';

type SmtpChannel = Extract<ChannelConfig, { type: 'smtp' }>;

const channel = (security: SmtpChannel['security']): SmtpChannel => ({
  id: 'email-duty',
  use: 'page',
  type: 'smtp',
  host: 'smtp.city.example',
  port: 587,
  security,
  from: 'lobby-kiosk@pd.example',
  to: ['duty-sergeant@pd.example'],
  rejectUnauthorized: true,
});

const options = (security: SmtpChannel['security']) => smtpTransportOptions(channel(security), 10_000, undefined);

describe('the SMTP transport options', () => {
  it('name one TLS mode for each security setting', () => {
    expect(options('tls')).toMatchObject({ secure: true, requireTLS: false, ignoreTLS: false });
    expect(options('starttls')).toMatchObject({ secure: false, requireTLS: true, ignoreTLS: false });
    expect(options('none')).toMatchObject({ secure: false, requireTLS: false, ignoreTLS: true });
  });
});
