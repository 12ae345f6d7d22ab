/** The workspace root. */
export declare const root: string;
/** Bundles `entry` (workspace-relative) into `outfile` (absolute, under the workspace so packages resolve). */
export declare function bundle(entry: string, outfile: string): void;
