// Upload throughput to the SMP target emulator through a real pty, with the line rate
// emulated, as a share of the line rate (8N1: baud/10 bytes per second).
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { SmpClient } from '../../device/smp/smp-client.js';
import { SmpLink } from '../../device/smp/smp-link.js';
import { Uploader } from '../../device/smp/uploader.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { generateKeyPair } from '../../protocol/link/keys.js';
import { buildImage, parseVersion } from '../../protocol/mcuboot/image.js';
import { framedSize } from '../../protocol/smp/serial-framing.js';
import { encodeSmp } from '../../protocol/smp/smp-packet.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { hasCommand } from '../rig/has-command.js';
import type { Row } from './table.js';

async function uploadShare(
  baud: number,
  size: number,
  bufSize: number,
  bufCount: number,
): Promise<{ share: number; bound: number }> {
  const key = generateKeyPair();
  const pty = await PtyPair.create('bench');
  const served = await serveSmpTarget(pty.devicePath, {
    signingKey: key.publicKey,
    ed: opensslEd25519,
    baudRate: baud,
    bufSize,
    bufCount,
  });
  const host = await SerialPortTransport.open({ path: pty.hostPath, baudRate: baud });
  try {
    const link = new SmpLink(host);
    const client = new SmpClient(link);
    const params = await client.params();
    const img = buildImage(
      new Uint8Array(size).map((_, i) => (i * 7) & 0xff),
      { version: parseVersion('1.0.0'), key, ed: opensslEd25519 },
    );
    const r = await new Uploader(link).upload(img, { params, chunkTimeoutMs: 5000 });
    const share = img.length / r.seconds / (baud / 10);
    // The framing bound: image bytes per byte on the wire for a full chunk of this buffer size.
    const n = Uploader.chunkLength(params.bufSize, 4096, img.length, false, new Uint8Array(32));
    const packet = encodeSmp(
      { op: 2, version: 0, flags: 0, group: 1, seq: 0, id: 1 },
      { off: 4096, data: new Uint8Array(n) },
    ).length;
    return { share, bound: n / framedSize(packet) };
  } finally {
    await host.close();
    await served.close();
    await pty.close();
  }
}

export async function flashBench(): Promise<Row[]> {
  if (!hasCommand('socat')) {
    process.stdout.write('socat not installed (Debian package socat): flash rows are left out\n');
    return [];
  }
  const rows: Row[] = [];
  for (const [baud, size] of [
    [115200, 64 * 1024],
    [921600, 384 * 1024],
  ] as const) {
    // Zephyr-app buffers (2048 B × 4), pipelined; against what the published anchors measured:
    // 256-byte packets (the mcumgr CLI's default serial MTU), one at a time.
    const piped = await uploadShare(baud, size, 2048, 4);
    const lockStep = await uploadShare(baud, size / 4, 256, 1);
    rows.push({
      figure: `upload ${size / 1024} KiB at ${baud} baud, console framing (published: MCUboot 27 %, Zephyr 33 %)`,
      measured: piped.share * 100,
      unit: '% of line',
      goal: { text: '≥ 55 %', met: (v) => v >= 55 },
      anchor: { name: 'lock-step, 256 B packets', value: lockStep.share * 100 },
    });
    rows.push({
      figure: `  same, against the framing bound (base64, markers, SMP header)`,
      measured: piped.share * 100,
      unit: '% of line',
      anchor: { name: 'framing bound', value: piped.bound * 100 },
    });
  }
  return rows;
}
