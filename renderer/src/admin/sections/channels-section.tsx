import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestPageResult } from '../../../../shared/admin';
import type { AdminSectionProps } from '../admin-sections';

/**
 * Each delivery channel: type, host, last result, failed deliveries; the
 * outbox depth; and "Send a test page" to one channel or all of them.
 */
export function ChannelsSection({ api, overview, refresh }: AdminSectionProps) {
  const { t, i18n } = useTranslation('admin');
  const [sending, setSending] = useState<string | undefined>();
  const [results, setResults] = useState<TestPageResult[] | undefined>();
  const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');

  const send = async (channelId: string | undefined) => {
    setSending(channelId ?? 'all');
    setResults(undefined);
    try {
      setResults(await api['admin.testPage'](channelId ? { channelId } : {}));
    } finally {
      setSending(undefined);
      refresh();
    }
  };
  const sendButton = (channelId: string | undefined, label: string) => (
    <button
      type="button"
      className="button"
      aria-disabled={sending !== undefined || undefined}
      onClick={() => void (sending ? undefined : send(channelId))}
    >
      {label}
    </button>
  );

  // A kiosk that pages nobody must say so where the administrator looks, not only in the log.
  if (overview.channels.length === 0) return <p className="admin__warning">{t('channels.none')}</p>;

  return (
    <>
      {overview.outboxDepth !== undefined && <p>{t('channels.outbox', { number: overview.outboxDepth })}</p>}
      <table className="admin__table">
        <thead>
          <tr>
            <th scope="col">{t('channels.channel')}</th>
            <th scope="col">{t('channels.host')}</th>
            <th scope="col">{t('channels.last')}</th>
            <th scope="col">{t('channels.failed')}</th>
            <th scope="col">{t('channels.test')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.channels.map((channel) => (
            <tr key={channel.id} data-channel={channel.id}>
              <th scope="row">
                {channel.id}{' '}
                <span className="admin__muted">
                  ({channel.type}, {t(`channels.use.${channel.use}`)})
                </span>
              </th>
              <td>{channel.host}</td>
              <td>
                {channel.lastResult ? t(`channels.results.${channel.lastResult}`) : t('channels.results.none')}
                {channel.lastReason && <span className="admin__muted"> ({channel.lastReason})</span>}
                <br />
                <span className="admin__muted">{when(channel.lastAt)}</span>
              </td>
              <td>{channel.failedDeliveries}</td>
              <td>{sendButton(channel.id, t('channels.sendOne'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sendButton(undefined, t('channels.sendAll'))}
      <div role="status" className="admin__results">
        {sending && <p>{t('channels.sending')}</p>}
        {results && (
          <ul>
            {results.map((result) => (
              <li key={result.channelId} data-result={result.outcome}>
                {result.channelId}: {result.outcome === 'delivered' ? t('channels.results.delivered') : t('channels.results.failed')}
                {result.reason && <span className="admin__muted"> ({result.reason})</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
