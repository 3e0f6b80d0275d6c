/**
 * Bytes → base64 without building one huge argument list: `String.fromCharCode`
 * on a whole file would overflow the call stack for files of a few hundred KB.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
