import type { LobbyApi } from '../../../shared/contract';
import type { DeskState } from '../../../shared/desk';
import { KioskHealthPanel } from './kiosk-health-panel';
import { RequestList } from './request-list';
import { useNow } from './use-now';

/** The officer's main view: open requests, then the kiosks' health. */
export function LiveView({ state, api, naloxoneAtDesk }: { state: DeskState | null; api: LobbyApi; naloxoneAtDesk: boolean }) {
  const now = useNow();
  return (
    <div className="live-view" data-view="live">
      <RequestList state={state} api={api} now={now} naloxoneAtDesk={naloxoneAtDesk} />
      {state && <KioskHealthPanel kiosks={state.kiosks} now={now} />}
    </div>
  );
}
