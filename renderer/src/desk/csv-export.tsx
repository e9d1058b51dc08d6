import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../shared/contract';
import type { ReportPeriod } from '../../../shared/desk';
import { offerDownload } from './offer-download';

type ExportState = 'idle' | 'working' | 'done' | 'failed';

/** Downloads the period's anonymous counts as CSV for the program's own reporting. */
export function CsvExport({ api, period }: { api: LobbyApi; period: ReportPeriod }) {
  const { t } = useTranslation('desk');
  const [state, setState] = useState<ExportState>('idle');
  const exportCsv = () => {
    setState('working');
    api['desk.exportCsv']({ period }).then(
      ({ fileName, csv }) => {
        offerDownload(fileName, csv);
        setState('done');
      },
      () => setState('failed'),
    );
  };
  return (
    <div className="csv-export">
      <button type="button" className="button button--primary" disabled={state === 'working'} onClick={exportCsv}>
        {t('report.download')}
      </button>
      <p role="status" className={state === 'failed' ? 'notice notice--urgent' : undefined}>
        {state === 'done' && t('report.downloaded')}
        {state === 'failed' && t('report.exportFailed')}
      </p>
    </div>
  );
}
