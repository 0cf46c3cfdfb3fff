/**
 * How `sarhad serve` serves the built UI (packages/server/src/routes/web-routes.ts), checked over raw HTTP: the
 * page and its SPA fallback, content types, caching (immutable hashed assets, revalidated HTML), ETag and gzip,
 * /api paths never answered with the page, and no way out of the dist folder whatever the path's spelling.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { BASE_URL } from './helpers/env.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(BASE_URL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the UI is served at / and every client route falls back to index.html, revalidated and locked down', async () => {
  for (const path of ['/', '/login', '/admin/users', '/travellers?x=1']) {
    const answer = await get(path);
    assert.equal(answer.status, 200, path);
    assert.equal(answer.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(answer.headers['cache-control'], 'no-cache');
    assert.match(String(answer.headers['content-security-policy']), /default-src 'self'.*frame-ancestors 'none'/);
    assert.equal(answer.headers['x-frame-options'], 'DENY');
    assert.match(answer.body, /<div id="root"><\/div>/);
  }
});

test('hashed assets are immutable with the right content type, gzip on request, and 304 for a known ETag', async () => {
  const page = await get('/');
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
  const style = /href="(\/assets\/[^"]+\.css)"/.exec(page.body)?.[1];
  assert.ok(script && style, 'index.html links a script and a stylesheet under /assets/');

  const js = await get(script);
  assert.equal(js.status, 200);
  assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(js.headers['x-content-type-options'], 'nosniff');
  assert.equal((await get(style)).headers['content-type'], 'text/css; charset=utf-8');
  assert.equal((await get('/favicon.svg')).headers['content-type'], 'image/svg+xml');

  const zipped = await get(script, { 'accept-encoding': 'gzip, br' });
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.ok(zipped.body.length < js.body.length);

  const etag = String(js.headers.etag);
  const again = await get(script, { 'if-none-match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.body, '');
});

test('API paths are never answered with the page', async () => {
  for (const path of ['/api', '/api/', '/api/no-such-thing', '/api/users/x/y']) {
    const answer = await get(path);
    assert.equal(answer.status, 404, path);
    assert.equal(JSON.parse(answer.body).error.code, 'ROUTE_NOT_FOUND', path);
    assert.equal(answer.headers['cache-control'], 'no-store');
  }
  const health = await get('/api/health');
  assert.equal(health.status, 200);
  assert.equal(JSON.parse(health.body).status, 'ok');
});

test('no path reaches outside the built UI, however it is spelled', async () => {
  const attempts = [
    '/../package.json',
    '/../../package.json',
    '/assets/../../package.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cpackage.json',
    '/assets/..%255c..%255cpackage.json',
    '/%00index.html',
    '/src/main.tsx',
    '/vite.config.ts',
    '/assets/',
    '/assets/missing.js',
    '/etc/passwd%00.js',
  ];
  for (const path of attempts) {
    const answer = await get(path);
    assert.ok([400, 404].includes(answer.status) || answer.body.includes('<div id="root">'), `${path} answered ${answer.status}`);
    assert.doesNotMatch(answer.body, /"name": "sarhad"|root:x:0:0|createRoot|defineConfig/, `${path} leaked a file`);
    if (answer.status !== 200) assert.doesNotMatch(String(answer.headers['content-type']), /text\/html/, path);
  }
});
