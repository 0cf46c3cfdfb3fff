/**
 * A page's heading. It takes focus when the page opens so that keyboard and screen-reader users start at the top
 * of the new content instead of the link they pressed (the pattern GOV.UK and OpenCRVS use for client routing).
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ title, intro }: { readonly title: string; readonly intro?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title]);
  return (
    <header className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <p className="page-heading__intro">{intro}</p> : null}
    </header>
  );
}
