// Terminal commands as the session service sees them: a refused command changes nothing.
import { describe, expect, it } from 'vitest';
import { fareader } from '../../protocol/gen/fareader.js';
import { ReaderModes, sessionCommandHandler } from './session-commands.js';
import type { SessionService } from './session-service.js';

const v1 = fareader.v1;
const S = v1.ResponseStatus;

/** Only what the handler reads of the service, for SetMode. */
function fakeService(): SessionService & { visualCheckSet: number } {
  const o = {
    state: { kind: 'idle' },
    visualCheckMode: undefined,
    visualCheckSet: 0,
    setVisualCheckMode(): void {
      o.visualCheckSet++;
    },
  };
  return o as unknown as SessionService & { visualCheckSet: number };
}

const setMode = (mode: number): fareader.v1.Command =>
  v1.Command.create({ commandId: new Uint8Array(16), body: 'setMode', setMode: { mode, staffId: 's1' } });

describe('SetMode', () => {
  it('a SetMode with no mode is refused and leaves an out-of-service reader out of service', () => {
    const service = fakeService();
    const modes = new ReaderModes();
    const handle = sessionCommandHandler(service, modes);
    expect(handle(setMode(v1.ReaderMode.READER_MODE_OUT_OF_SERVICE)).status).toBe(S.RESPONSE_STATUS_OK);
    expect(modes.outOfService).toBe(true);
    const before = service.visualCheckSet;
    expect(handle(setMode(v1.ReaderMode.READER_MODE_UNSPECIFIED)).status).toBe(S.RESPONSE_STATUS_UNSUPPORTED);
    expect(modes.outOfService).toBe(true);
    expect(service.visualCheckSet).toBe(before);
  });

  it('an unknown mode number is refused the same way and leaves maintenance on', () => {
    const modes = new ReaderModes();
    const handle = sessionCommandHandler(fakeService(), modes);
    handle(setMode(v1.ReaderMode.READER_MODE_MAINTENANCE));
    expect(modes.maintenance).toBe(true);
    expect(handle(setMode(99)).status).toBe(S.RESPONSE_STATUS_UNSUPPORTED);
    expect(modes.maintenance).toBe(true);
  });

  it('a valid mode replaces the previous one', () => {
    const modes = new ReaderModes();
    const handle = sessionCommandHandler(fakeService(), modes);
    handle(setMode(v1.ReaderMode.READER_MODE_OUT_OF_SERVICE));
    expect(handle(setMode(v1.ReaderMode.READER_MODE_NORMAL)).status).toBe(S.RESPONSE_STATUS_OK);
    expect(modes).toMatchObject({ outOfService: false, maintenance: false });
  });
});
