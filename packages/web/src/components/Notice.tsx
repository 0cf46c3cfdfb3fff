/**
 * Status messages. Errors use role="alert" (announced at once); confirmations use role="status" (announced
 * politely). Both stay on screen until replaced, so nothing depends on reading speed (WCAG 2.2.1).
 */
import type { ReactNode } from 'react';

export function Notice({ tone, children }: { readonly tone: 'error' | 'success' | 'info'; readonly children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
