import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/auth/page-access';

/** Everything under /admin is for administrators; viewers get 403 (app/forbidden.tsx). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageUser('admin');
  return children;
}
