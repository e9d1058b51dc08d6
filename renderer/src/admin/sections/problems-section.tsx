import { useTranslation } from 'react-i18next';
import type { AdminSectionProps } from '../admin-sections';

/** Each configuration problem with the file and field it is about (the messages come from the validator, in English). */
export function ProblemsSection({ overview }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  if (overview.configProblems.length === 0) return <p>{t('problems.none')}</p>;
  return (
    <ul className="admin__problems">
      {overview.configProblems.map((problem, index) => (
        <li key={`${problem.file}-${problem.field}-${index}`}>
          <code>{problem.file}</code> · <code>{problem.field}</code>: <span lang="en">{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}
