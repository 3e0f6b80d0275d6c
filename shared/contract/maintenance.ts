// Backups, recovery, full-library export/import (issue 6).
export const maintenanceContract = {} as const;
