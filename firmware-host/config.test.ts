import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../platform/cli.js';
import { isReaderError } from '../protocol/errors.js';
import { parseConfig } from './config.js';

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
