/**
 * LAN discovery: announce a hosted room with mDNS/DNS-SD and find rooms on the network. The only
 * module that touches bonjour-service; the rest of the app sees Announcer and Discovery.
 */
export { startAnnouncer, type AnnouncerOptions } from './announcer';
export { createDiscovery, type DiscoveryOptions } from './discovery';
export { createFakeDiscovery, type FakeDiscovery } from './fake-discovery';
export { httpHealthCheck, type HealthCheck } from './health-check';
export type {
  Announcer,
  DiscoveredRoom,
  Discovery,
  DiscoveryLog,
  GameStatus,
  RoomAnnouncement,
} from './room-info';
export { SERVICE_TYPE } from './service-names';
