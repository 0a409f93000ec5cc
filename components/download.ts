/**
 * Saves text as a file through a Blob link: works in every extension page without the `downloads`
 * permission. The object URL is revoked once the click has been dispatched.
 */
export function downloadTextFile(filename: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking synchronously can cancel the download in Chromium; a tick later is enough.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
