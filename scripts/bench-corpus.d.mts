export function generateDockerfile(n: number): string;
