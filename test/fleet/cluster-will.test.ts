// SPEC 14.4 on the three-node NATS cluster: what the terminal sees of a reader whose node is
// killed. The reader's Will was registered with the node that died; the test records whether
// the terminal hears that Will (the reader "offline, connection-lost") and that the reader,
// having moved to another node by itself (SPEC 1.5), announces itself there again (a new
// birth, online), while a reader on a surviving node is not disturbed.
//
// A surviving node may itself drop the moved reader's new connection while the cluster elects
// new JetStream leaders for the MQTT streams: a JetStream request of nats-server 2.9.10 waits
// 4 s, and one that times out on a QoS 1 publish (the reader's birth, stored in `$MQTT_msgs`)
// closes the connection ("Protocol Violation" in the node's log), which publishes that
// connection's Will. Wills of one start of the reader are the same bytes (one bd_seq, one
// time_ms), so the terminal cannot tell them apart: the test tells them apart by the reader's
// own connection history. A death heard is that of a later connection only if the reader saw a
// connection made after the kill close before it, each such close explains one death at most,
// and a birth published after that close follows it. The killed node's own Will, published at
// any time, leaves a death unexplained.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceLink } from '../../firmware-host/link/device-link.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { connectMqtt, type MqttClientFactory } from '../../platform/link/mqtt-client.js';
import type { fareader } from '../../protocol/gen/fareader.js';
import { brokerUsername } from '../../protocol/link/broker-credentials.js';
import { FleetRig } from '../../tools/rig/fleet-rig.js';
import { until } from '../../tools/rig/link-fixture.js';
import { NATS_SERVER, NatsCluster } from '../../tools/rig/nats-cluster.js';
import type { ReferenceTerminal } from '../../tools/terminal/terminal.js';
import { missing } from '../helpers/system.js';

const noNats = !existsSync(NATS_SERVER) && missing('nats-server', 'nats-server');

/** One broker connection of a client as the client saw it: from its CONNACK to its close. */
interface Connection {
  readonly port: number;
  readonly up: number;
  down?: number;
}

/** A state the terminal heard: `at` when, `timeMs` when the device made it. */
interface Heard {
  readonly deviceId: string;
  readonly online: boolean;
  readonly reason: string;
  readonly timeMs: number;
  readonly at: number;
}

/** The real broker client, recording every client id's connections. */
function connectionLog(): { connect: MqttClientFactory; of: (clientId: string) => Connection[] } {
  const byClient = new Map<string, Connection[]>();
  const connect: MqttClientFactory = (url, options) => {
    const client = connectMqtt(url, options);
    const id = options.clientId ?? '';
    const list = byClient.get(id) ?? [];
    byClient.set(id, list);
    let open: Connection | undefined;
    // Registered before the link's own listeners: `up` precedes the birth this connection makes.
    client.on('connect', () => {
      open = { port: Number(client.options.port), up: Date.now() };
      list.push(open);
    });
    // An attempt closed before its CONNACK was never a connection: the node refused the
    // session, and holds no Will of it.
    client.on('close', () => {
      if (open) open.down = Date.now();
      open = undefined;
    });
    return client;
  };
  return { connect, of: (clientId) => byClient.get(clientId) ?? [] };
}

/**
 * The deaths of `deviceId` heard since `killedAt` that its connections made after the kill do
 * not explain (see the top of this file), as readable lines; empty when every one is explained.
 */
function unexplainedDeaths(
  deviceId: string,
  heard: readonly Heard[],
  connections: readonly Connection[],
  killedAt: number,
): string[] {
  const mine = heard.filter((s) => s.deviceId === deviceId && s.at >= killedAt);
  const closes = connections
    .filter((c) => c.up > killedAt && c.down !== undefined)
    .map((c) => ({ port: c.port, down: c.down! }));
  return mine
    .filter((s) => !s.online)
    .flatMap((death, k) => {
      const close = closes[k];
      const when = `death (${death.reason}) heard ${death.at - killedAt} ms after the kill`;
      if (!close || close.down > death.at)
        return [
          `${when}: no further close of a connection made after the kill precedes it (the killed node's Will)`,
        ];
      const reborn = mine.some((s) => s.online && s.at > death.at && s.timeMs >= close.down);
      return reborn
        ? []
        : [`${when}: no birth made after its connection to :${close.port} closed follows it`];
    });
}

