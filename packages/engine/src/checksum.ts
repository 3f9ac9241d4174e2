/**
 * 64 bits of a checksum of bytes, as 16 hex digits: two MurmurHash3-style lanes over 32-bit words, the length
 * mixed in. It tells a file cut short or with bytes changed (a change within one word always changes the first
 * half) and keys file names; it is no defence against someone who writes a matching one. Computed here because
 * `node:crypto` costs a one-report run some 7 ms to load, more than hashing a few hundred kilobytes this way.
 */
export function checksum64(bytes: Uint8Array): string {
  const whole = bytes.length >>> 2;
  // Words are read through a 32-bit view, which needs an aligned start: a buffer that has none is copied.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, whole);
  let a = 0x9747b28c ^ bytes.length;
  let b = 0x85ebca6b ^ bytes.length;
  for (let i = 0; i < whole; i++) {
    let k = Math.imul(words[i]!, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    a ^= k;
    a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
    b = Math.imul(b ^ words[i]!, 0x01000193) + a;
  }
  for (let i = whole * 4; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ a, 0x5bd1e995);
  }
  return hex(finalMix(a)) + hex(finalMix(b));
}

function finalMix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const hex = (n: number) => n.toString(16).padStart(8, "0");
