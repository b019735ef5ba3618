import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../platform/cli.js';
import { isReaderError } from '../protocol/errors.js';
import { parseConfig, type ReaderConfig } from './config.js';
import type { CameraSetting } from './config-appliance.js';
import { DEFAULT_FACE_VERIFY } from './vision/face-verifier.js';
import { FR_ONNX_CALIBRATED_ATTEMPTS } from './vision/fr-onnx-operating-point.js';

const base = {
  deviceId: 'reader-01',
  dataDir: 'data',
  keys: { deviceKey: 'k/device.key', trustedTerminalsDir: 'k/trust' },
};

function problems(raw: unknown): string[] {
  try {
    parseConfig(raw, '/etc/fareader');
    return [];
  } catch (e) {
    if (!isReaderError(e)) throw e;
    return e.context.problems as string[];
  }
}

describe('readerd configuration', () => {
  it('fills in what is left out and resolves paths against the file folder', () => {
    const c = parseConfig(base, '/etc/fareader');
    expect(c.broker.url).toBe('embedded');
    expect(c.keys.deviceKey).toBe('/etc/fareader/k/device.key');
    expect(c.link.ackTimeoutMs).toBe(10_000);
  });

  it('names every problem with its path', () => {
    const p = problems({
      ...base,
      deviceId: 'bad/id',
      broker: { url: 'http://x', embeddedPort: 70000 },
      link: { ackTimeoutMs: 'soon' },
      colour: 'blue',
    });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$.deviceId'),
        expect.stringContaining('$.broker.url'),
        expect.stringContaining('$.broker.embeddedPort'),
        expect.stringContaining('$.link.ackTimeoutMs'),
        '$.colour: unknown setting',
      ]),
    );
    expect(problems({})).toEqual(
      expect.arrayContaining(['$.deviceId: is required', '$.keys.deviceKey: is required']),
    );
  });
});

describe('board profiles', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a board named "%s" is a configuration error naming $.board, not a crash',
    (board) => {
      const p = problems({ ...base, board, cameras: {} });
      expect(p).toEqual(expect.arrayContaining([expect.stringMatching(/^\$\.board: unknown board profile/)]));
      // readerd exits 3 (configuration error), not 1 (a crash).
      const e = (() => {
        try {
          parseConfig({ ...base, board }, '/etc/fareader');
        } catch (x) {
          return x;
        }
      })();
      expect(exitCodeFor(e)).toBe(3);
    },
  );
});

