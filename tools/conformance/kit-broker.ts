// --broker-control: the kit runs the broker the reader connects to — aedes (the embedded
// broker's code, firmware-host/link/broker.ts), on the host and port of --broker — so it can
// stop and restart it (the outage case), see the broker publish the reader's Will when the
// reader dies (LIFE-02), and read the reader's CONNECT packet (CONN-01, SPEC §1.1, §3.2).
// It admits the reader and the kit's terminal by their key-bound credentials (SPEC §13.1), as
// the reader's own embedded broker does: a reader needs no username configured for it.
import { type EmbeddedBroker, startEmbeddedBroker } from '../../firmware-host/link/broker.js';
import type { TrustedKey } from '../../platform/keys/keystore.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { keyIdHex } from '../../protocol/link/keys.js';
import type { BrokerControl, ConnectSeen } from './kit.js';

export interface KitBrokerOptions {
  /** mqtt://HOST:PORT: where the broker listens (the reader's broker.url names it). */
  readonly url: string;
  /** Admit only these (key-bound passwords and the ACL); absent: an open broker (self-test). */
  readonly authority?: {
    readonly deviceId: string;
    readonly devicePublicKey: Uint8Array;
    readonly terminalPublicKey: Uint8Array;
  };
}

export class KitBroker implements BrokerControl {
  readonly connects: ConnectSeen[] = [];
  private broker?: EmbeddedBroker;
  private constructor(
    private readonly o: KitBrokerOptions,
    private readonly host: string,
    private port: number,
  ) {}

  static async start(o: KitBrokerOptions): Promise<KitBroker> {
    const u = new URL(o.url);
    if (u.protocol !== 'mqtt:')
      throw new ReaderError(
        ErrorCode.Usage,
        `--broker-control runs a plain mqtt:// broker (aedes); got ${u.protocol}// — give --broker mqtt://HOST:PORT and point the reader there`,
      );
    const b = new KitBroker(o, u.hostname, Number(u.port || 1883));
    await b.start();
    return b;
  }

  get url(): string {
    return `mqtt://${this.host}:${this.port}`;
  }

  get description(): string {
    return `aedes run by the kit on ${this.host}:${this.port}${this.o.authority ? ' (key-bound credentials and ACL, SPEC §13)' : ' (open)'}`;
  }

  async start(): Promise<void> {
    const a = this.o.authority;
    const terminals = new Map<string, TrustedKey>();
    if (a) {
      const keyId = keyIdHex(a.terminalPublicKey);
      terminals.set(keyId, { name: 'conformance-kit', keyId, publicKey: a.terminalPublicKey, file: '' });
    }
    this.broker = await startEmbeddedBroker({
      host: this.host,
      port: this.port,
      authority: a && {
        deviceId: a.deviceId,
        devicePublicKey: a.devicePublicKey,
        trustedTerminals: terminals,
      },
      onConnectPacket: (p) =>
        this.connects.push({
          at: Date.now(),
          clientId: p.clientId,
          protocolVersion: p.protocolVersion ?? 4,
          clean: p.clean ?? true,
          keepalive: p.keepalive ?? 0,
          username: p.username,
          will: p.will && {
            topic: p.will.topic,
            qos: p.will.qos ?? 0,
            retain: p.will.retain ?? false,
            payload: new Uint8Array(Buffer.from(p.will.payload)),
          },
        }),
    }).catch((e: Error) => {
      throw new ReaderError(
        ErrorCode.Mqtt_NotConnected,
        `--broker-control cannot listen on ${this.host}:${this.port}: ${e.message}`,
        {},
        { cause: e },
      );
    });
    // Port 0 asked for any free port: keep the one we got, so a restart comes back there.
    this.port = this.broker.port;
  }

  async stop(): Promise<void> {
    await this.broker?.close();
    this.broker = undefined;
  }
}
