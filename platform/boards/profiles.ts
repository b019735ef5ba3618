// Board profiles: which video device is which camera (and how it is mounted), and where the
// IC-card module is. A composition root picks one; drivers never look at boards.
import type { CameraInput } from '../../device/camera/frame-source.js';
import type { PanelPins, PanelSetting } from './panel-setting.js';

export interface CameraProfile {
  readonly input: CameraInput;
  readonly width: number;
  readonly height: number;
  readonly rotate: 0 | 90 | 180 | 270;
}

export interface BoardProfile {
  readonly name: string;
  /** Looks at the patient from above the display. */
  readonly faceCamera: CameraProfile;
  /** Looks down at the card tray. */
  readonly cardCamera: CameraProfile;
  readonly cardModule:
    | { readonly kind: 'pn532'; readonly path: string; readonly baud: number }
    | { readonly kind: 'ccid' };
  /** Front panel through johnny-five: a Firmata board on USB, or a GPIO IO plugin. */
  readonly panel?: PanelSetting;
}

/** LEDs, buzzer and a 12-key keypad on an Arduino-class board (pins 0 and 1 are its UART). */
export const NANO_PANEL_PINS: PanelPins = {
  ledGreen: 5,
  ledRed: 6,
  buzzer: 3,
  keys: {
    '1': 2,
    '2': 4,
    '3': 7,
    '4': 8,
    '5': 9,
    '6': 10,
    '7': 11,
    '8': 12,
    '9': 13,
    '*': 14,
    '0': 15,
    '#': 16,
  },
};

export const BOARDS: Record<string, BoardProfile> = {
  // A Raspberry Pi 5 class SBC: two UVC cameras (udev gives them stable names, see issue 5's
  // rules), the PN532 on the PL011 UART.
  'rpi5-uvc-pn532': {
    name: 'rpi5-uvc-pn532',
    faceCamera: {
      input: { kind: 'v4l2', device: '/dev/fareader-face', format: 'mjpeg', size: '1280x720', fps: 15 },
      width: 640,
      height: 360,
      rotate: 0,
    },
    cardCamera: {
      input: { kind: 'v4l2', device: '/dev/fareader-cardface', format: 'mjpeg', size: '1920x1080', fps: 5 },
      width: 1024,
      height: 768,
      rotate: 180,
    },
    cardModule: { kind: 'pn532', path: '/dev/ttyAMA0', baud: 921600 },
    panel: { io: 'firmata', path: '/dev/fareader-panel', baudRate: 57600, pins: NANO_PANEL_PINS },
  },
  'x86-uvc-ccid': {
    name: 'x86-uvc-ccid',
    faceCamera: {
      input: { kind: 'v4l2', device: '/dev/video0', format: 'mjpeg', size: '1280x720', fps: 15 },
      width: 640,
      height: 360,
      rotate: 0,
    },
    cardCamera: {
      input: { kind: 'v4l2', device: '/dev/video2', format: 'mjpeg', size: '1920x1080', fps: 5 },
      width: 1024,
      height: 768,
      rotate: 0,
    },
    cardModule: { kind: 'ccid' },
  },
};
