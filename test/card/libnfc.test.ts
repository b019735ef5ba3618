// Unmodified libnfc 1.8 (Debian libnfc-bin, libnfc-examples, libnfc-pn53x-examples) against
// the PN532 emulator on a pty at 115200 baud, as it would drive a PN532 module on a USB-serial
// adapter. Every assertion reads what the tools print (nfc-list exits 0 even when it fails).
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../protocol/bytes.js';
import { cardUserCert } from '../../sim/card/card-pki.js';
import type { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import { type ServedPn532, servePn532 } from '../../sim/pn532/serve.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { missing } from '../helpers/system.js';
import { CARD_STATE, makeCard } from './card-fixture.js';

const skip =
  missing('socat', 'socat') ||
  missing('nfc-list', 'libnfc-bin') ||
  missing('nfc-poll', 'libnfc-examples') ||
  missing('pn53x-tamashell', 'libnfc-pn53x-examples');

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** A libnfc tool on our pty; `until` lets the test act on output as it comes (line-buffered). */
function tool(
  host: string,
  argv: string[],
  opts: { input?: string; trace?: boolean; timeoutMs?: number; onOutput?: (out: string) => void } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn('stdbuf', ['-oL', ...argv], {
      env: {
        ...process.env,
        LIBNFC_DEVICE: `pn532_uart:${host}`,
        LIBNFC_AUTO_SCAN: 'false',
        LIBNFC_LOG_LEVEL: opts.trace ? '3' : '1',
      },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`${argv[0]} did not finish in ${opts.timeoutMs ?? 30_000} ms:\n${out}\n${err}`));
    }, opts.timeoutMs ?? 30_000);
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      opts.onOutput?.(out);
    });
    p.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
    p.stdin.end(opts.input ?? '');
  });
}

/** libnfc prints bytes as "73  69  6d  2d  ". */
const printed = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('  ');

describe.skipIf(skip)('libnfc 1.8 ↔ PN532 emulator on a pty (115200 baud)', () => {
  let pty: PtyPair;
  let served: ServedPn532;
  let card: MyNumberCard;

  beforeAll(async () => {
    pty = await PtyPair.create('libnfc');
    // libnfc's pn532_uart opens the port at 115200: the emulator's line rate is the same.
    served = await servePn532(pty.devicePath, { baudRate: 115200 });
    card = await makeCard('normal');
  }, 60_000);

  afterAll(async () => {
    await served?.close();
    await pty?.close();
  });

  it('nfc-scan-device finds and opens it as a PN532 with Type B support', async () => {
    const r = await tool(pty.hostPath, ['nfc-scan-device', '-v']);
    expect(r.out).toContain('1 NFC device(s) found');
    expect(r.out).toContain(`pn532_uart:${pty.hostPath}`);
    expect(r.out).toContain('chip: PN532 v1.6');
    expect(r.out).toMatch(/initator mode modulations:.*ISO\/IEC 14443-4B \(106 kbps\)/);
  });

  it('pn53x-diagnose passes the communication line, ROM and RAM tests', async () => {
    const r = await tool(pty.hostPath, ['pn53x-diagnose']);
    expect(r.out).toContain('Communication line test: OK');
    expect(r.out).toContain('ROM test: OK');
    expect(r.out).toContain('RAM test: OK');
  });

  it('nfc-list lists the Type B card: PUPI, application data, protocol info', async () => {
    served.emulator.placeCard(card);
    const r = await tool(pty.hostPath, ['nfc-list']);
    expect(r.out).toContain('NFC device: user defined device opened');
    expect(r.out).toContain('1 ISO14443B passive target(s) found');
    expect(r.out).toContain(`PUPI: ${printed(card.atqb.subarray(1, 5))}`);
    expect(r.out).toContain(`Application Data: ${printed(card.atqb.subarray(5, 9))}`);
    expect(r.out).toContain(`Protocol Info: ${printed(card.atqb.subarray(9, 12))}`);
    // Nothing else is in the field: every other modulation listed nothing, without errors.
    expect(r.out).not.toMatch(/ISO14443A passive target|Felica|Jewel/i);
    expect(r.err).not.toMatch(/error/i);
  });

  it('nfc-poll sees the card placed and then removed', async () => {
    served.emulator.removeCard();
    let placed = false;
    let removed = false;
    const r = await tool(pty.hostPath, ['nfc-poll'], {
      timeoutMs: 60_000,
      onOutput: (out) => {
        // Place the card only once the chip is polling, take it away once nfc-poll waits for that.
        if (!placed && out.includes('NFC device will poll')) {
          placed = true;
          setTimeout(() => served.emulator.placeCard(card), 400);
        }
        if (placed && !removed && out.includes('Waiting for card removing')) {
          removed = true;
          setTimeout(() => served.emulator.removeCard(), 300);
        }
      },
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('ISO/IEC 14443-4B (106 kbps) target:');
    expect(r.out).toContain(`PUPI: ${printed(card.atqb.subarray(1, 5))}`);
    expect(r.out).toMatch(/Waiting for card removing\.\.\.\s*done\./);
  });

  it('pn53x-tamashell selects the JPKI AP and reads the certificate with MI chaining', async () => {
    served.emulator.placeCard(card);
    const { certDer } = await cardUserCert(CARD_STATE, card.id);
    const reads: string[] = [];
    for (let off = 0; off < certDer.length; off += 256) {
      const le = Math.min(256, certDer.length - off) & 0xff;
      reads.push(`40 01 00 B0 ${toHex(Uint8Array.of(off >> 8, off & 0xff, le))}`);
    }
    const script = [
      '# InListPassiveTarget, 106 kbps Type B, AFI 0',
      '4A 01 03 00',
      '# SELECT the JPKI AP, then its user-authentication certificate EF 000A',
      '40 01 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01',
      '40 01 00 A4 02 0C 02 00 0A',
      ...reads,
      '52 00',
    ].join('\n');
    const r = await tool(pty.hostPath, ['pn53x-tamashell'], { input: `${script}\n`, trace: true });
    const rx = [...r.out.matchAll(/^Rx: (.*)$/gm)].map((m) => m[1]!.trim().split(/\s+/).join(''));
    // InListPassiveTarget found one target; both SELECTs answered 90 00 (status byte 00 first).
    expect(rx[0]).toMatch(/^0101/);
    expect(rx[1]).toBe('009000');
    expect(rx[2]).toBe('009000');
    const data = rx.slice(3, 3 + reads.length).map((h) => {
      expect(h.startsWith('00') && h.endsWith('9000')).toBe(true);
      return h.slice(2, -4);
    });
    expect(data.join('')).toBe(toHex(certDer));
    // A 256-byte READ BINARY does not fit one frame: the chip set MI and libnfc asked for the
    // rest with InDataExchange Tg alone (D4 40 01).
    expect(r.err).toMatch(/TX: 00 00 ff 03 fd d4 40 01 eb 00/);
  });
});
