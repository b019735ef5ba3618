// What the cases need from the patient's side of the counter: the emulated bench (cards,
// faces, the kiosk screen over HTTP) or a bench operator following prompts.
import { createInterface } from 'node:readline/promises';
import type { View } from '../../platform/kiosk-client.js';
import type { CardStats } from './bench.js';
import type { Monitor } from './monitor.js';

export interface PatientSide {
  placeCard(card: { id: string; profile: string; photo?: string; face?: string }): Promise<void>;
  removeCard(): Promise<void>;
  waitFor(screens: string | string[], timeoutMs?: number): Promise<View>;
  waitReady(): Promise<View>;
  choose(method: 'face' | 'pin' | 'visual-check'): Promise<boolean>;
  enterPin(pin: string): Promise<View>;
  consent(answers?: boolean[]): Promise<View>;
  cancel(): Promise<boolean>;
  cardStats(): Promise<CardStats>;
  readerd(action: 'stop' | 'start' | 'kill'): Promise<void>;
}

const CARD_KINDS: Record<string, string> = {
  normal: 'a test card with PIN 1234 and 3 tries left, whose photo is the person at the camera',
  'pin-last-try': 'a test card with PIN 1234 and only 1 try left',
  'pin-blocked': 'a test card whose PIN is blocked',
  'no-pin': 'a test card without a PIN',
};

/**
 * A person at the bench does what the kit asks and presses Enter. The screen cannot be seen
 * from here, so the session id comes from the device's own session events.
 */
export class OperatorPatient implements PatientSide {
  private readonly rl = createInterface({ input: process.stdin, output: process.stdout });

  constructor(private readonly monitor: Monitor) {}

  private async ask(what: string): Promise<void> {
    await this.rl.question(`\n[operator] ${what}\n           press Enter when done… `);
  }

  private current(): View {
    const e = this.monitor.seen.filter((s) => s.kind === 'event').at(-1)?.message as
      | { sessionId: string; state: string }
      | undefined;
    return { screen: e?.state ?? 'unknown', sessionId: e?.sessionId };
  }

  async placeCard(card: { profile: string; face?: string }): Promise<void> {
    await this.ask(
      `Place ${CARD_KINDS[card.profile] ?? card.profile} on the reader${card.face ? '; stand at the camera' : ''}.`,
    );
  }
  removeCard = (): Promise<void> => this.ask('Take the card off the reader.');
  async waitFor(screens: string | string[]): Promise<View> {
    await this.ask(`Wait until the screen shows: ${[screens].flat().join(' or ')}.`);
    return this.current();
  }
  async waitReady(): Promise<View> {
    await this.ask('Wait until the reader is ready for the next card.');
    return this.current();
  }
  async choose(method: string): Promise<boolean> {
    await this.ask(`Choose "${method}" on the screen.`);
    return true;
  }
  async enterPin(pin: string): Promise<View> {
    await this.ask(`Enter the PIN ${pin} (confirm it on the screen), then wait for the next screen.`);
    return this.current();
  }
  async consent(): Promise<View> {
    await this.ask('Agree to every consent question, and wait for the done screen.');
    return this.current();
  }
  async cancel(): Promise<boolean> {
    await this.ask('Press Cancel (中止) on the screen.');
    return true;
  }
  cardStats(): Promise<CardStats> {
    throw new Error('card counters need the emulated card');
  }
  readerd(action: string): Promise<void> {
    return this.ask(
      `${action === 'start' ? 'Start' : action === 'stop' ? 'Shut down' : 'Pull the power of'} the reader.`,
    );
  }
  close(): void {
    this.rl.close();
  }
}
