import { useTranslation } from 'react-i18next';
import type { PairingOverview } from '../../../../../shared/trust';

/**
 * This device's id, role, fingerprints, on a kiosk the public key its department backend registers
 * (webhooks with `deviceKey`), and, in plain words, how its keys are kept.
 */
export function ThisDevice({ overview }: { overview: PairingOverview }) {
  const { t } = useTranslation('admin');
  const memoryOnly = overview.keyProtection === 'memory-only';
  return (
    <>
      <dl className="admin__facts">
        <div>
          <dt>{t('about.deviceId')}</dt>
          <dd>{overview.deviceId}</dd>
        </div>
        <div>
          <dt>{t('about.role')}</dt>
          <dd>{t(`about.roles.${overview.role}`)}</dd>
        </div>
        <div>
          <dt>{t('pairing.fingerprint')}</dt>
          <dd className="pairing__fingerprint" data-testid="own-fingerprint">
            {overview.fingerprint}
          </dd>
        </div>
        {overview.tlsFingerprint && (
          <div>
            <dt>{t('pairing.tlsFingerprint')}</dt>
            <dd className="pairing__fingerprint">{overview.tlsFingerprint}</dd>
          </div>
        )}
        {overview.webhookPublicKey && (
          <div>
            <dt>{t('pairing.webhookPublicKey')}</dt>
            <dd className="pairing__fingerprint" dir="ltr" data-testid="webhook-public-key">
              {overview.webhookPublicKey}
            </dd>
          </div>
        )}
      </dl>
      {overview.webhookPublicKey && <p data-testid="webhook-public-key-hint">{t('pairing.webhookPublicKeyHint')}</p>}
      <p className={memoryOnly ? 'pairing__warning' : undefined} role={memoryOnly ? 'alert' : undefined} data-testid="key-protection">
        {t(`pairing.protection.${overview.keyProtection}`)}
      </p>
    </>
  );
}
