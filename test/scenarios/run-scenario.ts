import { ReferenceData } from '@ledger/reference-data';
import type { ScenarioStep } from './scenario';

/**
 * Sends scenario steps through the public HTTP API, each as an officer of the board that holds the
 * project on `today` (after the 2025 merger that is the successor board), with `headers` added to
 * each request. Returns the last position.
 */
export async function runScenario(
  baseUrl: string,
  steps: readonly ScenarioStep[],
  tokenFor: (boardId: string) => string,
  today: string,
  onProgress?: (done: number, total: number) => void,
  headers: Record<string, string> = {},
): Promise<string> {
  const reference = ReferenceData.load();
  let position = '0';
  for (const [index, step] of steps.entries()) {
    const reply = await fetch(`${baseUrl}/api/v1${step.path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', authorization: `Bearer ${tokenFor(reference.successorBoardOn(step.boardId, today))}` },
      body: JSON.stringify(step.body),
    });
    const body = (await reply.json()) as { position?: string; detail?: string; code?: string };
    if (reply.status !== 201) throw new Error(`scenario step ${index + 1} ${step.path} → ${reply.status} ${body.code}: ${body.detail}`);
    position = body.position as string;
    onProgress?.(index + 1, steps.length);
  }
  return position;
}
