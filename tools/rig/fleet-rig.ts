// Many link-only readers (DeviceLink instances, not whole appliances) and one reference
// terminal in a temporary folder, every device key trusted by the terminal and the terminal
// key by every device: the fleet test and the fleet bench build on it.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceLink } from '../../firmware-host/link/device-link.js';
import { Outbox } from '../../firmware-host/link/outbox.js';
import { addTrusted, loadTrustDir, type TrustedKey } from '../../platform/keys/keystore.js';
import { connectMqtt, type MqttClientFactory } from '../../platform/link/mqtt-client.js';
import type { Logger } from '../../platform/log.js';
import { generateKeyPair, type KeyPair, privateKeyToDer, toPem } from '../../protocol/link/keys.js';
import { ReferenceTerminal } from '../terminal/terminal.js';
import { quietLog } from './link-pair.js';

export interface FleetOptions {
  /** Acknowledgement timeout of every reader (default 2 s). */
  readonly ackTimeoutMs?: number;
  readonly log?: Logger;
  /** The broker client of every reader and of the terminal (default the real one): a test wraps it to watch connections. */
  readonly connect?: MqttClientFactory;
}

export class FleetRig {
  readonly dir = mkdtempSync(join(tmpdir(), 'fareader-fleet-'));
  readonly ids: string[];
  readonly deviceKeys: KeyPair[];
  readonly terminalKey = generateKeyPair();
  private readonly trustedDevices: Map<string, TrustedKey>;
  private readonly trustedTerminals: Map<string, TrustedKey>;

  constructor(
    readonly count: number,
    private readonly o: FleetOptions = {},
  ) {
    this.ids = Array.from({ length: count }, (_, i) => `reader-${String(i).padStart(4, '0')}`);
    this.deviceKeys = this.ids.map(() => generateKeyPair());
    const trustDevices = join(this.dir, 'trust-devices');
    for (const [i, id] of this.ids.entries()) addTrusted(trustDevices, id, this.deviceKeys[i]!.publicKey);
    addTrusted(join(this.dir, 'trust-terminals'), 'terminal-1', this.terminalKey.publicKey);
    this.trustedDevices = loadTrustDir(trustDevices);
    this.trustedTerminals = loadTrustDir(join(this.dir, 'trust-terminals'));
  }

  get terminalDataDir(): string {
    return join(this.dir, 'terminal');
  }

  /** Reader `i`; its outbox survives a new DeviceLink on the same index (`outboxName` to clone). */
  device(i: number, url: string, outboxName = this.ids[i]!): DeviceLink {
    return new DeviceLink({
      deviceId: this.ids[i]!,
      broker: { url },
      key: this.deviceKeys[i]!,
      trustedTerminals: this.trustedTerminals,
      outbox: new Outbox(join(this.dir, `outbox-${outboxName}.sqlite`)),
      firmwareVersion: '0.0.0-fleet',
      capabilities: ['link-test'],
      log: this.o.log ?? quietLog,
      ackTimeoutMs: this.o.ackTimeoutMs ?? 2000,
      connect: this.o.connect ?? connectMqtt,
    });
  }

  /** The terminal; a new one on the same data folder is the old one restarted. */
  terminal(url: string): ReferenceTerminal {
    return new ReferenceTerminal({
      terminalId: 'terminal-1',
      broker: { url },
      key: this.terminalKey,
      trustedDevices: this.trustedDevices,
      dataDir: this.terminalDataDir,
      outDir: join(this.terminalDataDir, 'results'),
      log: this.o.log ?? quietLog,
      connect: this.o.connect ?? connectMqtt,
    });
  }

  /** The terminal's key and trust folder as files, for `readerctl terminal run`. */
  writeTerminalFiles(): { key: string; trustDir: string } {
    const key = join(this.dir, 'terminal.key');
    if (!existsSync(key))
      writeFileSync(key, toPem('PRIVATE KEY', privateKeyToDer(this.terminalKey)), { mode: 0o600 });
    return { key, trustDir: join(this.dir, 'trust-devices') };
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
