import Link from 'next/link';
import { formatCount } from '@/lib/format';

/** A count that opens the events behind it; a zero is shown plainly, since there is nothing to open. */
export function CountLink({ value, href, tone = 'normal' }: { value: number; href: string; tone?: 'normal' | 'failed' }) {
  if (value === 0) return <span className="text-slate-400">0</span>;
  return (
    <Link href={href} className={`${tone === 'failed' ? 'text-red-700' : 'text-indigo-700'} hover:underline`}>
      {formatCount(value)}
    </Link>
  );
}
