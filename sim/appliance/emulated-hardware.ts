// The appliance's hardware, emulated, for the demo, the tests and the conformance kit: a PN532
// on a pty and a USB CCID reader (either is the card module; the card goes on the one in use),
// the card-face camera and the face camera as image files the emulator keeps replacing, a
// Firmata front panel on a pty, and a pty for the debug shell. readerd runs in its own process
// and opens these as it opens real devices; the CCID reader's USB bus reaches it over a Unix
// socket (sim/ccid/usb-socket-server.ts), which the emulated appliance's root plugs in.
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { cardScene, type SceneOptions } from '../camera/card-scene.js';
import { renderCardFace } from '../card/card-face-render.js';
import type { MyNumberCard } from '../card/mynumber-emulator.js';
import { EmulatedCcidDevice, EmulatedUsbBus } from '../ccid/ccid-emulator.js';
import { type ServedUsbBus, serveUsbBus } from '../ccid/usb-socket-server.js';
import { type FirmataPanel, serveFirmataPanel } from '../panel/serve.js';
import type { Pn532Emulator } from '../pn532/pn532-emulator.js';
import { type ServedPn532, servePn532 } from '../pn532/serve.js';
import { PtyPair } from '../pty/pty-pair.js';
import { landmarkDetector, photoLandmarks } from './photo-landmarks.js';
import { type FaceScene, presentationSeed } from './scene-face-camera.js';

/** The two card modules an appliance may have (README "The appliance part", $.cardModule). */
export type CardModuleKind = 'pn532' | 'ccid';
export const CARD_MODULE_KINDS: readonly CardModuleKind[] = ['pn532', 'ccid'];

/** The devices a test may leave out at boot and plug in later (issue 16, item 1). */
export type PluggableDevice = 'panel' | 'pn532' | 'ccid' | 'faceCamera';

export interface EmulatedHardwareOptions {
  readonly dir: string;
  /** Devices configured but not there at boot: `plug()` brings each in later. */
  readonly absent?: readonly PluggableDevice[];
  /** The PN532's line: it powers up at 115200; readerd switches to `baudRate`. */
  readonly lineRate?: boolean;
  readonly panel?: boolean;
  readonly debugShell?: boolean;
}

/** Who stands at the counter, besides the photo (sim/camera/scene-face-camera.ts). */
export interface FacePresentation {
  /** `live` (default): the person; else an attack instrument made from the photo. */
  readonly as?: FaceScene['as'];
  readonly wearing?: FaceScene['wearing'];
  readonly seed?: number;
}

/**
 * The scene a presentation is written as: its seed (the live subject's behaviour, and with a
 * seeded rig the challenges) from what it is, unless `how` gives one.
 */
export function faceSceneOf(photo: string, how: FacePresentation = {}): FaceScene {
  return { photo, seed: presentationSeed(photo, how), ...how };
}

export class EmulatedHardware {
  readonly faceImage: string;
  /** What the emulated readerd's face camera shows (--face-scene). */
  readonly faceScene: string;
  readonly cardFaceImage: string;
  private seq = 0;
  /**
   * The face scene carries the photo's landmarks, found in this process (photo-landmarks.ts), so
   * the emulated readerd's scene camera loads no face library of its own: set by the rig when
   * readerd runs that camera (liveness required).
   */
  private sceneLandmarks = false;
  /** The card module readerd is configured with: where a placed card goes. */
  cardModule: CardModuleKind = 'pn532';
  /** The module the card is on now, if one is. */
  private cardOn?: CardModuleKind;

  private readonly unplugged = new Set<PluggableDevice>();

  private constructor(
    dir: string,
    private readonly cardPty: PtyPair,
    private readonly pn532: ServedPn532,
    /** The USB CCID reader (a Sony RC-S300/S to the driver), plugged into its own bus. */
    readonly ccidReader: EmulatedCcidDevice,
    private readonly usbBus: EmulatedUsbBus,
    private usb: ServedUsbBus | undefined,
    private readonly usbPath: string,
    readonly panel: FirmataPanel | undefined,
    private readonly panelPty: PtyPair | undefined,
    readonly shellPty: PtyPair | undefined,
  ) {
    this.faceImage = join(dir, 'face-camera.jpg');
    this.faceScene = join(dir, 'face-scene.json');
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
    const bus = new EmulatedUsbBus();
    const ccid = new EmulatedCcidDevice(CCID_READERS[0]!);
    bus.plug(ccid);
    const usbPath = join(o.dir, 'usb.sock');
    const usb = await serveUsbBus(bus, usbPath);
    const hw = new EmulatedHardware(
      o.dir,
      cardPty,
      pn532,
      ccid,
      bus,
      usb,
      usbPath,
      panel,
      panelPty,
      shellPty,
    );
    await hw.showFace(undefined);
    await hw.showCardFace(undefined);
    for (const d of o.absent ?? []) await hw.unplug(d);
    return hw;
  }

