import { lazyBundle } from '../lazyBundle';
import type * as DesktopEngine from './desktop';

/** The desktop push engine, loaded on first use from dist/pushEngine.js. */
export const desktopEngine = lazyBundle<typeof DesktopEngine>('pushEngine.js');
