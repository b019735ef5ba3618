// The kit's hand on the emulated bench (tools/demo/bench-server.ts): it places and removes
// cards, shows faces to the camera, reads the card emulator's counters, restarts readerd; the
// patient's screen input goes to the kiosk like the page's own requests.
import { KioskClient } from '../../platform/kiosk-client.js';

export interface CardStats {
  readonly apdus: number;
  readonly pinVerifies: number;
  readonly keyBVerifies: number;
  readonly myNumberApSelected: number;
}

export class Bench extends KioskClient {
  private constructor(
    private readonly url: string,
    kioskUrl: string,
    readonly brokerEmbedded: boolean,
  ) {
    super(kioskUrl);
  }

  static async connect(url: string): Promise<Bench> {
    const info = (await (await fetch(new URL('/bench/info', url))).json()) as {
      kioskUrl: string;
      brokerEmbedded: boolean;
    };
    return new Bench(url, info.kioskUrl, info.brokerEmbedded);
  }

  private async post(path: string, body: unknown = {}): Promise<void> {
    const r = await fetch(new URL(path, this.url), { method: 'POST', body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`bench ${path}: ${r.status} ${await r.text()}`);
  }

  /** A card on the tray (profile of sim/card/card-profiles.ts) and a face to the camera. */
  async placeCard(card: { id: string; profile: string; photo?: string; face?: string }): Promise<void> {
    await this.beforePlacing();
    await this.post('/bench/card', card);
  }

  removeCard(): Promise<void> {
    return this.post('/bench/remove');
  }

  async cardStats(): Promise<CardStats> {
    return (await (await fetch(new URL('/bench/card', this.url))).json()) as CardStats;
  }

  readerd(action: 'stop' | 'start' | 'kill'): Promise<void> {
    return this.post(`/bench/readerd/${action}`);
  }
}
