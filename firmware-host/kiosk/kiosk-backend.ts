// Connects the kiosk server to the session service: views as the session moves, patient
// input into the session, the face camera's latest picture while capturing, and health.
import sharp from 'sharp';
import type { Frame } from '../../device/camera/frame-source.js';
import type { SessionService } from '../session/session-service.js';
import type { ConsentKind } from '../session/types.js';
import type { KioskBackend } from './kiosk-server.js';
import { type KioskView, viewOf } from './view.js';

export function kioskBackend(o: {
  service: SessionService;
  consents: readonly ConsentKind[];
  outOfService: () => boolean;
  lastFaceFrame: () => Frame | undefined;
  health: () => { ok: boolean } & Record<string, unknown>;
}): KioskBackend {
  const { service } = o;
  let notice: string | undefined;
  const listeners = new Set<(v: KioskView) => void>();
  const view = (): KioskView =>
    viewOf(service.state, {
      consents: o.consents,
      guidance: service.guidance,
      notice,
      visualCheckMode: !!service.visualCheckMode,
      outOfService: o.outOfService(),
    });
  const push = (): void => {
    const v = view();
    for (const l of listeners) l(v);
  };
  service.on('change', () => {
    notice = undefined;
    push();
  });
  // A notice belongs to the screen the session just moved to (e.g. "face not matched").
  service.on('notice', (code) => {
    notice = code;
    push();
  });
  service.on('guidance', push);
  return {
    view,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    input: (i) => service.patient(i),
    preview: async () => {
      const f = o.lastFaceFrame();
      if (service.state.kind !== 'capturing' || !f) return undefined;
      return sharp(f.data, { raw: { width: f.width, height: f.height, channels: 3 } })
        .jpeg({ quality: 70 })
        .toBuffer();
    },
    health: o.health,
  };
}
