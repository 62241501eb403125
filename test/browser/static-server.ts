// A static file server on a loopback port for the browser tests: pages given as text, and the files of
// one folder under a URL prefix. It records every path asked for, so a test can say what a page loaded.
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** A running server: its origin (`http://127.0.0.1:port`), the paths requested so far, and how to stop it. */
export interface StaticServer {
  readonly origin: string;
  readonly requested: string[];
  close(): Promise<void>;
}

/**
 * Serves `pages` (path → HTML) and the files under `folder` at `prefix` (e.g. `/browser/`) on 127.0.0.1.
 *
 * @param pages - HTML pages by path
 * @param prefix - the URL path the folder is served under, with a trailing slash
 * @param folder - the folder served
 * @returns the running server
 */
export async function serveStatic(pages: Readonly<Record<string, string>>, prefix: string, folder: string): Promise<StaticServer> {
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requested.push(path);
    const page = pages[path];
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] }).end(page);
      return;
    }
    const file = path.startsWith(prefix) ? normalize(join(folder, decodeURIComponent(path.slice(prefix.length)))) : undefined;
    if (file === undefined || !file.startsWith(folder + sep)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
