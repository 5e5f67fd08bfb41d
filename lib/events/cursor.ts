import { z } from '@/lib/zod';
import { isoInstant } from '@/lib/params/validators';

/** Keyset paging over (event time, event id), newest first: stable while new events arrive. */
const cursorSchema = z.object({ t: isoInstant, id: z.string().min(1).max(256) });
export type EventCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(c: EventCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(text: string): EventCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
