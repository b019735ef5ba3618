// The front panel follows the session: LEDs show ready/busy/attention/ok/error, the buzzer
// marks the moments the patient must notice, and the keypad is a second way in for the
// patient (method choice, PIN, confirmations). Keyed PIN digits live only in this object
// until they are handed to the session, and are never logged.
import type { BeepPattern, FrontPanel, PanelLight } from '../../device/panel/front-panel.js';
import type { State } from '../session/machine.js';
import type { SessionService } from '../session/session-service.js';

const METHOD_KEYS = { '1': 'face', '2': 'pin', '3': 'visual-check' } as const;

export function lightFor(st: State): PanelLight {
  switch (st.kind) {
    case 'idle':
      return 'ready';
    case 'done':
      return st.outcome === 'verified' ? 'ok' : 'error';
    case 'choosing-method':
    case 'entering-pin':
    case 'confirming-last-try':
    case 'consenting':
    case 'awaiting-visual-check':
      return 'attention';
    default:
      return 'busy';
  }
}

export function beepFor(st: State): BeepPattern | undefined {
  if (st.kind === 'done') return st.outcome === 'verified' ? 'ok' : 'error';
  if (st.kind === 'confirming-last-try') return 'attention';
  return undefined;
}

export class PanelService {
  private digits = '';

  constructor(
    private readonly panel: FrontPanel,
    private readonly service: SessionService,
  ) {
    panel.show(lightFor(service.state));
    service.on('change', this.onChange);
    service.on('notice', this.onNotice);
    panel.on('key', this.onKey);
  }

  private onChange = (st: State): void => {
    if (st.kind !== 'entering-pin') this.digits = '';
    this.panel.show(lightFor(st));
    const b = beepFor(st);
    if (b) void this.panel.beep(b);
  };

  private onNotice = (code: string): void => {
    if (code === 'pin-wrong' || code === 'pin-blocked') void this.panel.beep('error');
  };

  private onKey = (key: string): void => {
    void this.panel.beep('key');
    const st = this.service.state;
    const s = this.service;
    switch (st.kind) {
      case 'choosing-method': {
        const m = METHOD_KEYS[key as keyof typeof METHOD_KEYS];
        if (m) s.patient({ type: 'choose', method: m });
        else if (key === '*') s.patient({ type: 'cancel' });
        return;
      }
      case 'entering-pin':
        if (/^\d$/.test(key) && this.digits.length < 4) this.digits += key;
        else if (key === '#' && this.digits.length === 4) {
          const pin = this.digits;
          this.digits = '';
          s.patient({ type: 'pin', pin });
        } else if (key === '*') {
          if (this.digits) this.digits = '';
          else s.patient({ type: 'cancel' });
        }
        return;
      case 'confirming-last-try':
      case 'consenting':
        if (key === '#')
          s.patient(
            st.kind === 'consenting' ? { type: 'consent', granted: true } : { type: 'confirm-last-try' },
          );
        else if (key === '*')
          s.patient(st.kind === 'consenting' ? { type: 'consent', granted: false } : { type: 'cancel' });
        return;
      default:
        if (key === '*') s.patient({ type: 'cancel' });
    }
  };

  /** Digits keyed so far (a count only: for the kiosk's masked field). */
  get keyedDigits(): number {
    return this.digits.length;
  }

  close(): Promise<void> {
    this.service.off('change', this.onChange);
    this.service.off('notice', this.onNotice);
    return this.panel.close();
  }
}
