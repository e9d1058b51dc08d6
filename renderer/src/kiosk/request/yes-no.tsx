/** Two large answers side by side; "yes" may be urgent (danger now). */
export function YesNo(props: { yes: string; no: string; onAnswer(answer: boolean): void; urgentYes?: boolean; current?: boolean }) {
  const { yes, no, onAnswer, urgentYes, current } = props;
  return (
    <div className="yes-no">
      <button
        type="button"
        className={urgentYes ? 'button button--answer button--urgent' : 'button button--answer'}
        aria-pressed={current === undefined ? undefined : current}
        onClick={() => onAnswer(true)}
      >
        {yes}
      </button>
      <button
        type="button"
        className="button button--answer"
        aria-pressed={current === undefined ? undefined : !current}
        onClick={() => onAnswer(false)}
      >
        {no}
      </button>
    </div>
  );
}
