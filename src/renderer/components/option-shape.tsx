/**
 * Each answer option has its own colour, shape and number key, so that colour is never the only
 * way to tell options apart (colour-blind players, grey projectors, screen readers).
 */
export const OPTION_SHAPES = ['triangle', 'diamond', 'circle', 'square'] as const;
export type OptionShapeName = (typeof OPTION_SHAPES)[number];

export function optionShape(index: number): OptionShapeName {
  return OPTION_SHAPES[index % OPTION_SHAPES.length] ?? 'square';
}

const PATHS: Record<OptionShapeName, string> = {
  triangle: 'M12 3 L22 20 H2 Z',
  diamond: 'M12 2 L22 12 L12 22 L2 12 Z',
  circle: 'M12 2.5 A9.5 9.5 0 1 1 11.99 2.5 Z',
  square: 'M3.5 3.5 H20.5 V20.5 H3.5 Z',
};

export function OptionShape({ index, className }: { index: number; className?: string }) {
  return (
    <svg className={`shape ${className ?? ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[optionShape(index)]} fill="currentColor" />
    </svg>
  );
}
