// A host SMP client and an emulated target on the two ends of a real pty pair.

import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { SmpClient } from '../../device/smp/smp-client.js';
import { SmpLink } from '../../device/smp/smp-link.js';
import { opensslEd25519 } from '../../firmware-host/link/ed25519-openssl.js';
import { PtyPair } from '../../hardware/pty/pty-pair.js';
import { type ServedTarget, serveSmpTarget } from '../../hardware/smp-target/serve.js';
import type { SmpTargetOptions } from '../../hardware/smp-target/smp-target.js';
import { generateKeyPair, type KeyPair } from '../../protocol/link/keys.js';
import { buildImage, parseVersion } from '../../protocol/mcuboot/image.js';

export interface SmpBench {
  readonly pty: PtyPair;
  readonly served: ServedTarget;
  readonly host: SerialPortTransport;
  readonly link: SmpLink;
  readonly client: SmpClient;
  readonly key: KeyPair;
  image(size: number, version?: string, key?: KeyPair): Uint8Array;
  close(): Promise<void>;
}

export async function smpBench(
  opts: Partial<SmpTargetOptions> & { baudRate?: number } = {},
): Promise<SmpBench> {
  const key = generateKeyPair();
  const image = (size: number, version = '1.0.0', k = key): Uint8Array =>
    buildImage(
      new Uint8Array(size).map((_, i) => (i * 131 + (i >> 8)) & 0xff),
      {
        version: parseVersion(version),
        key: k,
        ed: opensslEd25519,
      },
    );
  const pty = await PtyPair.create('smp');
  const served = await serveSmpTarget(pty.devicePath, {
    signingKey: key.publicKey,
    ed: opensslEd25519,
    factoryImage: image(4096, '0.9.0'),
    ...opts,
  });
  const host = await SerialPortTransport.open({
    path: pty.hostPath,
    baudRate: opts.baudRate ?? 115200,
    reopenEveryMs: 50,
  });
  const link = new SmpLink(host, { defaultTimeoutMs: 3000 });
  return {
    pty,
    served,
    host,
    link,
    client: new SmpClient(link),
    key,
    image,
    close: async () => {
      await host.close();
      await served.close();
      await pty.close();
    },
  };
}
