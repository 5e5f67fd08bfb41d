import { z } from 'zod';
import { getUser } from '@/lib/state/users';
import type { Role } from './roles';
import { ensureAdminOnce } from './bootstrap';
import { generatePassword, hashPassword, verifyPassword } from './password';

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});

/** Checked against when the user is unknown, so a wrong name costs as long as a wrong password. */
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(generatePassword()));

/** The Credentials provider's check. Returns null for every kind of failure alike. */
export async function verifyCredentials(input: unknown): Promise<{ id: string; name: string; role: Role } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;

  await ensureAdminOnce();
  const user = await getUser(username);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user?.passwordHash || !matches) return null;
  return { id: user.name, name: user.name, role: user.role };
}
