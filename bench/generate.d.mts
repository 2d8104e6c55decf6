export function generate(root: string, chapters: number): Promise<void>;
