import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LobbyApi } from '../../../shared/contract';
import { closeKiosks, renderKiosk } from './kiosk-harness';

afterEach(closeKiosks);

/** The kiosk's API with a count of the session-ended calls it makes. */
function countingSessionEnds(): { wrap: (api: LobbyApi) => LobbyApi; count: () => number } {
  let ended = 0;
  return {
    wrap: (api) => ({
      ...api,
      on: api.on,
      'kiosk.sessionEnded': (input) => {
        ended += 1;
        return api['kiosk.sessionEnded'](input);
      },
    }),
    count: () => ended,
  };
}

describe('the kiosk keeps nothing on the clipboard', () => {
  it('copy and cut do nothing on the kiosk screen', async () => {
    await renderKiosk();
    const heading = screen.getByRole('heading', { level: 1 });
    // fireEvent answers false when a listener called preventDefault.
    expect(fireEvent.copy(heading), 'copy is refused').toBe(false);
    expect(fireEvent.cut(heading), 'cut is refused').toBe(false);
  });

  it('tells main that the session ended each time the screen starts over, so main empties the clipboard', async () => {
    const calls = countingSessionEnds();
    const { user } = await renderKiosk({ api: calls.wrap });
    expect(calls.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Touch here to start' }));
    await user.click(await screen.findByRole('button', { name: 'Start over' }));
    await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' });
    expect(calls.count()).toBe(1);
  });
});
