/**
 * Where the projector window goes: on a display other than the one the host's window is on (the
 * largest such, then the first listed), covering it, full screen; with one display, a window of
 * its own beside the host's, not full screen, so that the host's controls stay in reach. Pure:
 * written against plain display records, tested without Electron.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

export interface ProjectorPlacement {
  /** The display the window covers (or opens on). */
  displayId: number;
  bounds: Rect;
  fullscreen: boolean;
}

/** The window's size on the host's own display: large enough to check, small enough to move. */
const ON_ONE_DISPLAY = { width: 960, height: 540 };

export function projectorPlacement(
  displays: readonly DisplayLike[],
  hostDisplayId: number,
): ProjectorPlacement {
  const others = displays.filter((d) => d.id !== hostDisplayId);
  if (others.length > 0) {
    const area = (d: DisplayLike) => d.bounds.width * d.bounds.height;
    const target = others.reduce((best, d) => (area(d) > area(best) ? d : best));
    return { displayId: target.id, bounds: { ...target.bounds }, fullscreen: true };
  }
  const own = displays.find((d) => d.id === hostDisplayId) ?? displays[0];
  if (!own) return { displayId: hostDisplayId, bounds: { x: 0, y: 0, ...ON_ONE_DISPLAY }, fullscreen: false };
  const work = own.workArea;
  const width = Math.min(ON_ONE_DISPLAY.width, work.width);
  const height = Math.min(ON_ONE_DISPLAY.height, work.height);
  return {
    displayId: own.id,
    // Centred on the host's display; the person drags it to the projector or presses F there.
    bounds: {
      x: work.x + Math.round((work.width - width) / 2),
      y: work.y + Math.round((work.height - height) / 2),
      width,
      height,
    },
    fullscreen: false,
  };
}
