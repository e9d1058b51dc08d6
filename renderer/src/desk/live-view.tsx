import type { LobbyApi } from '../../../shared/contract';
import type { DeskState } from '../../../shared/desk';
import { KioskHealthPanel } from './kiosk-health-panel';
import { RequestList } from './request-list';

/** The officer's main view: open requests, then the kiosks' health. Clocks tick inside their own text, so nothing here re-renders each second. */
export function LiveView({ state, api, naloxoneAtDesk }: { state: DeskState | null; api: LobbyApi; naloxoneAtDesk: boolean }) {
  return (
    <div className="live-view" data-view="live">
      <RequestList state={state} api={api} naloxoneAtDesk={naloxoneAtDesk} />
      {state && <KioskHealthPanel kiosks={state.kiosks} />}
    </div>
  );
}
