// A reader stopping on a half-dead connection (the broker's side stopped reading, the socket
// still open) must still stop: the death's PUBACK never comes, nor the broker's close.
import { createServer, type Server, Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../firmware-host/link/broker.js';
import { makeLinkKeys, until } from '../tools/rig/link-fixture.js';
import { makeDevice } from '../tools/rig/link-pair.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A TCP relay to the broker that can be frozen: bytes stop flowing both ways, sockets stay open. */
async function relay(target: URL): Promise<{ url: string; freeze(): void; close(): Promise<void> }> {
  let frozen = false;
  const sockets: Socket[] = [];
  const server: Server = createServer((inbound) => {
    const outbound = new Socket();
    sockets.push(inbound, outbound);
    outbound.connect(Number(target.port), target.hostname);
    inbound.on('data', (b) => frozen || outbound.write(b));
    outbound.on('data', (b) => frozen || inbound.write(b));
    inbound.on('error', () => {});
    outbound.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `mqtt://127.0.0.1:${port}`,
    freeze: () => {
      frozen = true;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

it('stops on a half-dead connection: the death is not acknowledged, the stop still ends', async () => {
  const keys = makeLinkKeys();
  const broker = await startEmbeddedBroker();
  cleanup.push(() => broker.close());
  const r = await relay(new URL(broker.url));
  cleanup.push(() => r.close());
  const device = makeDevice(keys, r.url);
  await device.start();
  await until(() => device.health().connected, 10_000);
  r.freeze();
  let stopped = false;
  await device.stop().then(() => {
    stopped = true;
  });
  expect(stopped).toBe(true);
}, 30_000);
