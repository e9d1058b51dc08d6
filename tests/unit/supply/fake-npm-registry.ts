/**
 * A stand-in npm registry on 127.0.0.1 with the two endpoints `npm run audit`
 * uses, in the shapes npm's client reads: the bulk advisory endpoint (POST
 * /-/npm/v1/security/advisories/bulk, a body of name → versions, gzipped by
 * npm, plain JSON from the script) and packuments (GET /<name>).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export type FakeAdvisory = { id: number; title: string; url: string; severity: string; vulnerable_versions: string };

export type RegistryBehaviour = {
  /** Advisories by package name; ignored when `advisoryStatus` is not 200. */
  advisories: Record<string, FakeAdvisory[]>;
  /** 405 is what the registry reachable from here answers. */
  advisoryStatus: number;
  /** Published versions by package name. */
  versions: Record<string, string[]>;
};

export type FakeRegistry = { url: string; bulkRequests: Array<Record<string, string[]>>; close: () => Promise<void> };

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}

function packument(registryUrl: string, name: string, versions: string[]) {
  const entries = versions.map((version) => [
    version,
    { name, version, dist: { tarball: `${registryUrl}${name}/-/${name}-${version}.tgz`, integrity: '' } },
  ]);
  return { name, 'dist-tags': { latest: versions.at(-1) }, versions: Object.fromEntries(entries) };
}

/** Starts the registry on a port the system picks. */
export async function startFakeRegistry(behaviour: RegistryBehaviour): Promise<FakeRegistry> {
  const bulkRequests: Array<Record<string, string[]>> = [];
  let url = '';
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const send = (status: number, value?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (request.url === '/-/npm/v1/security/advisories/bulk') {
        if (request.method !== 'POST') return send(405);
        const asked = JSON.parse(body.toString('utf8')) as Record<string, string[]>;
        bulkRequests.push(asked);
        if (behaviour.advisoryStatus !== 200) return send(behaviour.advisoryStatus);
        const found = Object.keys(asked).filter((name) => Object.hasOwn(behaviour.advisories, name));
        return send(200, Object.fromEntries(found.map((name) => [name, behaviour.advisories[name]])));
      }
      const name = decodeURIComponent((request.url ?? '/').slice(1));
      const versions = Object.hasOwn(behaviour.versions, name) ? behaviour.versions[name] : undefined;
      if (request.method === 'GET' && versions) return send(200, packument(url, name, versions));
      return send(404, { error: 'Not found' });
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    bulkRequests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
