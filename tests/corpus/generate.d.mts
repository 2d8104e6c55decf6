/** Write the generated books into `out` (the folder is replaced); returns their folders. */
export function generate(out: string): string[];
