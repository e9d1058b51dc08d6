import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskReport } from '../../../shared/desk';
import { formatDay } from './format';

// Drawing units; the SVG scales to the panel's width and keeps its proportions, so text is never stretched.
const width = 700;
const height = 170;
const labelSpace = 28;
const barGap = 6;

/**
 * Requests per day as an inline SVG bar chart the sergeant can read at a
 * glance. The SVG is one image with a name; the same numbers follow in a
 * table for screen readers and for anyone who wants them exact.
 */
export function ReportChart({ perDay }: { perDay: DeskReport['perDay'] }) {
  const { t, i18n } = useTranslation('desk');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const titleId = useId();
  const max = Math.max(1, ...perDay.map((day) => day.count));
  const slot = width / Math.max(1, perDay.length);
  const barWidth = Math.min(80, slot - barGap);
  // Label every day up to a week, then about seven labels so they never overlap.
  const labelEvery = Math.max(1, Math.ceil(perDay.length / 7));
  return (
    <figure className="report-chart">
      <figcaption id={titleId}>{t('report.perDay')}</figcaption>
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${width} ${height + labelSpace}`} className="report-chart__svg">
        <line x1={0} x2={width} y1={height} y2={height} className="report-chart__axis" />
        {perDay.map((day, index) => {
          const barHeight = (day.count / max) * (height - 20);
          const x = index * slot + (slot - barWidth) / 2;
          return (
            <g key={day.date}>
              <rect x={x} y={height - barHeight} width={barWidth} height={barHeight} className="report-chart__bar" />
              {day.count > 0 && (
                <text x={x + barWidth / 2} y={height - barHeight - 4} textAnchor="middle" className="report-chart__value">
                  {day.count}
                </text>
              )}
              {index % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={height + 18} textAnchor="middle" className="report-chart__label">
                  {formatDay(language, day.date)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details className="report-chart__data">
        <summary>{t('report.perDayTable')}</summary>
        <table className="desk-table">
          <thead>
            <tr>
              <th scope="col">{t('report.date')}</th>
              <th scope="col">{t('report.count')}</th>
            </tr>
          </thead>
          <tbody>
            {perDay.map((day) => (
              <tr key={day.date}>
                <th scope="row">
                  <time dateTime={day.date}>{formatDay(language, day.date)}</time>
                </th>
                <td>{day.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
