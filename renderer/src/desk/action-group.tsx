import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskAction } from './use-desk-action';

/** A labelled row of buttons for one decision about a request, disabled while a press is on its way, with its failure below. */
export function ActionGroup<Choice extends string>(props: {
  legend: string;
  choices: readonly Choice[];
  labelOf: (choice: Choice) => string;
  primary?: boolean;
  action: DeskAction;
  onPress: (choice: Choice) => void;
}) {
  const { t } = useTranslation('desk');
  const legendId = useId();
  return (
    <>
      <p id={legendId} className="request-actions__legend">
        {props.legend}
      </p>
      <div role="group" aria-labelledby={legendId} className="button-row">
        {props.choices.map((choice) => (
          <button
            key={choice}
            type="button"
            className={props.primary ? 'button button--primary' : 'button'}
            disabled={props.action.pending}
            onClick={() => props.onPress(choice)}
          >
            {props.labelOf(choice)}
          </button>
        ))}
      </div>
      {props.action.failed && (
        <p className="notice notice--urgent" role="alert">
          {t('actionFailed')}
        </p>
      )}
    </>
  );
}
