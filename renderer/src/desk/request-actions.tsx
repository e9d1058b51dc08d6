import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../shared/contract';
import type { DeskRequestView } from '../../../shared/desk';
import { ackMessageKeysFor, closeOutcomes } from '../../../shared/request-rules';
import { ActionGroup } from './action-group';
import { useDeskAction } from './use-desk-action';

/** A closed request leaves the list, and its buttons with it: focus goes back to the list's heading. */
function focusListHeading(): void {
  document.getElementById('requests-heading')?.focus();
}

/**
 * What the officer can do with one request: answer it (the kiosk shows the
 * chosen message in the person's language), then close it with an outcome for
 * the program's report. A request another desk took needs nothing here.
 */
export function RequestActions({ request, api }: { request: DeskRequestView; api: LobbyApi }) {
  const { t } = useTranslation('desk');
  const action = useDeskAction();
  const acknowledgement = request.acknowledgement;
  // The pressed button disappears once the answer lands; keyboard and screen-reader users continue from the confirmation.
  const answeredHere = useRef(false);
  const answeredRef = useRef<HTMLParagraphElement>(null);
  const answeredKey = acknowledgement?.messageKey;
  useEffect(() => {
    if (answeredKey && answeredHere.current) {
      answeredHere.current = false;
      answeredRef.current?.focus();
    }
  }, [answeredKey]);

  if (acknowledgement && !acknowledgement.byThisDesk) {
    return (
      <p className="request-card__taken" data-field="taken-by">
        {t('state.takenBy')} <strong>{acknowledgement.deskName}</strong> — {t(`ack.${acknowledgement.messageKey}`)}
      </p>
    );
  }

  if (!acknowledgement) {
    return (
      <div className="request-actions">
        <ActionGroup
          legend={t('ack.legend')}
          choices={ackMessageKeysFor[request.priority]}
          labelOf={(messageKey) => t(`ack.${messageKey}`)}
          primary
          action={action}
          onPress={(messageKey) => {
            answeredHere.current = true;
            action.run(() => api['desk.acknowledge']({ id: request.id, messageKey }));
          }}
        />
      </div>
    );
  }

  return (
    <div className="request-actions">
      <p data-field="answered" ref={answeredRef} tabIndex={-1}>
        {t('state.answeredHere')} <strong>{t(`ack.${acknowledgement.messageKey}`)}</strong>
      </p>
      <ActionGroup
        legend={t('close.legend')}
        choices={closeOutcomes}
        labelOf={(outcome) => t(`close.${outcome}`)}
        action={action}
        onPress={(outcome) => action.run(() => api['desk.close']({ id: request.id, outcome }), focusListHeading)}
      />
    </div>
  );
}
