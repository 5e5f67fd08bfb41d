import { Tabs } from './tabs';
import type { ProfileTab } from '@/lib/params/profile-tab';

/** Overview and New behavior, the tabs the role and user profiles share. */
export function ProfileTabs({ active, hrefFor }: { active: ProfileTab; hrefFor: (tab: ProfileTab) => string }) {
  return (
    <Tabs
      active={active}
      tabs={[
        { id: 'overview', label: 'Overview', href: hrefFor('overview') },
        { id: 'new-behavior', label: 'New behavior', href: hrefFor('new-behavior') },
      ]}
    />
  );
}
