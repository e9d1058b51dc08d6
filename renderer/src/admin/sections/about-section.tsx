import { useTranslation } from 'react-i18next';
import type { AdminSectionProps } from '../admin-sections';

/** Version, role, device id and place: what support asks first. */
export function AboutSection({ overview }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const rows: Array<[string, string]> = [
    [t('about.version'), overview.version],
    [t('about.role'), t(`about.roles.${overview.role}`)],
    [t('about.deviceId'), overview.deviceId ?? '—'],
    [t('about.place'), overview.placeName ?? '—'],
  ];
  return (
    <dl className="admin__facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
