// The patient's side of the kiosk screen through its HTTP API, the same requests the page
// makes: the emulated patient drives it, and the conformance kit drives a real appliance's.
export interface View {
  readonly screen: string;
  readonly sessionId?: string;
  readonly offered?: string[];
  readonly triesLeft?: number;
  readonly outcome?: string;
  readonly consent?: { kind: string; index: number; total: number };
  readonly notice?: string;
  readonly cardGone?: boolean;
  /** While capturing: the liveness challenge's step, or a request to take off a mask. */
  readonly challenge?: {
    kind: 'prompt' | 'occlusion';
    key: string;
    step?: number;
    steps?: number;
    attempt: number;
    attempts: number;
    remainingMs?: number;
  };
}

/** The patient's side of the kiosk screen, through its HTTP API (what the page itself sends). */
export class KioskClient {
  constructor(readonly kioskUrl: string) {}

  async view(): Promise<View> {
    for (let tried = 1; ; tried++) {
      try {
        const r = await fetch(new URL('/api/view', this.kioskUrl));
        return (await r.json()) as View;
      } catch (e) {
        // A kept-alive connection the kiosk closed as the request went out (its event loop held
        // up, then its idle timer firing) is reset: the view is only read, so read it again.
        const code = ((e as Error).cause as { code?: string } | undefined)?.code;
        if (tried >= 3 || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET')) throw e;
      }
    }
  }

  /** Waits until the screen is one of `screens`; fails with what it saw instead. */
  waitFor(screens: string | string[], timeoutMs = 20_000): Promise<View> {
    const want = Array.isArray(screens) ? screens : [screens];
    // Once a card is placed, the previous session's screens are not what anyone waits for.
    return this.until(
      (v) => want.includes(v.screen) && (this.previous === undefined || v.sessionId !== this.previous),
      timeoutMs,
      `not ${want.join(' or ')}`,
    );
  }

  async input(body: Record<string, unknown>): Promise<boolean> {
    const r = await fetch(new URL('/api/input', this.kioskUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return r.ok;
  }

  protected previous?: string;

  /** Call before a card goes on the tray: the session on screen now is not the next one. */
  async beforePlacing(): Promise<void> {
    const v = await this.view();
    this.previous = v.screen === 'idle' || v.screen === 'awaiting-card' ? undefined : v.sessionId;
  }

  choose(method: 'face' | 'pin' | 'visual-check'): Promise<boolean> {
    return this.input({ type: 'choose', method });
  }

  /** Enters the PIN on the kiosk's pad; resolves with the screen that follows it. */
  async enterPin(pin: string): Promise<View> {
    const before = await this.waitFor('entering-pin');
    await this.input({ type: 'pin', pin });
    // A wrong PIN comes back to the same screen with fewer tries left.
    const busy = ['entering-pin', 'checking-pin', 'verifying-pin', 'signing'];
    return this.until(
      (v) => !busy.includes(v.screen) || (v.screen === 'entering-pin' && v.triesLeft !== before.triesLeft),
    );
  }

  /** The session is over and the reader is ready for the next card. */
  async waitReady(timeoutMs = 20_000): Promise<View> {
    return this.until((v) => v.screen === 'idle' || (v.screen === 'done' && v.cardGone === true), timeoutMs);
  }

  /** Waits until the view satisfies `ok`. */
  async until(ok: (v: View) => boolean, timeoutMs = 20_000, wanted = ''): Promise<View> {
    const deadline = Date.now() + timeoutMs;
    let v = await this.view();
    while (!ok(v)) {
      if (Date.now() > deadline)
        throw new Error(`the kiosk shows "${v.screen}" after ${timeoutMs} ms${wanted ? `, ${wanted}` : ''}`);
      await new Promise((r) => setTimeout(r, 25));
      v = await this.view();
    }
    return v;
  }

  /** Answers every consent question (answers cycle), then waits for the end screen. */
  async consent(answers: boolean[] = [true]): Promise<View> {
    for (let i = 0; ; i++) {
      const v = await this.waitFor(['consenting', 'publishing', 'done']);
      if (v.screen !== 'consenting') return this.waitFor('done');
      await this.input({ type: 'consent', granted: answers[i % answers.length] });
      await this.until((n) => n.screen !== 'consenting' || n.consent?.index !== v.consent?.index);
    }
  }

  cancel(): Promise<boolean> {
    return this.input({ type: 'cancel' });
  }
}
