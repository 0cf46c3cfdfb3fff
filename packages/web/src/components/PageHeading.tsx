/**
 * A page's heading. It takes focus when the page opens so that keyboard and screen-reader users start at the top
 * of the new content instead of the link they pressed (the pattern GOV.UK and OpenCRVS use for client routing).
 * Forms that open with their first field focused (login, setup) pass `takeFocus={false}`.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useRouter } from '../routes/router.js';

export function PageHeading({ title, intro, takeFocus = true }: { readonly title: string; readonly intro?: ReactNode; readonly takeFocus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { navigations } = useRouter();
  useEffect(() => {
    // Not on the first page of a load: there the browser's own start (and the skip link) serve keyboard users.
    if (takeFocus && navigations > 0) ref.current?.focus();
  }, [title, takeFocus, navigations]);
  return (
    <header className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <p className="page-heading__intro">{intro}</p> : null}
    </header>
  );
}
