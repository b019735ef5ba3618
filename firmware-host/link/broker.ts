// The embedded broker (SPEC §1.3, §13): aedes on loopback, for a reader with no site broker.
// Given an authority (readerd always gives one) it admits only the reader and its trusted
// terminals, each with its key-bound password, and enforces the per-client ACL.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { Aedes, type AedesOptions, type AuthenticateError, type Client, type ConnectPacket } from 'aedes';
import { bytesEqual, toHex } from '../../protocol/bytes.js';
import { mayPublish, maySubscribe } from '../../protocol/link/broker-acl.js';
import type { BrokerIdentity } from '../../protocol/link/broker-credentials.js';
import { MAX_ENVELOPE_BYTES } from '../../protocol/link/envelope.js';
import { MqttFrameMeter } from '../../protocol/link/mqtt-frame-meter.js';
import { decodePairingMessage, MAX_PAIRING_MESSAGE_BYTES } from '../../protocol/link/pairing-messages.js';
import { pairingTopics } from '../../protocol/link/topics.js';
import { authenticateClient, type BrokerAuthority } from './broker-auth.js';

/**
 * The largest MQTT packet the embedded broker takes. aedes has no such option and buffers any
 * packet whole, so the socket is metered. Four envelopes' worth, not one: a payload somewhat over
 * the device's own 64 KiB limit must still reach the device, which drops it itself as a broker
 * outside it would let it (SPEC 10.2; the conformance kit's ERR-01 sends 70 KiB through the kit's
 * broker, built from this one); the bound only keeps one packet from filling readerd's heap.
 */
export const MAX_BROKER_PACKET_BYTES = 4 * MAX_ENVELOPE_BYTES + 4096;

