import { useId } from 'react';

/** A labelled row of toggle buttons choosing one value (a period, a range): keyboard-operable, state in aria-pressed. */
export function ChoiceButtons<Value extends string | number>(props: {
  label: string;
  choices: readonly { value: Value; label: string }[];
  value: Value;
  onChoose: (value: Value) => void;
}) {
  const labelId = useId();
  return (
    <div className="choice-buttons">
      <span id={labelId} className="choice-buttons__label">
        {props.label}
      </span>
      <div role="group" aria-labelledby={labelId} className="button-row">
        {props.choices.map((choice) => (
          <button
            key={choice.value}
            type="button"
            className="button"
            aria-pressed={choice.value === props.value}
            onClick={() => props.onChoose(choice.value)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}
