// The part of the WebUSB API (as the `usb` package's WebUSB class implements it) that the CCID
// driver uses. The real bus and the emulated one both satisfy it.
export interface UsbEndpointLike {
  readonly endpointNumber: number;
  readonly direction: 'in' | 'out';
  readonly type: 'bulk' | 'interrupt' | 'isochronous';
  readonly packetSize: number;
}

export interface UsbInterfaceLike {
  readonly interfaceNumber: number;
  readonly alternate: { readonly interfaceClass: number; readonly endpoints: readonly UsbEndpointLike[] };
}

export interface UsbTransferIn {
  readonly status: 'ok' | 'stall' | 'babble';
  readonly data?: DataView;
}

export interface UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName?: string;
  readonly serialNumber?: string;
  readonly opened: boolean;
  readonly configuration?: {
    readonly configurationValue: number;
    readonly interfaces: readonly UsbInterfaceLike[];
  } | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  releaseInterface(n: number): Promise<void>;
  transferOut(
    endpoint: number,
    data: Uint8Array,
  ): Promise<{ readonly status: string; readonly bytesWritten: number }>;
  transferIn(endpoint: number, length: number): Promise<UsbTransferIn>;
  /** A class request on the control pipe (CCID ABORT, §5.3.1); optional in emulators. */
  controlTransferOut?(setup: UsbControlSetup, data?: Uint8Array): Promise<{ readonly status: string }>;
}

export interface UsbControlSetup {
  readonly requestType: 'standard' | 'class' | 'vendor';
  readonly recipient: 'device' | 'interface' | 'endpoint' | 'other';
  readonly request: number;
  readonly value: number;
  readonly index: number;
}

export interface UsbConnectionEvent {
  readonly device: UsbDeviceLike;
}

export interface UsbBusLike {
  getDevices(): Promise<UsbDeviceLike[]>;
  addEventListener(type: 'connect' | 'disconnect', listener: (ev: UsbConnectionEvent) => void): void;
  removeEventListener(type: 'connect' | 'disconnect', listener: (ev: UsbConnectionEvent) => void): void;
}

export interface ReaderId {
  readonly vendorId: number;
  readonly productId: number;
  readonly name: string;
}

export const CCID_CLASS = 0x0b;