export interface EmbeddedBroker {
  readonly url: string;
  readonly port: number;
  /** Closes the connections admitted for a pairing window (SPEC 15.8), once it has closed. */
  dropPairingClients(): void;
  close(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  readonly host?: string;
  readonly port?: number;
  /** Absent: an open broker (tests that play intruders, the kit's self-test rig). */
  readonly authority?: BrokerAuthority;
  /** Told about every refused connection, publication and subscription. */
  readonly onRefused?: (what: 'connect' | 'publish' | 'subscribe', clientId: string, detail: string) => void;
  /** Shown every CONNECT packet as it arrives (the conformance kit checks the device's, §1.1). */
  readonly onConnectPacket?: (packet: ConnectPacket) => void;
  /** Packets announced larger than this close the connection (MAX_BROKER_PACKET_BYTES). */
  readonly maxPacketBytes?: number;
}

/**
 * aedes pulls the socket with read(); every chunk it pulls goes through the meter first, and a
 * packet announced over the limit destroys the socket before its body is buffered anywhere.
 */
function meterPackets(socket: Socket, maxBytes: number): void {
  const meter = new MqttFrameMeter(maxBytes);
  const read = socket.read.bind(socket);
  socket.read = (n?: number) => {
    const chunk = read(n) as Buffer | null;
    if (chunk && meter.feed(chunk) !== 'ok') {
      socket.destroy();
      return null;
    }
    return chunk;
  };
}

/** What the broker knows of the pairing connections of the current window (SPEC 15.10). */
interface PairingLogins {
  readonly clients: Set<Client>;
  /** The key each pairing login proved with its password. */
  readonly keys: WeakMap<Client, Uint8Array>;
  /** Which client owns a pairing id (hex): the first that used it. */
  readonly owners: Map<string, Client>;
}

/**
 * Why a pairing login may not publish this on its device's to-device topic, or undefined
 * (SPEC 15.10): no retained or oversized message, nothing that is no pairing step, a hello only
 * with its own id and the key its login proved, and no step of a pairing id another client owns.
 */
function pairingRefusal(
  p: PairingLogins,
  client: Client,
  w: BrokerIdentity,
  packet: { retain: boolean; payload: Buffer | string },
): string | undefined {
  if (packet.retain) return 'a retained pairing message';
  const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
  if (payload.length > MAX_PAIRING_MESSAGE_BYTES) return `a pairing message of ${payload.length} bytes`;
  let m: ReturnType<typeof decodePairingMessage>;
  try {
    m = decodePairingMessage(new Uint8Array(payload));
  } catch {
    return 'no pairing step';
  }
  if (m.step.kind === 'hello') {
    const proved = p.keys.get(client);
    if (m.step.terminalId !== w.id) return `a hello for "${m.step.terminalId.slice(0, 64)}" from ${w.id}`;
    if (!proved || !bytesEqual(proved, m.step.terminalKey))
      return "a hello with another key than the login's";
  }
  const id = toHex(m.pairingId);
  const owner = p.owners.get(id);
  if (owner && owner !== client) return "a step of another client's pairing";
  if (!owner) p.owners.set(id, client);
  return undefined;
}

function guarded(a: BrokerAuthority, o: EmbeddedBrokerOptions, pairing: PairingLogins): AedesOptions {
  const who = new WeakMap<Client, BrokerIdentity>();
  const pairingClients = pairing.clients;
  const toDevice = pairingTopics(a.deviceId).toDevice;
  const refused = o.onRefused ?? (() => {});
  // A pairing client's rights last as long as the window, not as long as its connection.
  const allowed = (w: BrokerIdentity | null | undefined): w is BrokerIdentity =>
    !!w && (w.pairingWith === undefined || a.pairingOpen?.() === true);
  return {
    authenticate: (client, username, password, done) => {
      const v = authenticateClient(a, client.id, username, password);
      if (v.ok) {
        who.set(client, v.who);
        if (v.who.pairingWith !== undefined) {
          pairingClients.add(client);
          if (v.pairingKey) pairing.keys.set(client, v.pairingKey);
        }
        return done(null, true);
      }
      refused('connect', client.id, v.reason);
      const e = new Error(v.reason) as AuthenticateError;
      e.returnCode = 4; // bad user name or password
      done(e, false);
    },
    authorizePublish: (client, packet, done) => {
      const w = client && who.get(client);
      // Broker-internal publications ($SYS) have no client.
      if (!client) return done(null);
      if (allowed(w) && mayPublish(w, packet.topic)) {
        const why =
          w.pairingWith !== undefined && packet.topic === toDevice
            ? pairingRefusal(pairing, client, w, packet)
            : undefined;
        if (!why) return done(null);
        refused('publish', client.id, `${packet.topic.slice(0, 200)}: ${why}`);
        return done(new Error(`${client.id} may not publish ${why}`));
      }
      refused('publish', client.id, packet.topic.slice(0, 200));
      done(new Error(`${client.id} may not publish on ${packet.topic.slice(0, 200)}`));
    },
    authorizeSubscribe: (client, sub, done) => {
      const w = who.get(client);
      if (allowed(w) && maySubscribe(w, sub.topic)) return done(null, sub);
      refused('subscribe', client.id, sub.topic.slice(0, 200));
      done(null, null); // SUBACK 0x80 for this filter
    },
  };
}

export async function startEmbeddedBroker(opts: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> {
  const host = opts.host ?? '127.0.0.1';
  const pairing: PairingLogins = { clients: new Set(), keys: new WeakMap(), owners: new Map() };
  const pairingClients = pairing.clients;
  const seeConnect = opts.onConnectPacket;
  const aedes = await Aedes.createBroker({
    ...(opts.authority ? guarded(opts.authority, opts, pairing) : {}),
    ...(seeConnect
      ? {
          preConnect: (
            _client: Client,
            packet: ConnectPacket,
            done: (e: Error | null, ok: boolean) => void,
          ) => {
            seeConnect(packet);
            done(null, true);
          },
        }
      : {}),
  });
  aedes.on('clientDisconnect', (c) => pairingClients.delete(c));
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    meterPackets(socket, opts.maxPacketBytes ?? MAX_BROKER_PACKET_BYTES);
    aedes.handle(socket);
  });
  server.listen(opts.port ?? 0, host);
  await once(server, 'listening');
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `mqtt://${host}:${port}`,
    port,
    dropPairingClients: () => {
      for (const c of pairingClients) if (!c.closed) c.close();
      pairingClients.clear();
      pairing.owners.clear();
    },
    close: async () => {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
