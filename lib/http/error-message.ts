/** The JSON error bodies of lib/http/errors.ts, as a browser reads them. */
export interface ApiErrorBody {
  error?: string;
  message?: string;
  parameter?: string;
}

/** What an API error says, for a person: the bad parameter and what is wrong with it, else the message. */
export function apiErrorMessage(body: ApiErrorBody | null | undefined, status: number): string {
  if (body?.parameter) return `${body.parameter} ${body.message ?? 'is invalid'}`;
  return body?.message ?? body?.error ?? `the server answered ${status}`;
}
