/** The screens of this app that are not a game in progress: Home picks one of them. */
export type LocalPage = 'home' | 'host-setup' | 'join' | 'library' | 'reports';
