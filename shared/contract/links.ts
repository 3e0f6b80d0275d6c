// Typed links, series and related-story suggestions (issue 3).
export const linksContract = {} as const;
