/** An in-memory Discovery for UI tests: the test sets the room list, subscribers see it. */
import type { DiscoveredRoom, Discovery } from './room-info';

export interface FakeDiscovery extends Discovery {
  setRooms(rooms: DiscoveredRoom[]): void;
  /** How many times refresh() was called. */
  readonly refreshes: number;
}

export function createFakeDiscovery(initial: DiscoveredRoom[] = []): FakeDiscovery {
  let list = [...initial];
  let refreshes = 0;
  const listeners = new Set<(rooms: DiscoveredRoom[]) => void>();
  const notify = () => listeners.forEach((listener) => listener([...list]));
  return {
    start() {},
    async stop() {},
    refresh() {
      refreshes += 1;
    },
    get refreshes() {
      return refreshes;
    },
    rooms: () => [...list],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setRooms(rooms) {
      list = [...rooms];
      notify();
    },
  };
}
