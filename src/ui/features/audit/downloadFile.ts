// Hands bytes the API returned (base64) to the browser as a download: a Blob, an object URL and a
// clicked <a download>. The CSP needs nothing for this: a download link is navigation, not a fetch
// or an image, and the object URL is revoked once the click has been handled.
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function downloadBase64(fileName: string, contentBase64: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytesFromBase64(contentBase64)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
