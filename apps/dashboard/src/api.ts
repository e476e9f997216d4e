import { state } from './state';

type Params = Record<string, string | number | null | undefined>;

/** A refused request: the problem document's detail (or title), and its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { detail?: string; title?: string } | null,
  ) {
    super(body?.detail || body?.title || `HTTP ${status}`);
  }
}

const query = (params: Params) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== '' && e[1] !== undefined && e[1] !== null).map(([k, v]) => [k, String(v)]));
  return [...q].length ? `?${q}` : '';
};

/** GET /api/v1…, with the signed-in user's token in the Authorization header (never in a URL). */
async function get(path: string, params: Params): Promise<Response> {
  const response = await fetch(`/api/v1${path}${query(params)}`, { headers: { authorization: `Bearer ${state.token}` } });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response;
}

export const api = async <T>(path: string, params: Params = {}): Promise<T> => (await get(path, params)).json() as Promise<T>;
export const apiText = async (path: string, params: Params = {}): Promise<string> => (await get(path, params)).text();
export const apiBlob = async (path: string, params: Params = {}): Promise<Blob> => (await get(path, params)).blob();

/** The filters every report shares, and the head position the reports must have caught up with. */
export const filters = (extra: Params = {}): Params => ({
  regionId: state.regionId,
  boardId: state.boardId,
  zoneId: state.zoneId,
  origin: state.origin,
  units: state.units,
  minPosition: state.head ?? '',
  ...extra,
});
