// The kiosk screen's server, on loopback only: the page, a server-sent event stream of the
// screen's view, the patient's input (method, PIN, confirmations, consents, cancel, language,
// the prompts the page shows on its own, for the voice guidance), a live
// preview of the face camera while capturing, and the health endpoint. The PIN arrives in a
// POST body from the local browser and goes straight to the session: never logged, never
// echoed. Requests from any other address are refused.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '../../platform/log.js';
import type { PatientInput } from '../session/session-service.js';
import type { StaffRoutes } from './staff/staff-routes.js';
import { isLang, type Lang, TEXTS } from './texts/index.js';
import type { KioskView } from './view.js';

/** Prompts the page shows by itself (no state change): it reports them so they are spoken too. */
export const PAGE_PROMPTS = ['tooShort', 'cancelAsk'] as const;
export type PagePrompt = (typeof PAGE_PROMPTS)[number];

export type KioskInput =
  | PatientInput
  | { readonly type: 'language'; readonly lang: Lang }
  | { readonly type: 'consent-all' }
  | { readonly type: 'prompt'; readonly key: PagePrompt };

export interface KioskBackend {
  view(): KioskView;
  /** Registers a listener for view changes; returns the function that removes it. */
  subscribe(onView: (v: KioskView) => void): () => void;
  /** Registers a listener for the page's own prompts; returns the function that removes it. */
  onPrompt(onPrompt: (p: { key: PagePrompt; lang: Lang }) => void): () => void;
  input(i: KioskInput): boolean;
  /** The latest face-camera picture as JPEG while capturing (a face image: loopback only). */
  preview(): Promise<Buffer | undefined>;
  health(): { ok: boolean } & Record<string, unknown>;
}

// The texts go into the page itself: the first screen needs no second request.
const PAGE = Buffer.from(
  readFileSync(join(import.meta.dirname, 'page.html'), 'utf8').replace('/*TEXTS*/{}', () =>
    JSON.stringify(TEXTS).replaceAll('<', '\\u003c'),
  ),
);
const MAX_BODY = 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function parseInput(raw: unknown): KioskInput | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  switch (o.type) {
    case 'choose':
      return o.method === 'face' || o.method === 'pin' || o.method === 'visual-check'
        ? { type: 'choose', method: o.method }
        : undefined;
    case 'pin':
      return typeof o.pin === 'string' && /^\d{4}$/.test(o.pin) ? { type: 'pin', pin: o.pin } : undefined;
    case 'consent':
      return typeof o.granted === 'boolean' ? { type: 'consent', granted: o.granted } : undefined;
    case 'confirm-last-try':
    case 'cancel':
    case 'consent-all':
      return { type: o.type };
    case 'language':
      return isLang(o.lang) ? { type: 'language', lang: o.lang } : undefined;
    case 'prompt':
      return (PAGE_PROMPTS as readonly unknown[]).includes(o.key)
        ? { type: 'prompt', key: o.key as PagePrompt }
        : undefined;
    default:
      return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export class KioskServer {
  private readonly server: Server;
  private readonly streams = new Set<ServerResponse>();

  constructor(
    private readonly backend: KioskBackend,
    private readonly log: Logger,
    /** The staff screen (/staff), when a staff PIN is configured. */
    private readonly staff?: StaffRoutes,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: Error) => {
        this.log.warn('kiosk request failed', { url: req.url, error: e });
        if (!res.headersSent) json(res, 500, { error: 'internal error' });
        else res.end();
      });
    });
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return (this.server.address() as { port: number }).port;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      res.writeHead(403).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (this.staff && (await this.staff.handle(req, res, url.pathname, () => this.body(req, res)))) return;
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PAGE);
    } else if (req.method === 'GET' && url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
    } else if (req.method === 'GET' && url.pathname === '/events') {
      this.stream(req, res);
    } else if (req.method === 'GET' && url.pathname === '/api/view') {
      json(res, 200, this.backend.view());
    } else if (req.method === 'POST' && url.pathname === '/api/input') {
      const input = parseInput(await this.body(req, res));
      if (!input) return json(res, 400, { ok: false, error: 'not a patient input' });
      const ok = this.backend.input(input);
      json(res, ok ? 200 : 409, { ok, screen: this.backend.view().screen });
    } else if (req.method === 'GET' && url.pathname === '/preview.jpg') {
      const jpeg = await this.backend.preview();
      // No picture yet (or no capture running): nothing to show, which is not an error.
      if (!jpeg) return void res.writeHead(204, { 'cache-control': 'no-store' }).end();
      res.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'no-store' });
      res.end(jpeg);
    } else if (req.method === 'GET' && url.pathname === '/readyz') {
      // The kiosk browser waits for this, not /healthz: the patient screen is served (sessions
      // run, results queue in the outbox) while the broker or a device is down, and a dark
      // screen would hide that (issue 16, item 2). /healthz says what is wrong.
      json(res, 200, { ready: true, screen: this.backend.view().screen });
    } else if (req.method === 'GET' && (url.pathname === '/healthz' || url.pathname === '/status')) {
      const h = this.backend.health();
      json(res, h.ok ? 200 : 503, h);
    } else json(res, 404, { error: 'not found' });
  }

  private async body(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const chunks: Buffer[] = [];
    let n = 0;
    for await (const c of req) {
      n += (c as Buffer).length;
      if (n > MAX_BODY) {
        res.writeHead(413).end();
        return undefined;
      }
      chunks.push(c as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return undefined;
    }
  }

  private stream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = (v: KioskView): void => void res.write(`data: ${JSON.stringify(v)}\n\n`);
    send(this.backend.view());
    const off = this.backend.subscribe(send);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    this.streams.add(res);
    req.on('close', () => {
      off();
      clearInterval(ping);
      this.streams.delete(res);
    });
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.end();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
