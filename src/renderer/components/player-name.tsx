/**
 * A player's name as the screens show it: bidi-isolated (`<bdi>`), so that a right-to-left name
 * (Arabic, Hebrew) or one ending in digits cannot reorder the text around it. Every place that
 * shows a name the players chose renders it through here.
 */
export function PlayerName({ name, className }: { name: string; className?: string }) {
  return <bdi className={className}>{name}</bdi>;
}
