// Tags, taggings, entities and suggested tags (issue 3).
export const tagsContract = {} as const;
