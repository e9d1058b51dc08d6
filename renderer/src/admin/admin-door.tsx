import { createContext, lazy, Suspense, useCallback, useContext, useState, type ReactNode } from 'react';
import type { LobbyApi } from '../../../shared/contract';
import { useAdminHold } from './use-long-press';

// The admin screen is its own chunk: the public kiosk downloads it only when someone holds the door open.
const AdminArea = lazy(async () => ({ default: (await import('./admin-area')).AdminArea }));

const OpenAdmin = createContext<(() => void) | undefined>(undefined);

/** For the desk's "Admin" button; undefined outside an AdminDoor. */
export function useOpenAdmin(): (() => void) | undefined {
  return useContext(OpenAdmin);
}

/**
 * Holds the way into the admin screen for both roles: a 5-second hold on any
 * element marked `data-admin-door` (the agency's name on the kiosk, the title
 * of the out-of-service screen), or the desk's button through useOpenAdmin.
 *
 * On the kiosk the public screen is unmounted while the admin area is open,
 * so it comes back wiped, as after a session reset. The desk console stays
 * mounted underneath (hidden), so its alerts keep sounding.
 */
export function AdminDoor({ api, keepScreenMounted, children }: { api: LobbyApi; keepScreenMounted: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  useAdminHold(show, !open);

  const admin = open && (
    <Suspense fallback={<main className="screen screen--plain" aria-busy="true" />}>
      <AdminArea api={api} onClose={close} />
    </Suspense>
  );
  if (!keepScreenMounted) return <OpenAdmin.Provider value={show}>{admin || children}</OpenAdmin.Provider>;
  return (
    <OpenAdmin.Provider value={show}>
      {admin}
      <div hidden={open}>{children}</div>
    </OpenAdmin.Provider>
  );
}