  /**
   * Pulls a device out: the panel's and the PN532's USB-serial adapters (their ptys vanish),
   * the CCID reader's whole USB bus (the rig's socket goes away), the face camera's picture.
   */
  async unplug(d: PluggableDevice): Promise<void> {
    if (this.unplugged.has(d)) return;
    this.unplugged.add(d);
    if (d === 'panel') await this.panelPty?.unplug();
    else if (d === 'pn532') await this.cardPty.unplug();
    else if (d === 'ccid') {
      await this.usb?.close().catch(() => {});
      this.usb = undefined;
    } else await this.killFaceCamera(); // the still camera's picture and the live scene's camera gone
  }

  /** Plugs a device back in (or in for the first time, when it was absent at boot). */
  async plug(d: PluggableDevice): Promise<void> {
    if (!this.unplugged.delete(d)) return;
    if (d === 'panel') {
      await this.panelPty?.replug();
      await this.panel?.reattach();
    } else if (d === 'pn532') {
      await this.cardPty.replug();
      await this.pn532.reattach();
    } else if (d === 'ccid') this.usb = await serveUsbBus(this.usbBus, this.usbPath);
    else await this.showFace(undefined);
  }
  get pn532Emulator(): Pn532Emulator {
    return this.pn532.emulator;
  }

  /** The Unix socket the emulated appliance's root finds the CCID reader's USB bus on. */
  get usbSocket(): string {
    return this.usbPath;
  }

  /** Where readerd finds this hardware: the appliance part of its configuration. */
  config(baudRate = 921600): Record<string, unknown> {
    const cardModule =
      this.cardModule === 'ccid'
        ? { type: 'ccid' }
        : { type: 'pn532', path: this.cardPty.hostPath, baudRate };
    return {
      cardModule,
      cameras: {
        face: { kind: 'still', path: this.faceImage, width: 640, height: 480, fps: 30 },
        cardFace: { kind: 'still', path: this.cardFaceImage, width: 1024, height: 768, fps: 10 },
      },
      ...(this.panelPty ? { panel: { path: this.panelPty.hostPath, baudRate: 57600 } } : {}),
      ...(this.shellPty ? { debugShell: { path: this.shellPty.hostPath, baudRate: 115200 } } : {}),
    };
  }

  /**
   * From now on the face scene carries its photo's landmarks (found here; face-api starts loading
   * now, beside readerd's start, as it did in readerd's process before).
   */
  landmarksInScene(): void {
    if (this.sceneLandmarks) return;
    this.sceneLandmarks = true;
    landmarkDetector().catch(() => {});
  }

  /** Replaces a camera's picture in one step, as a frame grab would. */
  private async publish(path: string, bytes: Buffer): Promise<void> {
    const tmp = `${path}.${process.pid}.${++this.seq}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }

  /**
   * The face camera sees the person made from this photo (or an attack made from it), or an
   * empty counter. The still picture is for a readerd reading a `still` camera.
   */
  async showFace(photo: string | undefined, how: FacePresentation = {}): Promise<void> {
    const scene: FaceScene = photo
      ? {
          ...faceSceneOf(photo, how),
          ...(this.sceneLandmarks ? { landmarks: await photoLandmarks(photo) } : {}),
        }
      : {};
    await this.publish(this.faceScene, Buffer.from(JSON.stringify(scene)));
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

  /** The face camera dies: no frame comes any more (until a face is shown again). */
  async killFaceCamera(): Promise<void> {
    await this.publish(this.faceScene, Buffer.from(JSON.stringify({ camera: 'dead' } satisfies FaceScene)));
    await rm(this.faceImage, { force: true });
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
    this.cardOn = this.cardModule;
    if (this.cardModule === 'ccid') this.ccidReader.placeCard(card);
    else this.pn532.emulator.placeCard(card);
  }

  async removeCard(): Promise<void> {
    // Only the module holding the card sees it go (a CCID reader reports every slot change).
    if (this.cardOn === 'ccid') this.ccidReader.removeCard();
    else this.pn532.emulator.removeCard();
    this.cardOn = undefined;
    await this.showCardFace(undefined);
  }

  async close(): Promise<void> {
    await this.pn532.close().catch(() => {});
    await this.cardPty.close();
    await this.usb?.close().catch(() => {});
    await this.panel?.close().catch(() => {});
    await this.panelPty?.close();
    await this.shellPty?.close();
  }
}
