/**
 * Hands text to the browser as a file download: a Blob, an object URL and a
 * clicked <a download>. Nothing leaves the machine; the URL is revoked once
 * the click has been dispatched.
 */
export function offerDownload(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Chromium reads the blob when the download starts; give it that turn before revoking.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