describe('unexplainedDeaths', () => {
  const killedAt = 1000;
  const birth = (timeMs: number, at: number): Heard => ({
    deviceId: 'r',
    online: true,
    reason: '',
    timeMs,
    at,
  });
  const death = (at: number): Heard => ({
    deviceId: 'r',
    online: false,
    reason: 'connection-lost',
    timeMs: 1,
    at,
  });
  const moved: Connection = { port: 2, up: 2000, down: 6000 };
  const next: Connection = { port: 3, up: 7000 };

  it("a later connection's Will, heard after its close and followed by a new birth, is explained", () => {
    expect(unexplainedDeaths('r', [death(6010), birth(7000, 7050)], [moved, next], killedAt)).toEqual([]);
  });

  it("the killed node's Will is not: before any close, beside a later connection's, or with no close at all", () => {
    expect(
      unexplainedDeaths('r', [death(1500), birth(2000, 2100)], [{ port: 2, up: 2000 }], killedAt),
    ).toHaveLength(1);
    expect(
      unexplainedDeaths('r', [death(1500), death(6010), birth(7000, 7050)], [moved, next], killedAt),
    ).toHaveLength(2);
    expect(
      unexplainedDeaths('r', [death(6010), death(6020), birth(7000, 7050)], [moved, next], killedAt),
    ).toHaveLength(1);
  });

  it('a death with no birth made after its close following it is not explained', () => {
    // The birth heard after the death is the dropped connection's own, delivered late.
    expect(unexplainedDeaths('r', [death(6010), birth(2001, 6500)], [moved, next], killedAt)).toHaveLength(1);
  });
});

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
    const log = connectionLog();
    rig = new FleetRig(2, { ackTimeoutMs: 2000, connect: log.connect });
    cluster = await NatsCluster.start(join(rig.dir, 'nats'));
    const urls = cluster.urls;
    const states: Heard[] = [];
    terminal = rig.terminal(startingAt(urls, 2)); // on the node that survives
    terminal.on('device-state', (s: fareader.v1.DeviceState) =>
      states.push({
        deviceId: s.deviceId,
        online: s.online,
        reason: s.reason,
        timeMs: Number(s.timeMs),
        at: Date.now(),
      }),
    );
    await terminal.start(30_000);
    devices = [rig.device(0, startingAt(urls, 0)), rig.device(1, startingAt(urls, 1))];
    await Promise.all(devices.map((d) => d.start(30_000)));
    const [onKilled, onSurvivor] = rig.ids as [string, string];
    const moved = () => log.of(brokerUsername('dev', onKilled));
    const survivor = () => log.of(brokerUsername('dev', onSurvivor));
    await until(
      () => rig!.ids.every((id) => states.some((s) => s.deviceId === id && s.online)),
      30_000,
      'both readers online at the terminal',
    );
    expect(moved().at(-1)).toEqual({ port: Number(new URL(urls[0]!).port), up: expect.any(Number) });
    const before = states.length;
    const killedAt = Date.now();
    await cluster.kill(0);
    // The reader on the killed node reconnects to the next node of its list and publishes its
    // birth there: the terminal hears it online again, in a birth made on the connection it
    // holds now (a surviving node may have dropped an earlier one).
    const announcedAgain = (): boolean => {
      const open = moved().at(-1);
      if (!open || open.up <= killedAt || open.down !== undefined) return false;
      const mine = states.slice(before).filter((s) => s.deviceId === onKilled);
      const lastDeath = Math.max(killedAt, ...mine.filter((s) => !s.online).map((s) => s.at));
      return mine.some((s) => s.online && s.timeMs >= open.up && s.at >= lastDeath);
    };
    await until(announcedAgain, 60_000, 'the moved reader announced again');
    const back = states.slice(before).find((s) => s.deviceId === onKilled && s.online)!;
    const dropped = moved().filter((c) => c.up > killedAt && c.down !== undefined);
    console.log(
      `reader on the killed node announced again ${back.at - killedAt} ms after the kill; ` +
        `connections a surviving node dropped meanwhile: ${dropped.length}, deaths heard: ${
          states.slice(before).filter((s) => s.deviceId === onKilled && !s.online).length
        }`,
    );
    // nats-server 2.9 keeps a client's Will on the node it is connected to: killed with the
    // node, it is never published (SPEC 14.4). Should a newer server publish it, this fails:
    // SPEC 14.4 is then to say so.
    expect(unexplainedDeaths(onKilled, states, moved(), killedAt)).toEqual([]);
    expect(states.slice(before).filter((s) => s.deviceId === onSurvivor)).toEqual([]);
    expect(survivor()).toHaveLength(1);
    expect(survivor()[0]!.down).toBeUndefined();
    // Results flow again from the moved reader.
    const accepted = terminal.acceptedCount(onKilled);
    devices[0]!.publishResult(linkTestResult('after-kill', new Uint8Array(), Date.now()));
    await until(() => terminal!.acceptedCount(onKilled) === accepted + 1, 60_000, 'a result after the kill');
    // Nor is the Will published when the killed node comes back: it died with the node.
    await cluster.restartNode(0);
    await new Promise((r) => setTimeout(r, 3000));
    await until(announcedAgain, 60_000, 'the moved reader online after the node came back');
    expect(unexplainedDeaths(onKilled, states, moved(), killedAt)).toEqual([]);
    expect(states.slice(before).filter((s) => s.deviceId === onSurvivor)).toEqual([]);
    expect(survivor()).toHaveLength(1);
  }, 180_000);
});
