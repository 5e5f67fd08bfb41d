import Link from 'next/link';
import { Notice } from './notice';

/** What a page shows for a malformed link: which parameter, what is wrong, and a way out. */
export function InvalidLink({ parameter, message, resetHref }: { parameter: string; message: string; resetHref: string }) {
  return (
    <Notice title="This link has an invalid parameter">
      <code>{parameter}</code> {message}.{' '}
      <Link className="underline" href={resetHref}>
        Start again with the default view
      </Link>
      .
    </Notice>
  );
}
