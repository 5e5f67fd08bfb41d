import { parseArgs } from 'node:util';
import { addUser } from '@/lib/auth/bootstrap';
import { roleSchema } from '@/lib/auth/roles';
import { closeStateDb } from '@/lib/state/db';

/**
 * `npm run user:add -- <name> [--role viewer|admin]`: adds a user (or resets one) and prints a
 * generated password once; TRAILSCOPE_NEW_USER_PASSWORD sets it instead. Run it while the server
 * is stopped: the state database is one process's at a time.
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string', default: 'viewer' } } });
  const name = positionals[0];
  const role = roleSchema.safeParse(values.role);
  if (!name || !role.success) {
    console.error('usage: npm run user:add -- <name> [--role viewer|admin]');
    return 2;
  }
  try {
    const result = await addUser({ name, role: role.data, password: process.env.TRAILSCOPE_NEW_USER_PASSWORD || undefined });
    console.log(`${result.created ? 'Added' : 'Updated'} user "${name}" (${role.data}).`);
    if (result.password) console.log(`Password (shown only now): ${result.password}`);
    return 0;
  } finally {
    await closeStateDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
