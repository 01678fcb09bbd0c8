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

  it('covers one of the other two when the host window is on the second of three displays', () => {
    const third = display(3, 3360, 0, 1280, 720);
    expect(projectorPlacement([laptop, projector, third], 2)).toEqual({
      displayId: 1,
      bounds: { x: 0, y: 0, width: 1440, height: 900 },
      fullscreen: true,
    });
  });

  it('keeps to the displays’ own coordinates, whatever their scale factor', () => {
    // Electron gives bounds in device-independent pixels: a 4K projector at 200 % is 1920×1080 of
    // them, and the window is placed in those, never in the display's physical pixels.
    const retina = { ...display(1, 0, 0, 1512, 982), scaleFactor: 2 };
    const fourK = { ...display(2, -1920, -100, 1920, 1080), scaleFactor: 2 };
    const plain = { ...display(3, 1512, 0, 1280, 800), scaleFactor: 1 };
    expect(projectorPlacement([retina, fourK, plain], 1)).toEqual({
      displayId: 2,
      bounds: { x: -1920, y: -100, width: 1920, height: 1080 },
      fullscreen: true,
    });
  });

  it('takes the first listed of equally large other displays', () => {
    const left = display(5, -1920, 0, 1920, 1080);
    expect(projectorPlacement([laptop, projector, left], 1).displayId).toBe(2);
    expect(projectorPlacement([laptop, left, projector], 1).displayId).toBe(5);
  });

  it('centres in the work area of an only display left of or above the origin', () => {
    const only = display(9, -1920, -1080, 1920, 1080);
    expect(projectorPlacement([only], 9)).toEqual({
      displayId: 9,
      bounds: { x: -1440, y: -795, width: 960, height: 540 },
      fullscreen: false,
    });
  });

  it('opens a window, not full screen, when no display is listed', () => {
    expect(projectorPlacement([], 1)).toEqual({
      displayId: 1,
      bounds: { x: 0, y: 0, width: 960, height: 540 },
      fullscreen: false,
    });
  });
});
