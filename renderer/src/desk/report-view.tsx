import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../shared/contract';
import { reportPeriods, type ReportPeriod } from '../../../shared/desk';
import { ChoiceButtons } from './choice-buttons';
import { CsvExport } from './csv-export';
import { ReportSummary } from './report-summary';
import { useCall } from './use-call';

/** The program's anonymous numbers for a day, a week or a month, and their CSV. */
export function ReportView({ api }: { api: LobbyApi }) {
  const { t } = useTranslation('desk');
  const [period, setPeriod] = useState<ReportPeriod>('week');
  const report = useCall(`report-${period}`, () => api['desk.report']({ period }));
  return (
    <section aria-labelledby="report-heading" className="desk-panel" data-view="reports">
      <h2 id="report-heading">{t('report.heading')}</h2>
      <p>{t('report.anonymous')}</p>
      <ChoiceButtons
        label={t('report.period')}
        choices={reportPeriods.map((value) => ({ value, label: t(`report.periods.${value}`) }))}
        value={period}
        onChoose={setPeriod}
      />
      {report.status === 'loading' && <p>{t('loading')}</p>}
      {report.status === 'failed' && <p className="notice notice--urgent">{t('report.loadFailed')}</p>}
      {report.status === 'ready' && <ReportSummary report={report.value} />}
      <CsvExport api={api} period={period} />
    </section>
  );
}
