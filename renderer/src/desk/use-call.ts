import { useEffect, useState } from 'react';

export type CallState<Value> = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; value: Value };

/**
 * The answer to one desk call, fetched again whenever `key` changes. An answer
 * for an older key is dropped, so a quick change of period never shows stale numbers.
 */
export function useCall<Value>(key: string, fetch: () => Promise<Value>): CallState<Value> {
  const [result, setResult] = useState<{ key: string; state: CallState<Value> }>({ key: '', state: { status: 'loading' } });
  useEffect(() => {
    let active = true;
    fetch().then(
      (value) => active && setResult({ key, state: { status: 'ready', value } }),
      () => active && setResult({ key, state: { status: 'failed' } }),
    );
    return () => {
      active = false;
    };
    // The key names what fetch asks for; fetch itself is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result.key === key ? result.state : { status: 'loading' };
}
