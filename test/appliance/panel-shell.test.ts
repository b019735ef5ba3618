// The front panel (johnny-five over Firmata on a pty), the serial debug shell (a pty), and the
// session timeouts, against readerd on the emulated appliance.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { NANO_PANEL_PINS } from '../../platform/boards/profiles.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { PinMode } from '../../sim/panel/firmata-board.js';
import { ApplianceRig } from '../../tools/demo/appliance-rig.js';
import { RIG_TEST_SEED } from '../helpers/rig-seed.js';
import { missing } from '../helpers/system.js';

const v1 = fareader.v1;

/** An engineer's terminal on the debug shell's serial line. */
async function shellClient(path: string) {
  const port = await SerialPortTransport.open({ path, baudRate: 115200 });
  let out = '';
  port.on('data', (d) => {
    out += Buffer.from(d).toString('latin1');
  });
  return {
    async cmd(line: string, timeoutMs = 10_000): Promise<string> {
      out = '';
      await port.write(new TextEncoder().encode(`${line}\r`));
      const deadline = Date.now() + timeoutMs;
      while (!out.endsWith('readerd> ')) {
        if (Date.now() > deadline) throw new Error(`no prompt after "${line}": ${JSON.stringify(out)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      // Drop the echoed command line and the prompt.
      return out.slice(out.indexOf('\r\n') + 2, -'readerd> '.length);
    },
    close: () => port.close(),
  };
}

describe.skipIf(missing('socat', 'socat'))('front panel, debug shell and timeouts', () => {
  let rig: ApplianceRig;
  const keys = NANO_PANEL_PINS.keys;

  beforeAll(async () => {
    rig = await ApplianceRig.start({
      challengeSeed: RIG_TEST_SEED,
      dir: mkdtempSync(join(tmpdir(), 'fareader-panel-')),
      config: { session: { consents: ['medication', 'surgery'], patientTimeoutMs: 3000, awaitCardMs: 1500 } },
    });
  }, 60_000);
  afterAll(() => rig?.close());

  it('the keypad plays the patient: PIN chosen, keyed and confirmed; LEDs and buzzer follow', async () => {
    const board = rig.hw.panel!.board;
    // readerd's ready line (its stdout) may reach this process before johnny-five's pin set-up
    // and the ready LED (its Firmata pty) reach the board: wait for them, 5 s at most.
    for (
      let i = 0;
      i < 250 &&
      !(
        board.modes[keys['5']!] === PinMode.INPUT &&
        board.levels[keys['5']!] === 1 &&
        board.levels[NANO_PANEL_PINS.ledGreen]! > 0
      );
      i++
    )
      await new Promise((res) => setTimeout(res, 20));
    // johnny-five set the keys up as pulled-up inputs, the LEDs and buzzer as outputs.
    expect(board.modes[keys['5']!]).toBe(PinMode.INPUT);
    expect(board.levels[keys['5']!]).toBe(1);
    let beeps = 0;
    board.on('output', (pin, value) => {
      if (pin === NANO_PANEL_PINS.buzzer && value === 1) beeps++;
    });
    expect(board.levels[NANO_PANEL_PINS.ledGreen]).toBeGreaterThan(0); // ready
    await rig.patient.placeCard(await rig.card('keypad', 'normal', 'img1.jpg'));
    const v = await rig.patient.waitFor('choosing-method');
    await board.press(keys['2']!); // 2 = PIN
    await rig.patient.waitFor('entering-pin');
    for (const k of ['1', '2', '3', '4', '#']) await board.press(keys[k]!);
    await rig.patient.waitFor('consenting');
    await board.press(keys['#']!); // agree
    await rig.patient.until((x) => x.consent?.index === 1 || x.screen !== 'consenting');
    await board.press(keys['*']!); // do not agree
    const r = await rig.result(v.sessionId!);
    expect(r).toMatchObject({ method: 'PIN', outcome: 'VERIFIED' });
    expect(r.consents.map((c) => c.granted)).toEqual([true, false]);
    await rig.patient.waitFor('done');
    await new Promise((res) => setTimeout(res, 300));
    expect(board.levels[NANO_PANEL_PINS.ledGreen]).toBeGreaterThan(0);
    expect(board.levels[NANO_PANEL_PINS.ledRed]).toBe(0);
    expect(beeps).toBeGreaterThanOrEqual(7); // a click per key, then the "verified" pattern
    await rig.patient.leave();
    await rig.patient.waitReady();
  });

  it('the debug shell: status, trace, self-tests, log level; raw APDUs only in maintenance mode', async () => {
    const sh = await shellClient(rig.hw.shellPty!.devicePath);
    try {
      expect(await sh.cmd('help')).toContain('selftest card|camera|panel');
      expect(await sh.cmd('status')).toMatch(/state: (idle|done)/);
      expect(await sh.cmd('trace 5')).toMatch(/--card-removed--> /);
      expect(await sh.cmd('selftest camera')).toMatch(/face camera: 320x240 frame/); // the live scene's camera (--face-size)
      expect(await sh.cmd('log debug')).toContain('log level debug');
      expect(await sh.cmd('frobnicate')).toContain('unknown command');
      const select = 'apdu 00A4040C0AD392F000260100000001';
      expect(await sh.cmd(select)).toContain('refused: raw APDUs need maintenance mode');

      const m = await rig.terminal.sendCommand(rig.deviceId, {
        setMode: { mode: v1.ReaderMode.READER_MODE_MAINTENANCE, staffId: 'engineer' },
      });
      expect(m.status).toBe(v1.ResponseStatus.RESPONSE_STATUS_OK);
      const card = await rig.card('bench-card', 'normal', 'img1.jpg');
      const em = rig.hw.pn532Emulator;
      try {
        // The module deaf for a second as the card lands (so it was when the test process was
        // busy making the card): readerd's polls get no ACK, and the card is found only behind
        // their aborts and a field reset, over a second later. A fixed 500 ms wait failed then,
        // and left the next tests in maintenance mode with a card in the field.
        em.faults.mute = true;
        await new Promise((res) => setTimeout(res, 300)); // the running poll ends, the next is unheard
        await rig.hw.placeCard(card);
        await new Promise((res) => setTimeout(res, 700));
        em.faults.mute = false;
        let self = await sh.cmd('selftest card');
        for (let i = 0; i < 100 && self.includes('card absent'); i++) {
          await new Promise((res) => setTimeout(res, 50));
          self = await sh.cmd('selftest card');
        }
        expect((await rig.patient.view()).screen).not.toBe('reading-card'); // no patient session
        expect(self).toContain('SW 9000');
        expect(await sh.cmd(select)).toContain('SW 9000');
        expect(await sh.cmd('apdu 002000810431323334')).toContain('refused: INS 20');
        expect(await sh.cmd('apdu 00A4040C0AD39210003100010104 08')).toContain('never selects the My Number');
        expect(card.stats.pinVerifies).toBe(0);
        expect(card.stats.myNumberApSelected).toBe(0);
      } finally {
        em.faults.mute = false;
        // Left in maintenance mode with a card in the field, the next tests would see no session.
        await rig.terminal.sendCommand(rig.deviceId, { setMode: { mode: v1.ReaderMode.READER_MODE_NORMAL } });
        await rig.hw.removeCard();
      }
      // Line noise and escape sequences do not upset the shell.
      expect(await sh.cmd('\u001b[A\u0000\u00ffstatus')).toMatch(/link: /);
    } finally {
      await sh.close();
    }
  });

  it('the patient walks away: the session times out with a result', async () => {
    await rig.patient.placeCard(await rig.card('walks-away', 'normal', 'img1.jpg'));
    const v = await rig.patient.waitFor('choosing-method');
    const r = await rig.result(v.sessionId!, 15_000);
    expect(r.outcome).toBe('TIMED_OUT');
    expect(r.detail).toContain('choosing-method');
    await rig.patient.leave();
    await rig.patient.waitReady();
  });

  it('a session started at reception with no card comes: TIMED_OUT, nonce echoed', async () => {
    const { nonce, response } = await rig.terminal.startSession(rig.deviceId);
    const r = await rig.result(response.sessionId, 15_000);
    expect(r).toMatchObject({ outcome: 'TIMED_OUT', terminalNonce: Buffer.from(nonce).toString('hex') });
  });
});
