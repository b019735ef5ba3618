// A host SMP client and an emulated target on the two ends of a wire (in memory by default,
// a real pty with FAREADER_TEST_WIRE=pty or `kind: 'pty'`).

import type { ByteTransport } from '../../device/serial/transport.js';
import { SmpClient } from '../../device/smp/smp-client.js';
import { SmpLink } from '../../device/smp/smp-link.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { generateKeyPair, type KeyPair } from '../../protocol/link/keys.js';
import { buildImage, parseVersion } from '../../protocol/mcuboot/image.js';
import { SmpTarget, type SmpTargetOptions } from '../../sim/smp-target/smp-target.js';
import { type Wired, type WireKind, wire } from '../helpers/wire.js';

export interface SmpBench {
  readonly wire: Wired<SmpTarget>;
  readonly served: { readonly target: SmpTarget };
  readonly host: ByteTransport;
  readonly link: SmpLink;
  readonly client: SmpClient;
  readonly key: KeyPair;
  image(size: number, version?: string, key?: KeyPair): Uint8Array;
  close(): Promise<void>;
}

export async function smpBench(
  opts: Partial<SmpTargetOptions> & { baudRate?: number; kind?: WireKind } = {},
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
  const { kind, baudRate, ...targetOpts } = opts;
  const w = await wire(
    (t) =>
      new SmpTarget(t, {
        signingKey: key.publicKey,
        ed: opensslEd25519,
        factoryImage: image(4096, '0.9.0'),
        ...targetOpts,
      }),
    { kind, baudRate },
  );
  const link = new SmpLink(w.host, { defaultTimeoutMs: 3000 });
  return {
    wire: w,
    served: { target: w.emulator },
    host: w.host,
    link,
    client: new SmpClient(link),
    key,
    image,
    close: () => w.close(),
  };
}
