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
// connection made after the kill close near it (from DEATH_BEFORE_CLOSE_MS before the close,
// as the node publishes the Will and closes the socket from separate goroutines, to
// DEATH_AFTER_CLOSE_MS after it, as the Will's own publish may wait on JetStream), each such
// close explains one death at most, and a birth published after that close follows it. The
// killed node's own Will, published at any time, leaves a death unexplained (unless it falls in
// the window of a close whose own Will is not heard: a limit of telling identical Wills apart).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceLink } from '../../firmware-host/link/device-link.js';
import { linkTestResult } from '../../firmware-host/link-test.js';
import { connectMqtt, type MqttClientFactory } from '../../platform/link/mqtt-client.js';
import type { fareader } from '../../protocol/gen/fareader.js';
import { brokerUsername } from '../../protocol/link/broker-credentials.js';
import { deviceTopics } from '../../protocol/link/topics.js';
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

/** The message a client is delivering now: its topic, retain flag and which connection (1 = first). */
interface Delivering {
  readonly topic: string;
  readonly retain: boolean;
  readonly connection: number;
}

/**
 * The real broker client, recording every client id's connections and the message each client
 * is delivering. `pin` keeps a client id's connections to one node (on every attempt, as if its
 * server list held only that node) until `release` gives it back its whole list.
 */
function connectionLog(): {
  connect: MqttClientFactory;
  of: (clientId: string) => Connection[];
  delivering: (clientId: string) => Delivering | undefined;
  pin: (clientId: string, port: number) => void;
  release: (clientId: string) => void;
} {
  const byClient = new Map<string, Connection[]>();
  const current = new Map<string, Delivering>();
  const pins = new Map<string, number>();
  const releases = new Map<string, () => void>();
  const connect: MqttClientFactory = (url, options) => {
    const id = options.clientId ?? '';
    const pinned = pins.get(id);
    const servers = options.servers;
    const client =
      pinned === undefined || servers === undefined
        ? connectMqtt(url, options)
        : connectMqtt(url, { ...options, servers: servers.filter((s) => s.port === pinned) });
    // MQTT.js reads `options.servers` at each reconnection, its count of attempts then points
    // past the first entry: released, the client goes on to the next node as if never pinned.
    if (pinned !== undefined && servers !== undefined)
      releases.set(id, () => {
        client.options.servers = servers;
      });
    const list = byClient.get(id) ?? [];
    byClient.set(id, list);
    let open: Connection | undefined;
    // Registered before the link's own listeners: `up` precedes the birth this connection makes,
    // and a message's retain flag is known while the link handles it.
    client.on('connect', () => {
      open = { port: Number(client.options.port), up: Date.now() };
      list.push(open);
    });
    client.on('message', (topic, _payload, packet) => {
      current.set(id, { topic, retain: packet.retain, connection: list.length });
    });
    // An attempt closed before its CONNACK was never a connection: the node refused the
    // session, and holds no Will of it.
    client.on('close', () => {
      if (open) open.down = Date.now();
      open = undefined;
    });
    return client;
  };
  return {
    connect,
    of: (clientId) => byClient.get(clientId) ?? [],
    delivering: (clientId) => current.get(clientId),
    pin: (clientId, port) => pins.set(clientId, port),
    release: (clientId) => {
      const release = releases.get(clientId);
      if (!release) throw new Error(`${clientId} was not pinned to a node`);
      release();
    },
  };
}

/**
 * How long before the close of its connection its Will may be heard: nats-server publishes the
 * Will and closes the socket from separate goroutines, and the reader's 'close' and the
 * terminal's message share one event loop (7 ms apart seen).
 */
const DEATH_BEFORE_CLOSE_MS = 250;
/** How long after the close its Will may be heard: its publish may wait nats' 4 s JetStream timeout. */
const DEATH_AFTER_CLOSE_MS = 5000;

