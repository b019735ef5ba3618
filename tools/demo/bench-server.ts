// The emulated bench's control port, on loopback: what a test rig's card placer and camera
// screens do for a real reader, here for the emulated one. The conformance kit drives the
// patient's hardware through it when it runs in another process (`npm start -- --bench`).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { FACES_DIR, PROFILES, type ProfileName } from '../../sim/card/card-profiles.js';
import type { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import type { ApplianceRig } from './appliance-rig.js';

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let s = '';
  for await (const c of req) {
    s += c;
    if (s.length > 4096) throw new Error('body too large');
  }
  try {
    return s ? (JSON.parse(s) as Record<string, unknown>) : {};
  } catch {
    throw new Error('body is not JSON');
  }
}

const PHOTO = /^img\d+\.jpg$/;

export async function serveBench(rig: ApplianceRig, port = 0): Promise<{ url: string; server: Server }> {
  let card: MyNumberCard | undefined;
  const server = createServer(async (req, res) => {
    const reply = (status: number, v: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v));
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = `${req.method} ${url.pathname}`;
      if (route === 'GET /bench/info')
        return reply(200, {
          kioskUrl: rig.kioskUrl,
          deviceId: rig.deviceId,
          brokerEmbedded: !rig.o.brokerUrl,
        });
      if (route === 'POST /bench/card') {
        const b = await body(req);
        const profile = String(b.profile ?? 'normal') as ProfileName;
        const photo = String(b.photo ?? 'img20.jpg');
        const face = b.face === undefined || b.face === null ? undefined : String(b.face);
        if (!(profile in PROFILES)) return reply(400, { error: `unknown profile ${profile}` });
        if (!PHOTO.test(photo) || (face && !PHOTO.test(face)))
          return reply(400, { error: 'photos are imgN.jpg' });
        const id = String(b.id ?? `bench-${Date.now()}`);
        // The id names the card's folder of keys and counters: no path tricks.
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id))
          return reply(400, { error: 'card ids are [A-Za-z0-9._-]' });
        card = await rig.card(id, profile, photo);
        await rig.patient.placeCard(card, face ? join(FACES_DIR, face) : undefined);
        return reply(200, { ok: true });
      }
      if (route === 'POST /bench/remove') {
        await rig.patient.leave();
        return reply(200, { ok: true });
      }
      if (route === 'GET /bench/card')
        return reply(card ? 200 : 404, card ? { ...card.stats, trace: undefined } : {});
      const m = /^POST \/bench\/readerd\/(stop|start|kill)$/.exec(route);
      if (m) {
        if (m[1] === 'stop') await rig.stopReaderd();
        else if (m[1] === 'kill') await rig.killReaderd();
        else await rig.startReaderd();
        return reply(200, { ok: true, kioskUrl: rig.kioskUrl });
      }
      reply(404, { error: 'no such bench action' });
    } catch (e) {
      reply(500, { error: (e as Error).message });
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server };
}
