// Dossiers and export (issue 4).
export const dossiersContract = {} as const;
