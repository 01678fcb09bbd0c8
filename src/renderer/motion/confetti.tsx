/**
 * Confetti for the winner: a few hundred paper bits on a canvas over the screen, falling for a few
 * seconds, then the canvas goes away. Decoration only (hidden from screen readers, never in the
 * way of a click), and none at all with reduced motion.
 */
import { useEffect, useRef } from 'react';
import { useReducedMotion } from './use-reduced-motion';

const COLOURS = ['#ffd23f', '#d7263d', '#1f5fd1', '#1a7f35', '#ffffff', '#6a4bff'];
const PIECES = 180;
const SECONDS = 5;

interface Piece {
  x: number;
  y: number;
  vx: number;
  vy: number;
  spin: number;
  angle: number;
  size: number;
  colour: string;
}

/** A small seeded sequence, so every show throws the same confetti (and tests see the same). */
function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

export function Confetti({ onDone }: { onDone?: () => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const reduced = useReducedMotion();
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || reduced) return;
    const scale = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    ctx.scale(scale, scale);
    const random = sequence(7);
    const unit = Math.max(6, Math.min(width, height) / 90);
    const pieces: Piece[] = Array.from({ length: PIECES }, (_, i) => ({
      // Two bursts, from the lower left and right corners, towards the middle.
      x: i % 2 ? width * 0.1 : width * 0.9,
      y: height * 0.9,
      vx: (i % 2 ? 1 : -1) * (0.2 + random() * 0.9) * width * 0.55,
      vy: -(0.7 + random() * 0.7) * height,
      spin: (random() - 0.5) * 12,
      angle: random() * Math.PI,
      size: unit * (0.6 + random() * 0.8),
      colour: COLOURS[i % COLOURS.length]!,
    }));
    let frame = 0;
    let last: number | null = null;
    let elapsed = 0;
    const draw = (t: number) => {
      const dt = last === null ? 0 : Math.min(0.05, (t - last) / 1000);
      last = t;
      elapsed += dt;
      ctx.clearRect(0, 0, width, height);
      for (const p of pieces) {
        p.vy += height * 1.1 * dt; // gravity
        p.vx *= 1 - 1.2 * dt; // air
        p.x += p.vx * dt;
        p.y += p.vy * dt;
        p.angle += p.spin * dt;
        ctx.save();
        ctx.translate(p.x, p.y);
        ctx.rotate(p.angle);
        ctx.fillStyle = p.colour;
        ctx.globalAlpha = Math.max(0, Math.min(1, (SECONDS - elapsed) / 1));
        ctx.fillRect(-p.size / 2, -p.size / 4, p.size, p.size / 2);
        ctx.restore();
      }
      if (elapsed < SECONDS) frame = requestAnimationFrame(draw);
      else onDone?.();
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [reduced, onDone]);
  if (reduced) return null;
  return <canvas ref={ref} className="confetti" aria-hidden="true" />;
}
