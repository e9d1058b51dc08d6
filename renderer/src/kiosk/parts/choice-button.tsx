import type { ReactNode } from 'react';

/** A large choice: a short title and, under it, one line saying what it leads to. */
export function ChoiceButton(props: { title: ReactNode; hint?: ReactNode; onClick(): void; tone?: 'urgent' | 'secondary' }) {
  const { title, hint, onClick, tone } = props;
  return (
    <button type="button" className={tone ? `choice choice--${tone}` : 'choice'} onClick={onClick}>
      <span className="choice__title">{title}</span>
      {hint && <span className="choice__hint">{hint}</span>}
    </button>
  );
}
