// Offers bytes the service rendered as a browser download: Blob, object URL and
// a temporary <a download>. (In the desktop app the service writes the file
// itself after a native save dialog instead.)

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** How long the object URL stays valid: the browser reads it asynchronously after the click. */
const REVOKE_AFTER_MS = 60_000;

export function downloadFile(file: { fileName: string; mimeType: string; base64: string }, doc: Document = document): void {
  const blob = new Blob([base64ToBytes(file.base64)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  // The service already sanitised the name (no folders, no reserved characters).
  link.download = file.fileName;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
