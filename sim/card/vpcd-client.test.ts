// The vpcd transport against a TCP server speaking vpcd's side of the protocol as vpcd.c does
// (length-prefixed control bytes and APDUs); OpenSC through the real vpcd is test/card/opensc.test.ts.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../protocol/bytes.js';
import { ErrorCode, isReaderError } from '../../protocol/errors.js';
import { encodeVpcdFrame, VpcdFramer } from '../../protocol/vpcd/vpcd.js';
import { MyNumberCard } from './mynumber-emulator.js';
import { serveCardToVpcd, type VpcdEvent } from './vpcd-client.js';

const STATE = join(tmpdir(), 'fareader-test-cards');

/** vpcd's side: accept, then ask and wait for answers one at a time as vicc_transmit does. */
class FakeVpcd {
  private readonly server: Server;
  private conn?: Socket;
  private framer = new VpcdFramer();
  private frames: Uint8Array[] = [];
  private waiting?: () => void;
  readonly accepted: Socket[] = [];

  constructor() {
    this.server = createServer((s) => {
      this.accepted.push(s);
      this.conn = s;
      this.framer = new VpcdFramer();
      s.on('data', (b: Buffer) => {
        this.frames.push(...this.framer.push(new Uint8Array(b)));
        this.waiting?.();
      });
    });
  }

  async listen(): Promise<number> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return (this.server.address() as { port: number }).port;
  }

  async connection(n: number): Promise<void> {
    while (this.accepted.length < n) await new Promise((r) => setTimeout(r, 20));
  }

  send(payload: string): void {
    this.conn!.write(encodeVpcdFrame(fromHex(payload)));
  }

  async ask(payload: string): Promise<string> {
    this.send(payload);
    while (this.frames.length === 0) {
      await new Promise<void>((r) => {
        this.waiting = r;
        setTimeout(r, 1000);
      });
    }
    return toHex(this.frames.shift()!);
  }

  close(): void {
    for (const s of this.accepted) s.destroy();
    this.server.close();
  }
}

describe('vpcd client', () => {
  let vpcd: FakeVpcd | undefined;
  afterEach(() => vpcd?.close());

  it('answers GET ATR and APDUs, stays silent on power on/off, and places a removed card again', async () => {
    vpcd = new FakeVpcd();
    const port = await vpcd.listen();
    const card = await MyNumberCard.create({
      stateDir: STATE,
      cardId: `vpcd-${Date.now()}`,
      profile: 'removed-mid-command',
    });
    const events: VpcdEvent[] = [];
    const served = serveCardToVpcd(
      { atr: card.contactAtr, process: (b) => card.process(b), deselect: () => card.deselect() },
      { host: '127.0.0.1', port, onEvent: (e) => events.push(e) },
    );
    await vpcd.connection(1);
    expect(await vpcd.ask('04')).toBe('3be000ff8131fe4514');
    vpcd.send('01'); // power on: no answer; the next answer is the APDU's
    expect(await vpcd.ask('00a4040c0ad392f000260100000001')).toBe('9000');
    expect(await vpcd.ask('00a4020c020018')).toBe('9000');
    expect(await vpcd.ask('00200080')).toBe('63c3');
    vpcd.send('00'); // power off: selections are gone
    expect(await vpcd.ask('00200080')).toBe('6a88');
    expect(await vpcd.ask('00a4040c0ad392f000260100000001')).toBe('9000');
    // APDU 6 of this profile: the card leaves the field, the connection closes, it comes back.
    vpcd.send('00b0000004');
    await vpcd.connection(2);
    expect(await vpcd.ask('04')).toBe('3be000ff8131fe4514');
    expect(events.map((e) => e.event)).toEqual([
      'connected',
      'power-on',
      'apdu',
      'apdu',
      'apdu',
      'power-off',
      'apdu',
      'apdu',
      'card-removed',
      'disconnected',
      'connected',
    ]);
    expect(events).toContainEqual({ event: 'apdu', header: '00200080', sw: '63c3' });
    await served.stop();
    await served.done;
  });

  it('gives up with a Link_Timeout naming the address when vpcd never listens', async () => {
    const card = await MyNumberCard.create({ stateDir: STATE, cardId: 'vpcd-away' });
    const served = serveCardToVpcd(
      { atr: card.contactAtr, process: (b) => card.process(b), deselect: () => card.deselect() },
      { host: '127.0.0.1', port: 1, connectTimeoutMs: 300 },
    );
    const e = await served.done.catch((x: unknown) => x);
    expect(isReaderError(e, ErrorCode.Link_Timeout)).toBe(true);
    expect((e as Error).message).toMatch(/127\.0\.0\.1:1/);
  });
});
