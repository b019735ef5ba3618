// The staff screen's routes on the kiosk server (loopback only, like the rest): GET /staff is
// the page; /api/staff/* need the token a right staff PIN gives. Staff see the reader's
// identity, versions and devices, the last sessions' outcomes (time, method, outcome: no
// names, no card data, no session ids), run self-tests and change volume, the default
// language and the panel's brightness. The PIN arrives in a POST body and is never logged.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '../../../platform/log.js';
import { isLang, LANGS, type Lang } from '../texts/index.js';
import { pairingRoute, type StaffPairing } from './staff-pairing.js';
import type { StaffGate } from './staff-pin.js';

export interface StaffSettings {
  /** Voice prompts, 0–100 (0 = silent). */
  readonly volume: number;
  /** The language every new patient is greeted in. */
  readonly defaultLang: Lang;
  /** The front panel's LEDs, 1–100 %. */
  readonly brightness: number;
}

export interface RecentSession {
  readonly at: string;
  readonly method?: string;
  readonly outcome: string;
}

export interface StaffDeps {
  readonly gate: StaffGate;
  info(): Record<string, unknown>;
  recent(): readonly RecentSession[];
  settings(): StaffSettings;
  apply(change: Partial<StaffSettings>): StaffSettings;
  selfTest(what: 'card' | 'camera' | 'panel'): Promise<string[]>;
  /** Pairing with a terminal (its own section, staff-pairing.ts); none: not offered. */
  readonly pairing?: StaffPairing;
  readonly log: Logger;
}

const PAGE = readFileSync(join(import.meta.dirname, 'staff.html'));

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The settings a request may change, each checked; undefined when anything is off. */
export function parseSettings(raw: unknown): Partial<StaffSettings> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  const out: { volume?: number; defaultLang?: Lang; brightness?: number } = {};
  for (const k of Object.keys(o)) if (!['volume', 'defaultLang', 'brightness'].includes(k)) return undefined;
  const pct = (v: unknown, min: number): number | undefined =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 100 ? v : undefined;
  if (o.volume !== undefined) {
    out.volume = pct(o.volume, 0);
    if (out.volume === undefined) return undefined;
  }
  if (o.brightness !== undefined) {
    out.brightness = pct(o.brightness, 1);
    if (out.brightness === undefined) return undefined;
  }
  if (o.defaultLang !== undefined) {
    if (!isLang(o.defaultLang)) return undefined;
    out.defaultLang = o.defaultLang;
  }
  return out;
}

export class StaffRoutes {
  constructor(private readonly d: StaffDeps) {}

  /** Handles the request if it is the staff screen's; false: not one of these routes. */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    body: () => Promise<unknown>,
  ): Promise<boolean> {
    if (req.method === 'GET' && path === '/staff') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PAGE);
      return true;
    }
    if (!path.startsWith('/api/staff/')) return false;
    const route = `${req.method} ${path.slice('/api/staff/'.length)}`;
    if (route === 'POST login') {
      const b = (await body()) as { pin?: unknown } | undefined;
      const r = this.d.gate.login(b?.pin);
      if (r.ok) {
        this.d.log.info('staff screen opened');
        json(res, 200, { token: r.token, expiresMs: r.expiresMs });
      } else if (r.why === 'locked') {
        this.d.log.warn('staff screen locked after wrong PINs', { retryAfterMs: r.retryAfterMs });
        json(res, 429, { error: 'locked', retryAfterMs: r.retryAfterMs });
      } else json(res, 401, { error: 'wrong PIN', triesLeft: r.triesLeft });
      return true;
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!this.d.gate.check(token)) {
      json(res, 401, { error: 'staff PIN required' });
      return true;
    }
    if ((route === 'GET pairing' || route === 'POST pairing') && this.d.pairing) {
      await pairingRoute(this.d.pairing, req.method, body, res);
      return true;
    }
    switch (route) {
      case 'GET status':
        json(res, 200, {
          ...this.d.info(),
          settings: this.d.settings(),
          recent: this.d.recent(),
          langs: LANGS,
        });
        return true;
      case 'POST settings': {
        const change = parseSettings(await body());
        if (!change) {
          json(res, 400, { error: 'volume 0–100, brightness 1–100, defaultLang one of the kiosk languages' });
          return true;
        }
        const now = this.d.apply(change);
        this.d.log.info('staff changed settings', { ...change });
        json(res, 200, { settings: now });
        return true;
      }
      case 'POST selftest': {
        const what = ((await body()) as { what?: unknown } | undefined)?.what;
        if (what !== 'card' && what !== 'camera' && what !== 'panel') {
          json(res, 400, { error: 'what: card, camera or panel' });
          return true;
        }
        json(res, 200, { lines: await this.d.selfTest(what) });
        return true;
      }
      case 'POST logout':
        this.d.gate.logout();
        json(res, 200, { ok: true });
        return true;
      default:
        json(res, 404, { error: 'not found' });
        return true;
    }
  }
}
