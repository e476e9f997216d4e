import { apiBlob } from './api';

/**
 * A report as a file: fetched with the signed-in user's bearer header, then saved from a blob URL,
 * so the token never appears in a link, the history or the server's access log.
 */
export async function download(path: string, params: Record<string, string | number | null | undefined>, filename: string): Promise<void> {
  const blob = await apiBlob(path, params);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
