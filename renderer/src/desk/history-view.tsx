import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../shared/contract';
import { ChoiceButtons } from './choice-buttons';
import { HistoryTable } from './history-table';
import { useCall } from './use-call';

const ranges = [1, 7, 30] as const;
type Range = (typeof ranges)[number];

/** Closed requests, newest first, over a range the officer picks. */
export function HistoryView({ api }: { api: LobbyApi }) {
  const { t } = useTranslation('desk');
  const [days, setDays] = useState<Range>(7);
  const history = useCall(`history-${days}`, () => api['desk.history']({ days }));
  return (
    <section aria-labelledby="history-heading" className="desk-panel" data-view="history">
      <h2 id="history-heading">{t('history.heading')}</h2>
      <ChoiceButtons
        label={t('history.range')}
        choices={ranges.map((value) => ({ value, label: t(`history.days.${value}`) }))}
        value={days}
        onChoose={setDays}
      />
      {history.status === 'loading' && <p>{t('loading')}</p>}
      {history.status === 'failed' && <p className="notice notice--urgent">{t('history.loadFailed')}</p>}
      {history.status === 'ready' && (history.value.length === 0 ? <p>{t('history.none')}</p> : <HistoryTable requests={history.value} />)}
    </section>
  );
}
