import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../e2e/support/static-server';

describe('fixture static server', () => {
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chartside-static-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'chart.html'), '<!doctype html><p>Fictional patient</p>');
    writeFileSync(join(dir, 'sub', 'a.css'), 'p{}');
    writeFileSync(join(tmpdir(), 'chartside-outside.txt'), 'secret');
    server = await startStaticServer(dir);
  });
  afterAll(() => server.close());

  it('binds to 127.0.0.1 on an ephemeral port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves files with their content type', async () => {
    const html = await fetch(server.url('chart.html'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('Fictional patient');
    const css = await fetch(server.url('sub/a.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('lists the HTML pages at /', async () => {
    const text = await (await fetch(`${server.origin}/`)).text();
    expect(text).toContain('href="/chart.html"');
  });

  it('answers 404 for a missing file and never serves outside the folder', async () => {
    expect((await fetch(server.url('nope.html'))).status).toBe(404);
    // URL parsing drops a plain "/../"; an encoded slash survives it and must still be refused.
    const escaped = await fetch(`${server.origin}/%2e%2e%2fchartside-outside.txt`);
    expect(escaped.status).toBe(403);
    expect(await escaped.text()).not.toContain('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(server.url('chart.html'), { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('records the paths requested, and waits for one', async () => {
    expect(server.requests).toContain('/chart.html');
    await server.waitForRequest('/chart.html');
    const later = server.waitForRequest('/later.html', 5_000);
    await fetch(server.url('later.html'));
    await later;
    await expect(server.waitForRequest('/never.html', 50)).rejects.toThrow(/not requested/);
  });

  it('falls back to the next free port when asked to', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as { port: number }).port;
    const other = await startStaticServer(dir, { port: taken, fallbackToFree: true });
    try {
      expect(other.port).not.toBe(taken);
      await expect(startStaticServer(dir, { port: taken })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await other.close();
      await new Promise((r) => blocker.close(r));
    }
  });
});
