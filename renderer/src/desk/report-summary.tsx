import { useTranslation } from 'react-i18next';
import type { DeskReport } from '../../../shared/desk';
import { closeOutcomes, requestKinds } from '../../../shared/request-rules';
import { CountTable } from './count-table';
import { formatDuration, languageName } from './format';
import { ReportChart } from './report-chart';

/** One report: the totals first, then the chart, then each breakdown as a small table. */
export function ReportSummary({ report }: { report: DeskReport }) {
  const { t, i18n } = useTranslation('desk');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const seconds = (value: number | undefined) => (value === undefined ? t('report.noAnswers') : formatDuration(language, value));
  const count = t('report.count');
  return (
    <div className="report-summary" data-period={report.period}>
      <dl className="report-totals">
        <div>
          <dt>{t('report.total')}</dt>
          <dd data-field="report-total">{report.total}</dd>
        </div>
        <div>
          <dt>{t('report.emergencies')}</dt>
          <dd>{report.byPriority.emergency ?? 0}</dd>
        </div>
        <div>
          <dt>{t('report.answered')}</dt>
          <dd>{report.timeToAcknowledge.count}</dd>
        </div>
        <div>
          <dt>{t('report.median')}</dt>
          <dd>{seconds(report.timeToAcknowledge.medianSeconds)}</dd>
        </div>
        <div>
          <dt>{t('report.p90')}</dt>
          <dd>{seconds(report.timeToAcknowledge.p90Seconds)}</dd>
        </div>
      </dl>
      <ReportChart perDay={report.perDay} />
      <div className="report-tables">
        <CountTable
          caption={t('report.byKind')}
          heading={t('report.category')}
          countLabel={count}
          rows={requestKinds.map((kind) => ({ key: kind, label: t(`kind.${kind}`), count: report.byKind[kind] ?? 0 }))}
        />
        <CountTable
          caption={t('report.byLanguage')}
          heading={t('report.category')}
          countLabel={count}
          rows={Object.entries(report.byLanguage).map(([code, n]) => ({ key: code, label: languageName(language, code), count: n }))}
        />
        <CountTable
          caption={t('report.byOutcome')}
          heading={t('report.category')}
          countLabel={count}
          rows={[...closeOutcomes, 'open' as const].map((outcome) => ({
            key: outcome,
            label: outcome === 'open' ? t('report.open') : t(`close.${outcome}`),
            count: report.byOutcome[outcome] ?? 0,
          }))}
        />
      </div>
    </div>
  );
}
