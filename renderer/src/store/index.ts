export { createAppStore, startApp, type AppStore } from './app-store';
export { StoreProvider, useApp, useAppStoreApi, useT } from './context';
export { PAGE_SIZE, listQueryOf, rowAt } from '../features/library/list-slice';
export type * from './types';
