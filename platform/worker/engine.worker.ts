/**
 * The engine Web Worker, hosted by the side panel (and the options page): owns IndexedDB access
 * for the code tables and answers through Comlink. Content scripts cannot start it (it runs on the
 * extension origin); they send chart snapshots to the side panel by message instead.
 */
import * as Comlink from 'comlink';
import { openChartsideDb } from '../db';
import { createEngine } from './engine';
import { useZodJitless } from '../zod-jitless';

useZodJitless();
Comlink.expose(createEngine(openChartsideDb()).api);
