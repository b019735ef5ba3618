// SPEC 14.4 on the three-node NATS cluster: what the terminal sees of a reader whose node is
// killed. The reader's Will was registered with the node that died; the test records whether
// the terminal hears that Will (the reader "offline, connection-lost") and that the reader,
// having moved to another node by itself (SPEC 1.5), announces itself there again (a new
// birth, online), while a reader on a surviving node is not disturbed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceLink } from '../../firmware-host/link/device-link.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import type { fareader } from '../../protocol/gen/fareader.js';
import { FleetRig } from '../../tools/rig/fleet-rig.js';
import { until } from '../../tools/rig/link-fixture.js';
import { NATS_SERVER, NatsCluster } from '../../tools/rig/nats-cluster.js';
import type { ReferenceTerminal } from '../../tools/terminal/terminal.js';
import { missing } from '../helpers/system.js';

const noNats = !existsSync(NATS_SERVER) && missing('nats-server', 'nats-server');

let rig: FleetRig | undefined;
let cluster: NatsCluster | undefined;
let devices: DeviceLink[] = [];
let terminal: ReferenceTerminal | undefined;

afterEach(async () => {
  await terminal?.stop().catch(() => {});
  await Promise.all(devices.map((d) => d.stop(0)));
  for (const d of devices) d.outbox.close();
  devices = [];
  await cluster?.stop();
  rig?.cleanup();
});

const startingAt = (urls: string[], i: number): string => [...urls.slice(i), ...urls.slice(0, i)].join(',');

describe.skipIf(noNats)('a killed NATS node and its clients (SPEC 14.4)', () => {
  it('the reader on it moves to another node and is announced again; the others are undisturbed', async () => {
    rig = new FleetRig(2, { ackTimeoutMs: 2000 });
    cluster = await NatsCluster.start(join(rig.dir, 'nats'));
    const urls = cluster.urls;
    const states: { deviceId: string; online: boolean; reason: string; at: number }[] = [];
    terminal = rig.terminal(startingAt(urls, 2)); // on the node that survives
    terminal.on('device-state', (s: fareader.v1.DeviceState) =>
      states.push({ deviceId: s.deviceId, online: s.online, reason: s.reason, at: Date.now() }),
    );
    await terminal.start(30_000);
    devices = [rig.device(0, startingAt(urls, 0)), rig.device(1, startingAt(urls, 1))];
    await Promise.all(devices.map((d) => d.start(30_000)));
    const [onKilled, onSurvivor] = rig.ids as [string, string];
    await until(
      () => rig!.ids.every((id) => states.some((s) => s.deviceId === id && s.online)),
      30_000,
      'both readers online at the terminal',
    );
    const before = states.length;
    const killedAt = Date.now();
    await cluster.kill(0);
    // The reader on the killed node reconnects to the next node of its list and publishes its
    // birth there: the terminal hears it online again.
    await until(
      () => states.slice(before).some((s) => s.deviceId === onKilled && s.online),
      60_000,
      'the moved reader announced again',
    );
    const after = states.slice(before);
    const will = after.find((s) => s.deviceId === onKilled && !s.online);
    const back = after.find((s) => s.deviceId === onKilled && s.online)!;
    console.log(`reader on the killed node announced again ${back.at - killedAt} ms after the kill`);
    // nats-server 2.9 keeps a client's Will on the node it is connected to: killed with the
    // node, it is never published (SPEC 14.4). Should a newer server publish it, this fails:
    // SPEC 14.4 is then to say so.
    expect(will).toBeUndefined();
    expect(after.filter((s) => s.deviceId === onSurvivor)).toEqual([]);
    // Results flow again from the moved reader.
    const accepted = terminal.acceptedCount(onKilled);
    devices[0]!.publishResult(linkTestResult('after-kill', new Uint8Array(), Date.now()));
    await until(() => terminal!.acceptedCount(onKilled) === accepted + 1, 60_000, 'a result after the kill');
    // Nor is the Will published when the killed node comes back: it died with the node.
    await cluster.restartNode(0);
    await new Promise((r) => setTimeout(r, 3000));
    expect(states.slice(before).filter((s) => !s.online)).toEqual([]);
  }, 180_000);
});
