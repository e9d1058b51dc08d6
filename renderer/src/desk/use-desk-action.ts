import { useState } from 'react';

export type DeskAction = {
  pending: boolean;
  failed: boolean;
  /** Runs one call; `onDone` runs after it succeeded (for example to move focus). */
  run(action: () => Promise<unknown>, onDone?: () => void): void;
};

/**
 * One button press that calls the desk core: disables its buttons while it
 * runs and keeps a failure on screen until the next try. Success needs no
 * message here; the next `desk.changed` redraws the request.
 */
export function useDeskAction(): DeskAction {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  return {
    pending,
    failed,
    run(action, onDone) {
      setPending(true);
      setFailed(false);
      action().then(
        () => {
          setPending(false);
          onDone?.();
        },
        () => {
          setPending(false);
          setFailed(true);
        },
      );
    },
  };
}
