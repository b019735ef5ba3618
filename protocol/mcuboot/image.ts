// MCUboot images: the public face of protocol/mcuboot (format, parse, sign, verify, trailer).
export * from './format.js';
export * from './parse.js';
export * from './sign.js';
export * from './trailer.js';
export * from './verify.js';

import { hashAlgorithmOfTlv } from './format.js';
import { malformed, parseImage } from './parse.js';

/** The image's hash TLV value: what an SMP image list reports as the image's hash. */
export function imageHash(img: Uint8Array): Uint8Array {
  const t = parseImage(img).tlvs.find((x) => !x.protected && hashAlgorithmOfTlv(x.type) !== undefined);
  if (!t) throw malformed('the image has no SHA256/SHA384/SHA512 TLV');
  return t.value;
}
