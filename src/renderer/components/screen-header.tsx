/**
 * The top of a full-page screen: a Back button (labelled with where it goes), the screen's heading
 * (which takes focus, see screen-heading.tsx), and anything the screen adds after it.
 */
import type { ReactNode } from 'react';
import { ScreenHeading } from './screen-heading';

interface ScreenHeaderProps {
  /** The heading's text. */
  title: ReactNode;
  /** Where Back goes; no button without it. */
  back?: { label: string; onClick: () => void };
  className?: string;
  children?: ReactNode;
}

export function ScreenHeader({ title, back, className, children }: ScreenHeaderProps) {
  return (
    <div className={`screen__header${className ? ` ${className}` : ''}`}>
      {back ? (
        <button type="button" className="btn btn--ghost btn--small" onClick={back.onClick}>
          {/* An arrow that points back in the reading direction (mirrored right to left). */}
          <span className="back-arrow">←</span> {back.label}
        </button>
      ) : null}
      <ScreenHeading>{title}</ScreenHeading>
      {children}
    </div>
  );
}
