/** Runs of whitespace as one space, trimmed: how csr compares a message it wrote with what a desk shows back. */
export const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();
