// USB contactless readers known to speak plain CCID with APDU-level exchange (ccid.md).
// Add a model here; the driver takes this table from the composition root.
import type { ReaderId } from '../../device/ccid/webusb.js';

export const CCID_READERS: readonly ReaderId[] = [
  { vendorId: 0x054c, productId: 0x0dc8, name: 'Sony RC-S300/S' },
  { vendorId: 0x054c, productId: 0x0dc9, name: 'Sony RC-S300/P' },
  { vendorId: 0x072f, productId: 0x223e, name: 'ACS ACR1252U' },
  { vendorId: 0x072f, productId: 0x223b, name: 'ACS ACR1252U (dual)' },
];
