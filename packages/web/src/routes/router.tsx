/**
 * A small history-API router: the server answers every non-/api path with index.html, so URLs such as
 * /admin/users can be bookmarked and reloaded. `navigate` pushes a path; `<Link>` is a real anchor (middle-click,
 * copy link) that navigates in place on a plain click.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

interface RouterState {
  readonly path: string;
  /** How many times the path changed in this page load (0 on the first render). */
  readonly navigations: number;
  navigate(path: string, options?: { readonly replace?: boolean }): void;
}

const RouterContext = createContext<RouterState | undefined>(undefined);

export function RouterProvider({ children }: { readonly children: ReactNode }) {
  const [path, setPath] = useState(() => window.location.pathname);
  const [navigations, setNavigations] = useState(0);

  useEffect(() => {
    const onPop = () => {
      setPath(window.location.pathname);
      setNavigations((n) => n + 1);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: string, options: { readonly replace?: boolean } = {}) => {
    if (next === window.location.pathname) return;
    if (options.replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    setPath(window.location.pathname);
    setNavigations((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ path, navigations, navigate }), [path, navigations, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { readonly to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const { navigate, path } = useRouter();
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} aria-current={path === to ? 'page' : undefined} onClick={handle} {...rest} />;
}
