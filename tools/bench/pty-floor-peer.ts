// The card bench's floor, far end: in its own process (as the emulator is), on the device side
// of a socat pty behind the same line-rate limit as the emulator, it answers a recorded exchange
// script with the recorded bytes, in the writes the emulator made (ACK, then the answer), and
// no PN532 or card logic at all. argv: devicePath baud scriptFile; prints "ready".
import { readFileSync } from 'node:fs';
import type { ByteTransport } from '../../device/serial/transport.js';
import { fromHex } from '../../protocol/bytes.js';
import { serveOnPty } from '../../sim/serial/serve-emulator.js';

/** One exchange: the host's bytes to wait for, then the device's writes (hex). */
export interface FloorStep {
  readonly tx: number;
  readonly rx: readonly string[];
}

const [path, baud, file] = process.argv.slice(2);
const steps = (JSON.parse(readFileSync(file!, 'utf8')) as FloorStep[]).map((s) => ({
  tx: s.tx,
  rx: s.rx.map(fromHex),
}));
let port: ByteTransport | undefined;
let at = 0;
let heard = 0;
const hear = (b: Uint8Array): void => {
  heard += b.length;
  while (at < steps.length && heard >= steps[at]!.tx) {
    const step = steps[at++]!;
    heard -= step.tx;
    for (const w of step.rx) void port?.write(w).catch(() => {});
  }
};
const served = await serveOnPty(path!, Number(baud), (t) => {
  port = t;
  t.on('data', hear);
  return {
    attach: (n: ByteTransport) => {
      port = n;
    },
  };
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => void served.close().finally(() => process.exit(0)));
