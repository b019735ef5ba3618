// The appliance's hardware, emulated, for the demo, the tests and the conformance kit: a PN532
// on a pty (with the card tray), the card-face camera and the face camera as image files the
// emulator keeps replacing, a Firmata front panel on a pty, and a pty for the debug shell.
// readerd runs in its own process and opens these exactly as it opens real devices.
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { cardScene, type SceneOptions } from '../camera/card-scene.js';
import { renderCardFace } from '../card/card-face-render.js';
import type { MyNumberCard } from '../card/mynumber-emulator.js';
import { type FirmataPanel, serveFirmataPanel } from '../panel/serve.js';
import type { Pn532Emulator } from '../pn532/pn532-emulator.js';
import { type ServedPn532, servePn532 } from '../pn532/serve.js';
import { PtyPair } from '../pty/pty-pair.js';

export interface EmulatedHardwareOptions {
  readonly dir: string;
  /** The PN532's line: it powers up at 115200; readerd switches to `baudRate`. */
  readonly lineRate?: boolean;
  readonly panel?: boolean;
  readonly debugShell?: boolean;
}

export class EmulatedHardware {
  readonly faceImage: string;
  readonly cardFaceImage: string;
  private seq = 0;

  private constructor(
    dir: string,
    private readonly cardPty: PtyPair,
    private readonly pn532: ServedPn532,
    readonly panel: FirmataPanel | undefined,
    private readonly panelPty: PtyPair | undefined,
    readonly shellPty: PtyPair | undefined,
  ) {
    this.faceImage = join(dir, 'face-camera.jpg');
    this.cardFaceImage = join(dir, 'card-camera.jpg');
  }

  static async start(o: EmulatedHardwareOptions): Promise<EmulatedHardware> {
    await mkdir(o.dir, { recursive: true });
    const cardPty = await PtyPair.create('pn532');
    const pn532 = await servePn532(cardPty.devicePath, {
      baudRate: o.lineRate === false ? undefined : 115200,
    });
    let panelPty: PtyPair | undefined;
    let panel: FirmataPanel | undefined;
    if (o.panel) {
      panelPty = await PtyPair.create('panel');
      panel = await serveFirmataPanel(panelPty.devicePath);
    }
    const shellPty = o.debugShell ? await PtyPair.create('shell') : undefined;
    const hw = new EmulatedHardware(o.dir, cardPty, pn532, panel, panelPty, shellPty);
    await hw.showFace(undefined);
    await hw.showCardFace(undefined);
    return hw;
  }

  get pn532Emulator(): Pn532Emulator {
    return this.pn532.emulator;
  }

  /** Where readerd finds this hardware: the appliance part of its configuration. */
  config(baudRate = 921600): Record<string, unknown> {
    return {
      cardModule: { type: 'pn532', path: this.cardPty.hostPath, baudRate },
      cameras: {
        face: { kind: 'still', path: this.faceImage, width: 640, height: 480, fps: 30 },
        cardFace: { kind: 'still', path: this.cardFaceImage, width: 1024, height: 768, fps: 10 },
      },
      ...(this.panelPty ? { panel: { path: this.panelPty.hostPath, baudRate: 57600 } } : {}),
      ...(this.shellPty ? { debugShell: { path: this.shellPty.hostPath, baudRate: 115200 } } : {}),
    };
  }

  /** Replaces a camera's picture in one step, as a frame grab would. */
  private async publish(path: string, bytes: Buffer): Promise<void> {
    const tmp = `${path}.${process.pid}.${++this.seq}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }

  /** The face camera sees this photo (a person at the counter), or an empty counter. */
  async showFace(photo: string | undefined): Promise<void> {
    if (photo) {
      const tmp = `${this.faceImage}.${++this.seq}.tmp`;
      await copyFile(photo, tmp);
      await rename(tmp, this.faceImage);
      return;
    }
    const empty = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b7177' } })
      .jpeg()
      .toBuffer();
    await this.publish(this.faceImage, empty);
  }

  /** The card-face camera sees the card on the tray, or the empty tray. */
  async showCardFace(face: Buffer | undefined, scene: SceneOptions = {}): Promise<void> {
    const img = face
      ? await cardScene(face, { rotateDeg: 2, ...scene })
      : await sharp({ create: { width: 1024, height: 768, channels: 3, background: '#2b2f33' } })
          .jpeg()
          .toBuffer();
    await this.publish(this.cardFaceImage, img);
  }

  /** The patient puts the card on the tray: the camera sees its face, the module its chip. */
  async placeCard(card: MyNumberCard, scene: SceneOptions = {}): Promise<void> {
    await this.showCardFace(await renderCardFace(card.holder), scene);
    this.pn532.emulator.placeCard(card);
  }

  async removeCard(): Promise<void> {
    this.pn532.emulator.removeCard();
    await this.showCardFace(undefined);
  }

  async close(): Promise<void> {
    await this.pn532.close().catch(() => {});
    await this.cardPty.close();
    await this.panel?.close().catch(() => {});
    await this.panelPty?.close();
    await this.shellPty?.close();
  }
}
