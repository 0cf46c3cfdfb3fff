/**
 * Serves the built web UI (packages/web/dist, written by `vite build`) at `/`, on the same origin as the API so
 * that the HttpOnly, SameSite=Strict session cookie needs no CORS. Any GET that is not under /api and does not
 * name a file gets index.html (the UI routes on the client: /admin/users survives a reload).
 *
 * Only the files found in the dist folder are served, read into memory at the first request (a rebuilt UI is
 * served after a restart): a request path is looked up in that table and never joined to a filesystem path, so
 * `..`, encoded slashes or symlinks cannot reach anything else. Vite's hashed files under /assets/ are cached for a
 * year as immutable (RFC 8246); index.html and the other files are revalidated by ETag on every load.
 *
 * When no build exists (a checkout where `npm run build -w @sarhad/web` has not run) the API works as before and
 * the log says how to build the UI.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServerError } from '../errors.js';
import type { ServiceContext } from '../services/context.js';

export interface WebRoutesOptions {
  /** The folder holding index.html and assets/; by default `dist` of the @sarhad/web package. */
  readonly distDir?: string | undefined;
}

/** Content types by extension; anything else is served as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Hashed build output: the name changes whenever the content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable'; // 1 year (RFC 8246)
/** Everything else: may be stored, but must be revalidated (ETag) before each use. */
const REVALIDATE = 'no-cache';
/** Text smaller than this is sent as it is. */
const GZIP_MIN_BYTES = 1024; // 1 KiB

/**
 * The page may load scripts, styles, images and fonts from this origin only and talk only to this origin; no
 * inline script, no framing (clickjacking), no plugins. Vite's build needs no inline code.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface StaticFile {
  readonly body: Buffer;
  readonly gzip: Buffer | undefined;
  readonly type: string;
  readonly etag: string;
  readonly cacheControl: string;
}

/** The dist folder of the @sarhad/web package, if that package is installed. */
export function defaultWebDistDir(): string | undefined {
  try {
    const packageJson = createRequire(import.meta.url).resolve('@sarhad/web/package.json');
    return join(dirname(packageJson), 'dist');
  } catch {
    return undefined;
  }
}

/** Reads every regular file under `dir` into a table keyed by URL path (`/assets/index-abc.js`). */
function loadFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
        const body = readFileSync(path);
        const type = CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
        const compressible = /^(text\/|application\/(json|manifest)|image\/svg)/.test(type) && body.length >= GZIP_MIN_BYTES;
        files.set(urlPath, {
          body,
          gzip: compressible ? gzipSync(body, { level: 9 }) : undefined,
          type,
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
          cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
        });
      }
    }
  };
  walk(dir);
  return files;
}

/** The request path, percent-decoded, or undefined when it cannot be decoded. */
function decodedPath(request: FastifyRequest): string | undefined {
  const raw = request.url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** Registers the UI routes when a build exists; returns whether it did. */
export function webRoutes(app: FastifyInstance, _ctx: ServiceContext, options: WebRoutesOptions = {}): boolean {
  const dir = options.distDir ?? defaultWebDistDir();
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    app.log.info({ dir: dir ?? '(no @sarhad/web package)' }, 'no built web UI; serving the API only (build it: npm run build -w @sarhad/web)');
    return false;
  }
  // Read on first use: tests build many applications and most never ask for a page.
  let table: Map<string, StaticFile> | undefined;
  const files = () => (table ??= loadFiles(dir));
  // The API's onSend hook marks every answer no-store; the UI's own files are cacheable, so this scope (whose hooks
  // run after the application's) sets their caching and security headers last.
  const served = new WeakMap<FastifyReply, StaticFile>();

  app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      const file = served.get(reply);
      if (!file) return payload;
      reply.header('cache-control', file.cacheControl);
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'no-referrer');
      return payload;
    });

    const send = (request: FastifyRequest, reply: FastifyReply, file: StaticFile) => {
      served.set(reply, file);
      reply.header('content-type', file.type);
      reply.header('etag', file.etag);
      reply.header('vary', 'accept-encoding');
      const inm = request.headers['if-none-match'];
      if (inm && inm.split(',').some((tag) => tag.trim() === file.etag)) return reply.code(304).send();
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (file.gzip && acceptsGzip) {
        reply.header('content-encoding', 'gzip');
        return reply.send(file.gzip);
      }
      return reply.send(file.body);
    };

    scope.get('/*', async (request, reply) => {
      const path = decodedPath(request);
      if (path === undefined) throw new ServerError('REQUEST_INVALID', 'the path is not valid percent-encoding');
      if (isApiPath(path)) throw new ServerError('ROUTE_NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`);
      const file = files().get(path);
      if (file) return send(request, reply, file);
      // A missing asset or any other file-like name (robots.txt, ../etc/passwd) is not a page of the UI.
      const last = path.slice(path.lastIndexOf('/') + 1);
      if (path.startsWith('/assets/') || last.includes('.') || /\0|\\|\/\.\.?(\/|$)/.test(path)) {
        throw new ServerError('ROUTE_NOT_FOUND', `no file ${request.url.split('?')[0]}`);
      }
      const index = files().get('/index.html');
      if (!index) throw new ServerError('ROUTE_NOT_FOUND', `no web UI in ${dir}`);
      return send(request, reply, index);
    });
  });
  app.log.info({ dir }, 'serving the web UI');
  return true;
}
