// Broker connection settings shared by the device and the reference terminal (SPEC §1).
import { readFileSync } from 'node:fs';
import type { IClientOptions } from 'mqtt';
import { ErrorCode } from '../../protocol/errors.js';
import { withFile } from '../fs-errors.js';

export interface BrokerSettings {
  /**
   * mqtt://host:port or mqtts://host:port; several, comma-separated, are the nodes of one
   * cluster (or standby brokers): tried in order, and on a lost connection the next one.
   */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** PEM files for TLS: CA bundle, client certificate and key (client-certificate auth). */
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  /** Only for bench setups with self-signed brokers; never disable in a clinic. */
  readonly rejectUnauthorized?: boolean;
  /** The name the broker's certificate must carry, when it is not the URL's host (TLS SNI). */
  readonly servername?: string;
}

/** The URLs of a broker setting, in the order they are tried (SPEC 1.6). */
export function brokerUrls(url: string): string[] {
  return url
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

/**
 * MQTT.js's server list: on every reconnection it takes the next entry, cycling, so a link
 * that loses its node goes on to the next one and comes back round to the first.
 */
function serverList(urls: readonly string[]): IClientOptions['servers'] {
  if (urls.length < 2) return undefined;
  return urls.map((u) => {
    const p = new URL(u);
    const protocol = p.protocol.replace(':', '') as 'mqtt' | 'mqtts';
    return { host: p.hostname, port: Number(p.port || (protocol === 'mqtts' ? 8883 : 1883)), protocol };
  });
}

/**
 * `keyCredentials`: the party's key-bound username and password (SPEC §13.1), presented when the
 * settings name no username of their own.
 */
export function mqttClientOptions(
  b: BrokerSettings,
  clientId: string,
  keyCredentials?: { readonly username: string; readonly password: string },
): IClientOptions {
  const own = b.username !== undefined;
  return {
    clientId,
    servers: serverList(brokerUrls(b.url)),
    // A persistent session: the broker keeps our subscriptions and QoS 1 messages for us.
    clean: false,
    protocolVersion: 4,
    keepalive: 15,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
    // Our outbox, not MQTT.js's offline queue, is what keeps results (MQTT.js #607, #2015).
    queueQoSZero: false,
    // No table of 65,536 two-byte buffers built at the first packet (~75 ms of readerd's start,
    // measured idle; mqtt-packet's cacheNumbers): each packet writes its own numbers.
    writeCache: false,
    username: own ? b.username : keyCredentials?.username,
    password: own ? b.password : keyCredentials?.password,
    ca: pem('broker.caFile', b.caFile),
    cert: pem('broker.certFile', b.certFile),
    key: pem('broker.keyFile', b.keyFile),
    rejectUnauthorized: b.rejectUnauthorized ?? true,
    ...(b.servername ? { servername: b.servername } : {}),
  };
}

/** A TLS file named in the settings; one that cannot be read is a configuration error (exit 3). */
function pem(what: string, path: string | undefined): Buffer | undefined {
  return path === undefined
    ? undefined
    : withFile(ErrorCode.Config_Invalid, what, path, () => readFileSync(path));
}
