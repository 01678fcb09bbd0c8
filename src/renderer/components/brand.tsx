/** The Quizroom mark and name. */
import './brand.css';

export function BrandMark({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="44" height="44" rx="12" fill="#ffd23f" />
      <path d="M16 8 L22.5 19 H9.5 Z" fill="#d7263d" />
      <path d="M32 8 L38 14 L32 20 L26 14 Z" fill="#1f5fd1" />
      <circle cx="16" cy="32" r="6" fill="#1e8a3a" />
      <rect x="27" y="27" width="11" height="11" rx="1.5" fill="#2a1560" />
    </svg>
  );
}

export function Brand({ large = false }: { large?: boolean }) {
  return (
    <span className={`brand${large ? ' brand--large' : ''}`}>
      <BrandMark className="brand__mark" />
      <span className="brand__name">Quizroom</span>
    </span>
  );
}
