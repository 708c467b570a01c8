/**
 * A tiny static file server for the synthetic EHR pages (test/fixtures/ehr/), bound to 127.0.0.1
 * only. Used by the e2e tests (ephemeral port) and by `npm run demo` (a fixed port when free).
 *
 * Deliberately small: GET/HEAD of files below one folder, no directory listing beyond a generated
 * index of the HTML pages at `/`, no caching, and nothing outside the folder (path traversal is
 * refused with 403).
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, relative, resolve } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A running fixture server. */
export interface StaticServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:5177`. */
  readonly origin: string;
  readonly port: number;
  /** Absolute URL of a file below the served folder, e.g. `url('epic-demo.html')`. */
  url(path: string): string;
  /** Every path requested so far, in order (tests can check what the browser loaded). */
  readonly requests: readonly string[];
  /** Resolves when `path` has been requested (at once if it already was). */
  waitForRequest(path: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /**
   * Port to listen on. 0 (the default) picks a free ephemeral port. With a fixed port and
   * `fallbackToFree`, a port already in use falls back to the next free ones (up to 20 tries).
   */
  port?: number;
  fallbackToFree?: boolean;
}

function indexPage(root: string): string {
  const pages = readdirSync(root)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const items = pages.map((p) => `<li><a href="/${encodeURIComponent(p)}">${p}</a></li>`).join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Chartside synthetic EHR pages</title>
<h1>Synthetic EHR pages (fictional patients)</h1><ul>${items}</ul>\n`;
}

function handler(root: string, log: string[], onRequest: () => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(url.pathname);
    onRequest();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : indexPage(root));
      return;
    }
    let file: string;
    try {
      file = resolve(root, `.${decodeURIComponent(url.pathname)}`);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    const rel = relative(root, file);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      res.writeHead(403).end('outside the fixture folder');
      return;
    }
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolveListen((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Serves `root` on 127.0.0.1.
 *
 * @example
 * const server = await startStaticServer(FIXTURES_DIR);
 * await page.goto(server.url('epic-demo.html'));
 * await server.close();
 */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const folder = resolve(root);
  if (!statSync(folder).isDirectory()) throw new Error(`Chartside static server: ${folder} is not a folder`);
  const requests: string[] = [];
  const waiters = new Set<() => void>();
  const server = createServer(handler(folder, requests, () => waiters.forEach((w) => w())));
  const waitForRequest = (path: string, timeoutMs = 30_000): Promise<void> =>
    new Promise((done, fail) => {
      const check = (): void => {
        if (!requests.includes(path)) return;
        clearTimeout(timer);
        waiters.delete(check);
        done();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        fail(new Error(`${path} was not requested within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  // Keep-alive sockets from the browser must not hold close() open.
  server.keepAliveTimeout = 1000;

  const wanted = options.port ?? 0;
  const tries = wanted !== 0 && options.fallbackToFree ? 20 : 1;
  let port = -1;
  for (let i = 0; i < tries && port < 0; i += 1) {
    try {
      port = await listen(server, wanted === 0 ? 0 : wanted + i);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || i === tries - 1) throw error;
    }
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    requests,
    waitForRequest,
    url: (path: string) => new URL(path.replace(/^\/+/, ''), `${origin}/`).href,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
