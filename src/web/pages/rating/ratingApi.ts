/**
 * GET/POST /api/rate/{code}. The server picks the channel from how the caller is tied to the
 * dossier: a signed link's token (link), the citizen's session (portal), or an officer's
 * session or the counter tablet's access token (counter).
 */
import { api } from '../../api.js';
import type { Lang } from '../../i18n/i18n.js';
import type { ApiBody } from '../../api/types.js';
import type { RatingForm, RatingResult } from '../../types.js';

type FormCriterion = RatingForm['criteria'][number];

/** A criterion's labels in the UI's language: the province's English ones, else its Vietnamese ones. */
export function criterionText(c: FormCriterion, lang: Lang): { label: string; levels: string[] } {
  return lang === 'en' ? { label: c.labelEn ?? c.label, levels: c.levelsEn } : { label: c.label, levels: c.levels };
}

export interface RateAuth {
  /** The token of a signed rating link (?token= in the notification's URL). */
  linkToken?: string | undefined;
  /** The tablet's API token (scope satisfaction.record), sent as a Bearer credential. */
  bearer?: string | undefined;
}

/** The rating itself; the link's token is added from RateAuth. */
export type RateInput = Omit<ApiBody<'/api/rate/{code}', 'post'>, 'token'>;

const headers = (auth: RateAuth) => (auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : undefined);
const path = (code: string) => `/api/rate/${encodeURIComponent(code)}`;

// on401 'throw': an unknown tablet is asked to set up, not sent to the sign-in page.
export const ratingForm = (code: string, auth: RateAuth = {}) =>
  api<RatingForm>(path(code), { query: { token: auth.linkToken }, headers: headers(auth), on401: 'throw' });

export const sendRating = (code: string, input: RateInput, auth: RateAuth = {}) =>
  api<RatingResult>(path(code), {
    method: 'POST',
    body: { ...input, ...(auth.linkToken ? { token: auth.linkToken } : {}) },
    headers: headers(auth),
    on401: 'throw',
  });

/** The middle of a scale is acceptable; below it is bad and needs a reason (as the server rules). */
export const isBadLevel = (level: number, scale: number) => level < (scale + 1) / 2;
