/**
 * How many connections the receiver holds open: in all (`maxConnections`,
 * beyond which Node drops new sockets) and per address, so one machine on
 * the LAN opening sockets and sending nothing cannot lock the kiosks out.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { DeskDeviceConfig } from '../../../../shared/config.js';
import type { Logger } from '../../logger.js';

export function limitConnections(
  server: Server,
  limits: Pick<DeskDeviceConfig['receiver'], 'maxConnections' | 'maxConnectionsPerAddress'>,
  logger: Logger,
): void {
  server.maxConnections = limits.maxConnections;
  const open = new Map<string, number>();
  let refused = 0;
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.maxConnectionsPerAddress) {
      refused += 1;
      // Counts only: an address on the LAN is not personal data, but the log needs none.
      if (refused === 1 || refused % 100 === 0) logger.warn('refused connections over the per-address limit', { count: refused });
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
