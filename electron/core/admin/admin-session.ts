/**
 * The admin session: opened with the PIN, kept alive by touches, ended after
 * 2 minutes without one. The core owns the clock (platform.now), so the UI
 * cannot keep a session open by itself and tests can move time.
 */
export const adminIdleMs = 2 * 60_000;

export type AdminSession = {
  /** `shortPin`: the PIN that opened it has fewer digits than a new PIN needs (kept for this session only). */
  open(facts?: { shortPin?: boolean }): void;
  /** Whether the open session was opened with a short PIN; false when no session is active. */
  shortPin(): boolean;
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
  let openedWithShortPin = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const finish = (why: 'ended' | 'expired') => {
    const wasOpen = lastTouch !== undefined;
    lastTouch = undefined;
    openedWithShortPin = false;
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
    open(facts) {
      lastTouch = now();
      openedWithShortPin = facts?.shortPin === true;
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
    shortPin: () => isActive() && openedWithShortPin,
    remaining: () => (isActive() && lastTouch !== undefined ? adminIdleMs - (now() - lastTouch) : 0),
    end: () => finish('ended'),
  };
}
