import { Tabs } from './tabs';
import { PROFILE_TABS, type ProfileTab } from '@/lib/profiles/params';
import type { RoleSessionTab } from '@/lib/role-sessions/profile-params';

const TAB_LABELS: Record<ProfileTab | RoleSessionTab, string> = {
  overview: 'Overview',
  'new-behavior': 'New behavior',
  timeline: 'Timeline',
  events: 'Events',
  graph: 'Graph',
};

/** A profile's tabs, in the order of the tuple its URL is validated with (`PROFILE_TABS`, `ROLE_SESSION_TABS`). */
export function ProfileTabs<T extends ProfileTab | RoleSessionTab>({ tabs, active, hrefFor }: { tabs: readonly T[]; active: T; hrefFor: (tab: T) => string }) {
  return <Tabs active={active} tabs={tabs.map((id) => ({ id, label: TAB_LABELS[id], href: hrefFor(id) }))} />;
}

/** The role and user profiles' tabs; Graph only where the subject can sit on the role-chaining graph. */
export function profileTabs(graph: boolean): readonly ProfileTab[] {
  return graph ? PROFILE_TABS : PROFILE_TABS.filter((t) => t !== 'graph');
}
