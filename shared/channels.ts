/**
 * Wire names for the contract's calls and events, derived from their contract
 * names so the two ends cannot disagree. Free of zod, so the renderer can use
 * it without shipping the schemas.
 */
export const channel = {
  call: (name: string) => `lobby:call:${name}`,
  event: (name: string) => `lobby:event:${name}`,
};
