import { Tabs } from './tabs';
import type { ProfileTab } from '@/lib/profiles/params';

/** Overview and New behavior, the tabs the role and user profiles share; the role's Graph. */
export function ProfileTabs({ active, hrefFor, graph = false }: { active: ProfileTab; hrefFor: (tab: ProfileTab) => string; graph?: boolean }) {
  return (
    <Tabs
      active={active}
      tabs={[
        { id: 'overview', label: 'Overview', href: hrefFor('overview') },
        { id: 'new-behavior', label: 'New behavior', href: hrefFor('new-behavior') },
        ...(graph ? [{ id: 'graph', label: 'Graph', href: hrefFor('graph') }] : []),
      ]}
    />
  );
}
