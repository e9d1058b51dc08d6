/**
 * The admin session: opened with the PIN, kept alive by touches, ended after
 * 2 minutes without one. The core owns the clock (platform.now), so the UI
 * cannot keep a session open by itself and tests can move time.
 */
export const adminIdleMs = 2 * 60_000;

export type AdminSession = {
  open(): void;
  /** Extends an active session; false when there is none (or it just ran out). */
  touch(): boolean;
  isActive(): boolean;
  /** Milliseconds left, 0 when no session is active. */
  remaining(): number;
  end(): void;
};

/**
 * @param onEnded called once when an open session ends, whether by `end()` or for lack of a touch
 *   (noticed on the next check; `checkEveryMs` runs that check while a session is open).
 */
export function createAdminSession(options: {
  now: () => number;
  onEnded: (why: 'ended' | 'expired') => void;
  checkEveryMs?: number;
}): AdminSession {
  const { now } = options;
  let lastTouch: number | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const finish = (why: 'ended' | 'expired') => {
    const wasOpen = lastTouch !== undefined;
    lastTouch = undefined;
    stopTimer();
    if (wasOpen) options.onEnded(why);
  };
  const isActive = () => {
    if (lastTouch === undefined) return false;
    if (now() - lastTouch < adminIdleMs) return true;
    finish('expired');
    return false;
  };

  return {
    open() {
      lastTouch = now();
      stopTimer();
      timer = setInterval(isActive, options.checkEveryMs ?? 1000);
      // A forgotten session must not keep a test process or a quitting app alive.
      timer.unref?.();
    },
    touch() {
      if (!isActive()) return false;
      lastTouch = now();
      return true;
    },
    isActive,
    remaining: () => (isActive() && lastTouch !== undefined ? adminIdleMs - (now() - lastTouch) : 0),
    end: () => finish('ended'),
  };
}
