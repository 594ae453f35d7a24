import { lazyBundle } from '../lazyBundle';
import type * as PushEngine from './desktop';

/** The push engine, loaded on first use from dist/pushEngine.js. */
export const pushEngine = lazyBundle<typeof PushEngine>('pushEngine.js');
