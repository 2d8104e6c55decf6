export function generate(root: string, chapters: number): Promise<void>;
export function generateLong(root: string, megabytes: number): Promise<void>;
export function generatePhotos(root: string, count: number): Promise<void>;
