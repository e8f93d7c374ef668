// Site statuses as every placement kernel reads them (assembly/placement/arrays.ts has the same).

export const FREE = 0;
export const OPEN = 1;
export const CLOSED = 2;
