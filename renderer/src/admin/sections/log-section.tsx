import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminLogLine } from '../../../../shared/admin';
import type { AdminSectionProps } from '../admin-sections';

function lineText(line: AdminLogLine): string {
  const fields = line.fields
    ? ` ${Object.entries(line.fields)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ')}`
    : '';
  return `${line.time} ${line.level.toUpperCase()} ${line.area}: ${line.message}${fields}`;
}

/** The last 200 log lines, on request (they hold no personal data; the logger drops it). */
export function LogSection({ api }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const [lines, setLines] = useState<AdminLogLine[] | undefined>();
  return (
    <>
      <button type="button" className="button" onClick={() => void api['admin.log.recent']({}).then(setLines)}>
        {lines ? t('log.reload') : t('log.show')}
      </button>
      {lines && (
        <pre className="admin__log" lang="en" tabIndex={0} aria-label={t('log.title')}>
          {lines.map(lineText).join('\n') || t('log.empty')}
        </pre>
      )}
    </>
  );
}
