import { UsersTable } from '@/components/admin/users-table';
import { linkIsValid } from '@/lib/http/invalid-link';
import { Card } from '@/components/card';
import { auditEntity } from '@/lib/audit/entity';
import { auditPageView } from '@/lib/audit/page-view';
import { listUsers } from '@/lib/state/users';

export const dynamic = 'force-dynamic';

/** Trailscope's own users: roles, disabling, password resets, deletion. Every change ends the user's sessions. */
export default async function UsersPage() {
  await linkIsValid();
  await auditPageView({ role: 'admin', entity: auditEntity('app-user') });
  const users = await listUsers();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-sm text-slate-500">
          Changing a role, resetting a password, disabling or deleting a user ends every session they have open. Single-sign-on
          users get their role from the identity provider at each sign-in; disabling them here keeps them out. New local users:{' '}
          <code className="rounded bg-slate-100 px-1">npm run user:add</code>.
        </p>
      </div>
      <Card title={`${users.length} users`}>
        <UsersTable users={users} />
      </Card>
    </div>
  );
}
