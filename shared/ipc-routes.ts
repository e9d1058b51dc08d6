/**
 * Wire names (IPC channels, server-sent event names) for the contract's calls
 * and events, derived from their contract names so the two ends cannot
 * disagree. Called routes, so that "channel" means only a delivery channel
 * (desk, webhook, Teams…). Free of zod, so the renderer can use it without
 * shipping the schemas.
 */
export const ipcRoute = {
  call: (name: string) => `lobby:call:${name}`,
  event: (name: string) => `lobby:event:${name}`,
  /** The preload's word that the page has its listeners in place: main then sends the events it held. */
  rendererReady: 'lobby:renderer-ready',
};
