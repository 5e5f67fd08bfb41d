import { roleAtLeast } from '@/lib/auth/roles';
import { listUsers } from '@/lib/state/users';

export interface Assignee {
  /** The users-table key the finding stores. */
  name: string;
  /** What the pages show. */
  label: string;
}

/** Who a finding can be given to: active users who may triage (analysts and admins). */
export async function assignableUsers(): Promise<Assignee[]> {
  return (await listUsers()).filter((u) => !u.disabled && roleAtLeast(u.role, 'analyst')).map((u) => ({ name: u.name, label: u.displayName ?? u.name }));
}

/** Whether `name` may be assigned a finding. */
export async function isAssignable(name: string): Promise<boolean> {
  return (await assignableUsers()).some((u) => u.name === name);
}