describe('the configuration schema', () => {
  it('refuses an unknown key, a wrong type and an out-of-range value with the path of each', () => {
    expect(
      problems({
        ...base,
        keys: { ...base.keys, spare: 'k2' },
        link: { inflightWindow: 0, ackTimeoutMs: 1.5 },
        log: { level: 'trace', format: 3 },
        kiosk: { enabled: 'yes', port: 65536, colour: 'blue' },
        session: { consents: ['medication', 'tea'] },
        cameras: { face: { kind: 'still', path: 'f.jpg', device: '/dev/video0' }, cardFace: 'cam' },
        cardModule: { type: 'ccid', path: '/dev/ttyS0' },
        panel: { io: 'plugin', module: 'gpio', pins: { keys: { x: 1, '#': 200 } } },
      }).sort(),
    ).toEqual(
      [
        '$.keys.spare: unknown setting',
        '$.link.inflightWindow: must be a whole number from 1 to 65535 (got 0)',
        '$.link.ackTimeoutMs: must be a whole number from 100 to 600000 (got 1.5)',
        '$.log.level: must be one of debug, info, warn, error (got "trace")',
        '$.log.format: must be one of json, pretty (got 3)',
        '$.kiosk.enabled: must be true or false (got "yes")',
        '$.kiosk.port: must be a whole number from 0 to 65535 (got 65536)',
        '$.kiosk.colour: unknown setting',
        '$.session.consents: a list of medication, health-checkup, medical-treatment, surgery, high-cost-limit',
        '$.cameras.face.device: unknown setting',
        '$.cameras.cardFace: must be an object',
        '$.cameras.cardFace.device: is required',
        '$.cardModule.path: unknown setting',
        '$.panel.pins.keys.x: keys are "0".."9", "*" and "#"',
        '$.panel.pins.keys.#: must be a whole number from 0 to 127 (got 200)',
      ].sort(),
    );
  });

  it('checks a rule across fields and a value set inside a range', () => {
    const p = problems({
      ...base,
      cardModule: { type: 'ccid' },
      cameras: { face: { device: '/dev/v0', rotate: 45 }, cardFace: { device: '/dev/v1', rotate: 360 } },
      session: { face: false, pin: false },
    });
    expect(p.sort()).toEqual(
      [
        '$.cameras.face.rotate: must be 0, 90, 180 or 270',
        '$.cameras.cardFace.rotate: must be a whole number from 0 to 270 (got 360)',
        '$.session: face and pin cannot both be disabled',
      ].sort(),
    );
  });

  it('allows no more face attempts than the face threshold is calibrated for', () => {
    // An impostor gets in if any attempt accepts him: the per-session FAR bound is N × the
    // per-attempt one, so the threshold's calibration (0.1 % / N) caps N.
    expect(DEFAULT_FACE_VERIFY.attempts).toBeLessThanOrEqual(FR_ONNX_CALIBRATED_ATTEMPTS);
    const appliance = { ...base, board: 'rpi5-uvc-pn532' };
    const attempts = (session: object): number | undefined =>
      parseConfig({ ...appliance, session }, '/etc/fareader').appliance?.session.faceAttempts;
    expect(attempts({})).toBe(DEFAULT_FACE_VERIFY.attempts);
    expect(attempts({ faceAttempts: FR_ONNX_CALIBRATED_ATTEMPTS })).toBe(FR_ONNX_CALIBRATED_ATTEMPTS);
    expect(problems({ ...appliance, session: { faceAttempts: FR_ONNX_CALIBRATED_ATTEMPTS + 1 } })).toEqual([
      `$.session.faceAttempts: must be a whole number from 1 to ${FR_ONNX_CALIBRATED_ATTEMPTS} (got ${FR_ONNX_CALIBRATED_ATTEMPTS + 1})`,
    ]);
  });

  it('refuses a challenge that cannot hold both a turn or nod and a blink, saying what to set', () => {
    // Every plan has a turn or nod (a paper mask with real eyes fails it) and a blink (a print
    // turned like a head fails it): one prompt, fixed or drawn, holds only one of them.
    const appliance = { ...base, board: 'rpi5-uvc-pn532' };
    expect(problems({ ...appliance, session: { challengeSteps: 1 } })).toEqual([
      '$.session.challengeSteps: 1 step cannot hold both a turn or nod and a blink: set 2 or more (default 3)',
    ]);
    for (const fixed of ['blink', 'turn-left', 'turn-right'])
      expect(problems({ ...appliance, session: { challenge: fixed } })).toEqual([
        `$.session.challenge: "${fixed}" was a single fixed prompt, which cannot ask for both a turn or nod and a blink: remove the setting (or set "random")`,
      ]);
    expect(problems({ ...appliance, session: { challengeSteps: 2, challenge: 'random' } })).toEqual([]);
  });

  it('takes the devices from the board profile, explicit settings winning', () => {
    const c: ReaderConfig = parseConfig(
      {
        ...base,
        board: 'rpi5-uvc-pn532',
        panel: { baudRate: 9600 },
        cameras: { cardFace: { kind: 'still', path: 'c.jpg' } },
      },
      '/etc/fareader',
    );
    const a = c.appliance!;
    expect(a.cardModule).toEqual({ type: 'pn532', path: '/dev/ttyAMA0', baudRate: 921600 });
    expect(a.panel).toMatchObject({ io: 'firmata', path: '/dev/fareader-panel', baudRate: 9600 });
    const face: CameraSetting = a.cameras.face;
    expect(face).toMatchObject({ kind: 'v4l2', device: '/dev/fareader-face', size: '1280x720', rotate: 0 });
    expect(a.cameras.cardFace).toEqual({
      kind: 'still',
      path: '/etc/fareader/c.jpg',
      width: 640,
      height: 480,
      fps: 30,
    });
    // The inferred type narrows on the tag, as the hand-written one did.
    if (face.kind === 'v4l2') {
      const rotate: 0 | 90 | 180 | 270 = face.rotate;
      expect(rotate).toBe(0);
    }
    expect(parseConfig(base, '/etc/fareader').appliance).toBeUndefined();
  });
});
