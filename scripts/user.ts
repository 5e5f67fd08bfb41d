import { parseArgs } from 'node:util';
import { addUser, removeUser, setUser, type UserChange } from '@/lib/auth/bootstrap';
import { ROLES, roleSchema } from '@/lib/auth/roles';
import { closeStateDb } from '@/lib/state/db';
import { recordAudit } from '@/lib/audit/record';
import os from 'node:os';

/**
 * `npm run user:add` and `npm run user:set`: local users, for installs without single sign-on (or
 * beside it). Run while the server is stopped (the state database is one process's at a time) or
 * use the running app's Admin → Users page. Every change of role or password, disabling and
 * deleting ends the user's open sessions.
 */

const USAGE = {
  add: `usage: npm run user:add -- <name> [--role ${ROLES.join('|')}]

Adds a user, or resets an existing one's password and role, and prints a generated password once.
TRAILSCOPE_NEW_USER_PASSWORD sets the password instead.`,
  set: `usage: npm run user:set -- <name> [--role ${ROLES.join('|')}] [--password] [--disable | --enable] [--delete]

Changes an existing user; each change ends the user's open sessions.
  --role       new role
  --password   new password: TRAILSCOPE_NEW_USER_PASSWORD, else a generated one printed once
  --disable    refuse the user's sign-ins and end their sessions; --enable undoes it
  --delete     remove the user`,
} as const;

type Command = keyof typeof USAGE;

async function main(command: Command, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      password: { type: 'boolean' },
      disable: { type: 'boolean' },
      enable: { type: 'boolean' },
      delete: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE[command]);
    return 0;
  }
  const name = positionals[0];
  const role = values.role === undefined ? undefined : roleSchema.safeParse(values.role);
  if (!name || positionals.length > 1 || (role && !role.success) || (values.disable && values.enable)) {
    console.error(USAGE[command]);
    return 2;
  }
  const chosenPassword = process.env.TRAILSCOPE_NEW_USER_PASSWORD || undefined;
  try {
    const audit = (detail: Record<string, unknown>) =>
      recordAudit({ action: 'user-change', actor: os.userInfo().username, via: 'cli', entity: `app-user:${name}`, detail: { command, ...detail } });
    if (command === 'add') {
      const result = await addUser({ name, role: role?.data ?? 'viewer', password: chosenPassword });
      await audit({ role: role?.data ?? 'viewer', created: result.created });
      console.log(`${result.created ? 'Added' : 'Updated'} user "${name}" (${role?.data ?? 'viewer'}).`);
      if (result.password) console.log(`Password (shown only now): ${result.password}`);
      return 0;
    }
    if (values.delete) {
      if (!(await removeUser(name))) throw new Error(`there is no user "${name}"`);
      await audit({ deleted: true });
      console.log(`Deleted user "${name}"; their sessions have ended.`);
      return 0;
    }
    const change: UserChange = {
      ...(role ? { role: role.data } : {}),
      ...(values.password ? { password: chosenPassword ?? true } : {}),
      ...(values.disable ? { disabled: true } : values.enable ? { disabled: false } : {}),
    };
    if (Object.keys(change).length === 0) {
      console.error(USAGE.set);
      return 2;
    }
    const { user, password } = await setUser(name, change);
    await audit({ role: change.role, disabled: change.disabled, passwordReset: change.password !== undefined });
    console.log(`Updated user "${name}": ${user.role}${user.disabled ? ', disabled' : ''}; their open sessions have ended.`);
    if (password) console.log(`Password (shown only now): ${password}`);
    return 0;
  } finally {
    await closeStateDb();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command !== 'add' && command !== 'set') {
  console.error('usage: tsx scripts/user.ts add|set …');
  process.exit(2);
}
main(command, rest).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(/lock/i.test(message) ? `${message}\nThe server holds the state database: stop it first, or use Admin → Users in the app.` : message);
    process.exit(1);
  },
);
