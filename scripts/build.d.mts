// Types of scripts/build.mjs (plain JavaScript, so `npm run build` needs nothing compiled first), for its test.
import type { BuildResult, Plugin } from 'esbuild';

export declare const ENTRY_POINTS: Record<string, string>;
export declare function sourceUrlPlugin(outdir: string): Plugin;
export declare function build(options?: { outdir?: string; entryPoints?: Record<string, string>; logLevel?: 'silent' | 'error' | 'warning' | 'info' }): Promise<BuildResult<{ metafile: true }>>;
