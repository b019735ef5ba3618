// Board profiles: which video device is which camera (and how it is mounted), and where the
// IC-card module is. A composition root picks one; drivers never look at boards.
import type { CameraInput } from '../../device/camera/frame-source.js';

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
}

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
