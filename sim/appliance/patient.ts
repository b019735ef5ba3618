// The emulated patient at the counter: puts a card on the tray, shows a face to the camera
// and uses the kiosk screen through its HTTP API, the same requests the page makes.

import { KioskClient } from '../../platform/kiosk-client.js';
import type { MyNumberCard } from '../card/mynumber-emulator.js';
import type { EmulatedHardware, FacePresentation } from './emulated-hardware.js';

/** The patient at the emulated appliance: the card and the face come from its hardware. */
export class EmulatedPatient extends KioskClient {
  constructor(
    private readonly hw: EmulatedHardware,
    kioskUrl: string,
  ) {
    super(kioskUrl);
  }

  async placeCard(card: MyNumberCard, face?: string, how?: FacePresentation): Promise<void> {
    await this.beforePlacing();
    await this.hw.showFace(face, how);
    await this.hw.placeCard(card);
  }

  async leave(): Promise<void> {
    await this.hw.removeCard();
    await this.hw.showFace(undefined);
  }
}
