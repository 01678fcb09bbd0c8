import { describe, expect, it } from 'vitest';
import { projectorPlacement, type DisplayLike } from '../../src/main/app/projector-placement';

const display = (id: number, x: number, y: number, width: number, height: number): DisplayLike => ({
  id,
  bounds: { x, y, width, height },
  workArea: { x, y: y + 30, width, height: height - 30 },
});

const laptop = display(1, 0, 0, 1440, 900);
const projector = display(2, 1440, 0, 1920, 1080);

describe('where the projector window goes', () => {
  it('covers the other display, full screen, when the host window is on the laptop', () => {
    expect(projectorPlacement([laptop, projector], 1)).toEqual({
      displayId: 2,
      bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
      fullscreen: true,
    });
  });

  it('covers the laptop when the host moved its window to the other display', () => {
    expect(projectorPlacement([laptop, projector], 2)).toMatchObject({ displayId: 1, fullscreen: true });
  });

  it('picks the largest of several other displays, also left of or above the main one', () => {
    const small = display(3, -1280, 0, 1280, 720);
    const big = display(4, 0, -2160, 3840, 2160);
    expect(projectorPlacement([laptop, small, big], 1)).toEqual({
      displayId: 4,
      bounds: { x: 0, y: -2160, width: 3840, height: 2160 },
      fullscreen: true,
    });
  });

  it('opens a window on the only display, centred in its work area and not full screen', () => {
    expect(projectorPlacement([laptop], 1)).toEqual({
      displayId: 1,
      bounds: { x: 240, y: 195, width: 960, height: 540 },
      fullscreen: false,
    });
  });

  it('fits a small only display', () => {
    const tiny = display(7, 0, 0, 800, 500);
    const placed = projectorPlacement([tiny], 7);
    expect(placed.fullscreen).toBe(false);
    expect(placed.bounds.width).toBeLessThanOrEqual(800);
    expect(placed.bounds.height).toBeLessThanOrEqual(470);
  });
});
