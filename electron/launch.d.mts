// Types of electron/launch.mjs (plain JavaScript: it runs before anything is built), for the
// TypeScript that uses it (the test runners' global set-ups).
export declare const ROOT: string;
/** The newest modification time of a file, or of any file below a folder (0 when missing). */
export declare function newestMtime(target: string): number;
/** Runs vite's build with `args`, its messages on stderr; false when it failed. */
export declare function viteBuild(args: string[], env?: Record<string, string>): boolean;
/** The URL of one program's bundle (`cli` or `host`) in out/node/, built first when stale. */
export declare function nodeBundle(name: 'cli' | 'host'): string;
/** The folders and files the CLI and host bundles are built from. */
export declare const NODE_SOURCES: readonly string[];
