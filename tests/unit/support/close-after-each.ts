import { afterEach } from 'vitest';

type Closable = { close(): Promise<void> };

/**
 * Servers, kiosks and desks a test starts are closed after it, newest first,
 * even when the test fails. Returns `track(thing)`, which hands `thing` back.
 */
export function closeAfterEach(): <T extends Closable>(item: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const item of open.splice(0).reverse()) await item.close();
  });
  return (item) => {
    open.push(item);
    return item;
  };
}
