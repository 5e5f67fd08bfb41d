import { CopyLink } from './copy-link';
import { ScopePicker } from './scope-picker';
import { formatTime } from '@/lib/format';
import type { Scope } from '@/lib/params/scope';

/** A scoped page's title with its scope time, and the picker that changes it. */
export function PageHeader({ title, scope, latest }: { title: string; scope: Scope; latest: string | null }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-500">
          Scope {formatTime(scope.from)} → {formatTime(scope.to)}
        </p>
      </div>
      <div className="flex items-end gap-2">
        {/* Keyed by the scope: a drag on a chart changes the URL, and the inputs must follow. */}
        <ScopePicker key={`${scope.from}/${scope.to}`} from={scope.from} to={scope.to} latest={latest} />
        <CopyLink scope={scope} />
      </div>
    </div>
  );
}