/**
 * The deaths of `deviceId` heard since `killedAt` that its connections made after the kill do
 * not explain (see the top of this file), as readable lines; empty when every one is explained.
 * Each death, in the order heard, takes the earliest close not yet taken whose window holds it
 * (as the windows are all as long, no other choice explains more deaths).
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
    .map((c) => ({ port: c.port, down: c.down!, taken: false }))
    .sort((a, b) => a.down - b.down);
  return mine
    .filter((s) => !s.online)
    .sort((a, b) => a.at - b.at)
    .flatMap((death) => {
      const when = `death (${death.reason}) heard ${death.at - killedAt} ms after the kill`;
      const close = closes.find(
        (c) =>
          !c.taken && death.at >= c.down - DEATH_BEFORE_CLOSE_MS && death.at <= c.down + DEATH_AFTER_CLOSE_MS,
      );
      if (!close)
        return [
          `${when}: no close of a connection made after the kill, not paired already, from ${DEATH_AFTER_CLOSE_MS} ms before it to ${DEATH_BEFORE_CLOSE_MS} ms after it (the killed node's Will)`,
        ];
      close.taken = true;
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
    const beside = unexplainedDeaths(
      'r',
      [death(1500), death(6010), birth(7000, 7050)],
      [moved, next],
      killedAt,
    );
    expect(beside).toHaveLength(1);
    expect(beside[0]).toMatch(/^death \(connection-lost\) heard 500 ms after the kill: no close/);
    expect(
      unexplainedDeaths('r', [death(6010), death(6020), birth(7000, 7050)], [moved, next], killedAt),
    ).toHaveLength(1);
  });

  it('a death heard a little before its close (the node publishes the Will and closes the socket apart) is explained', () => {
    expect(unexplainedDeaths('r', [death(5993), birth(7000, 7050)], [moved, next], killedAt)).toEqual([]);
    expect(unexplainedDeaths('r', [death(5750), birth(7000, 7050)], [moved, next], killedAt)).toEqual([]);
    // Further before the close it is not that connection's Will.
    expect(unexplainedDeaths('r', [death(5700), birth(7000, 7050)], [moved, next], killedAt)).toHaveLength(1);
  });

  it('a death heard long after every close is not explained: an old close absorbs no later Will', () => {
    // Within 5 s of its close the Will of a connection whose publish waited on JetStream.
    expect(
      unexplainedDeaths(
        'r',
        [death(11_000), birth(12_000, 12_050)],
        [moved, { port: 3, up: 12_000 }],
        killedAt,
      ),
    ).toEqual([]);
    // The killed node's Will published 6 s after the only close whose Will was not heard.
    expect(
      unexplainedDeaths(
        'r',
        [death(12_000), birth(13_000, 13_050)],
        [moved, { port: 3, up: 13_000 }],
        killedAt,
      ),
    ).toHaveLength(1);
    // A spare old close beside a later one: the later close's Will takes the later close, the
    // killed node's Will, long after the old close, is left unexplained.
    const old: Connection = { port: 2, up: 2000, down: 3000 };
    const later: Connection = { port: 3, up: 4000, down: 10_000 };
    expect(
      unexplainedDeaths(
        'r',
        [death(10_005), death(10_500), birth(11_000, 11_050)],
        [old, later, { port: 2, up: 11_000 }],
        killedAt,
      ),
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
    const [onKilled, onSurvivor] = rig.ids as [string, string];
    const termClient = brokerUsername('term', 'terminal-1');
    const states: Heard[] = [];
    // A state delivered with the retain flag on a later connection of the terminal is the
    // broker's retained copy, sent again because the terminal subscribed again: not a state
    // published then. nats-server 2.9.10 delivers a live state without the flag, and one
    // published while the terminal was away (its session persistent, QoS 1) once without it
    // when the terminal comes back and once more with it (tried beside this test): a Will of the
    // killed node's connection is counted whenever it is published. Ignored rather than refused,
    // as the survivor node may drop the terminal's connection too while leaders are elected.
    const copies: Heard[] = [];
    const unmatched: string[] = [];
    terminal = rig.terminal(startingAt(urls, 2)); // on the node that survives
    terminal.on('device-state', (s: fareader.v1.DeviceState) => {
      const heard = {
        deviceId: s.deviceId,
        online: s.online,
        reason: s.reason,
        timeMs: Number(s.timeMs),
        at: Date.now(),
      };
      // The terminal emits a state while it handles the message that carried it.
      const d = log.delivering(termClient);
      if (d?.topic !== deviceTopics(s.deviceId).state)
        unmatched.push(`${s.deviceId} while delivering ${d?.topic}`);
      if (d?.retain && d.connection > 1) copies.push(heard);
      else states.push(heard);
    });
    await terminal.start(30_000);
    // The reader to be moved is on node 0 when it dies: it is kept to node 0 until then (a
    // node refusing its first CONNECT, loading the session timed out, would send it on to node
    // 1), and given its whole list just before the kill.
    const killedPort = Number(new URL(urls[0]!).port);
    log.pin(brokerUsername('dev', onKilled), killedPort);
    devices = [rig.device(0, startingAt(urls, 0)), rig.device(1, startingAt(urls, 1))];
    await Promise.all(devices.map((d) => d.start(30_000)));
    const moved = () => log.of(brokerUsername('dev', onKilled));
    const survivor = () => log.of(brokerUsername('dev', onSurvivor));
    await until(
      () => rig!.ids.every((id) => states.some((s) => s.deviceId === id && s.online)),
      30_000,
      'both readers online at the terminal',
    );
    await until(
      () => moved().at(-1)?.port === killedPort && moved().at(-1)?.down === undefined,
      30_000,
      `${onKilled} connected to node 0 (:${killedPort}) before the kill`,
    );
    log.release(brokerUsername('dev', onKilled));
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
        }; terminal connections: ${log.of(termClient).length}, retained copies ignored: ${copies.length}`,
    );
    expect(unmatched, 'device-state emitted outside the delivery of its message').toEqual([]);
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
    expect(unmatched, 'device-state emitted outside the delivery of its message').toEqual([]);
  }, 180_000);
});
